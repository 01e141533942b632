import { PassThrough } from 'node:stream';
import { DomainError } from '../errors/domain-error.ts';
import { createCatFileParser, type CatFileObject } from './cat-file-parser.ts';
import type { RunGit } from './run-git.ts';

export type { CatFileObject };

/**
 * How the session's git runs: `command` (`--batch-command`, git ≥ 2.36) answers `info` and `contents` mixed;
 * `contents` (`--batch`) and `info` (`--batch-check`) work with any git and answer one kind of request.
 */
export type CatFileMode = 'command' | 'contents' | 'info';

export interface CatFileSessionOptions {
  mode?: CatFileMode;
  /**
   * Let git buffer its output (`--buffer`): much faster for many requests, but answers arrive only when the
   * session `end`s (or, in `command` mode, never before), so use it only when every request is known up front.
   */
  buffer?: boolean;
  /** Kill git after this many milliseconds (default one minute). */
  timeoutMs?: number;
}

/** A long-lived `git cat-file` process: requests are pipelined, answers come back in order. */
export interface CatFileSession {
  /** Type and size of an object (`undefined` when missing), without its content. */
  info(name: string): Promise<CatFileObject | undefined>;
  /** Type, size and content of an object (`undefined` when missing); not in `info` mode. */
  contents(name: string): Promise<CatFileObject | undefined>;
  /** Ends the input and waits for git to exit: requests already made are still answered. */
  end(): Promise<void>;
  /** Stops the process now (idempotent); pending requests fail. */
  close(): void;
}

const ARGS: Record<CatFileMode, string[]> = {
  command: ['cat-file', '--batch-command'],
  contents: ['cat-file', '--batch'],
  info: ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'],
};

/**
 * Starts `git cat-file` in `gitDir` through the injected runner. Without `buffer` git flushes after every answer,
 * so a caller can read a tree, decide which subtrees to read next, and read blobs, all in one process.
 */
export function openCatFileSession(
  runGit: RunGit,
  gitDir: string,
  options: CatFileSessionOptions = {},
): CatFileSession {
  const { mode = 'command', buffer = false, timeoutMs = 60_000 } = options;
  const args = buffer ? [...ARGS[mode], '--buffer'] : ARGS[mode];
  const label = `git ${ARGS[mode].join(' ')}`;
  const input = new PassThrough();
  const stop = new AbortController();
  const parser = createCatFileParser();
  let failure: Error | undefined;
  let ended = false;
  // Requests made in the same tick (a Promise.all over many names) go to git in one write, not one write each.
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    input.write(lines.join(''));
    lines = [];
  };

  const fail = (error: Error) => {
    failure ??= error;
    parser.fail(failure);
  };
  const done = runGit(args, { cwd: gitDir, input, timeoutMs, signal: stop.signal, onStdout: parser.push }).then(
    (result) => {
      if (parser.waiting() > 0)
        fail(new DomainError('upstream', 'git_failed', `${label} ended early: ${result.stderr.trim() || 'no output'}`));
    },
    (error: unknown) => {
      fail(error instanceof Error ? error : new Error(String(error)));
      throw error;
    },
  );
  done.catch(() => {}); // reported to every request, and to `end`

  const request = (withContent: boolean, name: string): Promise<CatFileObject | undefined> => {
    if (failure) return Promise.reject(failure);
    if (ended) return Promise.reject(new DomainError('invalid', 'git_session_ended', `${label} has ended`));
    if (/[\n\r]/.test(name))
      return Promise.reject(
        new DomainError(
          'invalid',
          'bad_object_name',
          `object names cannot contain line breaks: ${JSON.stringify(name)}`,
        ),
      );
    if (withContent && mode === 'info')
      return Promise.reject(new DomainError('invalid', 'git_session_mode', `${label} does not read contents`));
    const answer = parser.expect(withContent || mode === 'contents', !withContent);
    if (lines.length === 0) queueMicrotask(flush);
    lines.push(mode === 'command' ? `${withContent ? 'contents' : 'info'} ${name}\n` : `${name}\n`);
    return answer;
  };

  return {
    info: (name) => request(false, name),
    contents: (name) => request(true, name),
    end() {
      ended = true;
      flush();
      input.end();
      return done;
    },
    close() {
      ended = true;
      lines = [];
      fail(new DomainError('upstream', 'git_failed', `${label} was closed`));
      input.end();
      stop.abort();
    },
  };
}
