import { spawn } from 'node:child_process';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { redactSecrets } from '../../kernel/log/redact-secrets.ts';

/** Options for one git invocation. */
export interface RunGitOptions {
  /** Working directory (a bare repository or a work tree). */
  cwd?: string;
  /** Kill git after this many milliseconds (default 10 minutes). */
  timeoutMs?: number;
  /** Bytes written to git's standard input. */
  input?: string | Buffer;
  /** Extra environment variables (merged over a minimal, non-interactive environment). */
  env?: Record<string, string>;
  /** Exit codes that are not failures (default `[0]`). */
  okCodes?: number[];
  /** Receives standard output as it arrives (then `stdout` of the result is empty): for large outputs. */
  onStdout?: (chunk: Buffer) => void;
}

/** What a finished git process produced. */
export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/**
 * The environment every git process runs with: minimal, non-interactive (never a credential prompt), C.UTF-8, no
 * system config; `extra` (credentials through GIT_CONFIG_*, for instance) goes on top.
 */
export function gitEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'C.UTF-8',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: 'echo',
    GIT_CONFIG_NOSYSTEM: '1',
    ...extra,
  };
}

/** Runs git with an argument array (never a shell string), a timeout, and no terminal prompts. */
export type RunGit = (args: readonly string[], options?: RunGitOptions) => Promise<GitResult>;

/**
 * Runs `git` with an argument array. Credentials embedded in URLs are redacted from every error message,
 * so a failing clone of `https://x-access-token:SECRET@host/...` never leaks the token.
 */
export const runGit: RunGit = (args, options = {}) => {
  const { cwd, timeoutMs = 600_000, input, env = {}, okCodes = [0], onStdout } = options;
  return new Promise((resolve, reject) => {
    const child = spawn('git', args as string[], {
      cwd,
      env: gitEnvironment(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (!onStdout) {
        out.push(chunk);
        return;
      }
      try {
        onStdout(chunk);
      } catch (error) {
        // The consumer failed (e.g. the store refused a batch): stop git and report that error.
        child.kill('SIGKILL');
        clearTimeout(timer);
        reject(error);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new DomainError('upstream', 'git_failed', `could not start git: ${redactSecrets(error.message)}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      const command = redactSecrets(`git ${args.join(' ')}`);
      if (timedOut) {
        reject(
          new DomainError('upstream', 'git_timeout', `${command} took longer than ${timeoutMs} ms and was stopped`),
        );
        return;
      }
      const exit = code ?? -1;
      if (!okCodes.includes(exit)) {
        reject(new GitError(command, exit, redactSecrets(stderr.trim())));
        return;
      }
      resolve({ stdout: Buffer.concat(out), stderr, code: exit });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
};

/** A git command that exited with a failure code; message and stderr are already redacted. */
export class GitError extends DomainError {
  readonly exitCode: number;
  readonly stderr: string;
  constructor(command: string, exitCode: number, stderr: string) {
    super('upstream', 'git_failed', `${command} failed (exit ${exitCode}): ${stderr || 'no output'}`);
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}
