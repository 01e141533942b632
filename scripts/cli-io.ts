import type { Clock } from '../kernel/clock.ts';
import { DomainError, type ErrorKind } from '../kernel/errors/domain-error.ts';

/** What a CLI command may touch of the outside world; the entry point passes the real process's. */
export interface CliIO {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** True on an interactive terminal (progress bars); false in CI and pipes (plain lines). */
  isTTY: boolean;
  /** The process's one clock. */
  clock: Clock;
}

/** A wrong command line (an option, an argument): printed without a stack trace, exit code by its kind. */
export class CliError extends DomainError {
  constructor(message: string, kind: ErrorKind = 'invalid') {
    super(kind, 'invalid_command', message);
    this.name = 'CliError';
  }
}
