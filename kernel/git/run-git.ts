import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import type { Readable } from 'node:stream';
import { DomainError } from '../errors/domain-error.ts';
import { redactSecrets } from '../log/redact-secrets.ts';
import { gitEnvironment } from './git-environment.ts';
import { GitError } from './git-error.ts';

/** Options for one git invocation. */
export interface RunGitOptions {
  /** Working directory (a bare repository or a work tree). */
  cwd?: string;
  /** Kill git after this many milliseconds (default 10 minutes). */
  timeoutMs?: number;
  /** Bytes written to git's standard input, or a stream piped into it (a long-lived `cat-file` session). */
  input?: string | Buffer | Readable;
  /** Extra environment variables (merged over a minimal, non-interactive environment). */
  env?: Record<string, string>;
  /** Exit codes that are not failures (default `[0]`). */
  okCodes?: number[];
  /** Receives standard output as it arrives (then `stdout` of the result is empty): for large outputs. */
  onStdout?: (chunk: Buffer) => void;
  /** Stops git when aborted; the run then rejects with `git_aborted`. */
  signal?: AbortSignal;
  /** Run git at a lower priority (nice 10): background work that must not slow the answers to requests. */
  background?: boolean;
}

/** What a finished git process produced. */
export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** Runs git with an argument array (never a shell string), a timeout, and no terminal prompts. */
export type RunGit = (args: readonly string[], options?: RunGitOptions) => Promise<GitResult>;

/**
 * Runs `git` with an argument array. Credentials embedded in URLs are redacted from every error message,
 * so a failing clone of `https://x-access-token:SECRET@host/...` never leaks the token.
 */
export const runGit: RunGit = (args, options = {}) => {
  const { cwd, timeoutMs = 600_000, input, env = {}, okCodes = [0], onStdout, signal, background } = options;
  const command = () => redactSecrets(`git ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DomainError('upstream', 'git_aborted', `${command()} was stopped before it started`));
      return;
    }
    const child = spawn('git', args as string[], {
      cwd,
      env: gitEnvironment(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (background && child.pid !== undefined) {
      try {
        setPriority(child.pid, 10);
      } catch {
        // Not permitted here: git runs at the normal priority.
      }
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let stopped: 'timeout' | 'aborted' | undefined;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      fn();
    };
    const timer = setTimeout(() => {
      stopped = 'timeout';
      child.kill('SIGKILL');
    }, timeoutMs);
    const abort = () => {
      stopped ??= 'aborted';
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', abort, { once: true });
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
        settle(() => reject(error));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    // A git that exits before reading all its input breaks the pipe; the exit code tells what happened.
    child.stdin.on('error', () => {});
    child.on('error', (error) => {
      settle(() =>
        reject(new DomainError('upstream', 'git_failed', `could not start git: ${redactSecrets(error.message)}`)),
      );
    });
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (stopped === 'timeout') {
        settle(() =>
          reject(
            new DomainError('upstream', 'git_timeout', `${command()} took longer than ${timeoutMs} ms and was stopped`),
          ),
        );
        return;
      }
      if (stopped === 'aborted') {
        settle(() => reject(new DomainError('upstream', 'git_aborted', `${command()} was stopped`)));
        return;
      }
      const exit = code ?? -1;
      if (!okCodes.includes(exit)) {
        settle(() => reject(new GitError(command(), exit, redactSecrets(stderr.trim()))));
        return;
      }
      settle(() => resolve({ stdout: Buffer.concat(out), stderr, code: exit }));
    });
    if (input === undefined) child.stdin.end();
    else if (typeof input === 'string' || Buffer.isBuffer(input)) child.stdin.end(input);
    else input.pipe(child.stdin);
  });
};
