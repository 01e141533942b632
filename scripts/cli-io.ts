/** What a CLI command may touch of the outside world; the entry point passes the real process's. */
export interface CliIO {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** True on an interactive terminal (progress bars); false in CI and pipes (plain lines). */
  isTTY: boolean;
}

/** A failure a command reports to the user: printed without a stack trace, exit code 1 (or `exitCode`). */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
    this.name = 'CliError';
  }
}
