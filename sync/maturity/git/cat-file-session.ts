import { spawn } from 'node:child_process';
import { gitEnvironment } from '../../git/run-git.ts';
import { DomainError } from '../../../kernel/errors/domain-error.ts';

/** One object as `git cat-file` reports it; `content` only for `contents` requests. */
export interface CatFileObject {
  id: string;
  type: string;
  size: number;
  content?: Buffer;
}

/** A long-lived `git cat-file --batch-command` process: requests are pipelined, answers come back in order. */
export interface CatFileSession {
  /** Type and size of an object (`undefined` when missing), without its content. */
  info(name: string): Promise<CatFileObject | undefined>;
  /** Type, size and content of an object (`undefined` when missing). */
  contents(name: string): Promise<CatFileObject | undefined>;
  /** Ends the process (idempotent); pending requests fail. */
  close(): void;
}

interface Pending {
  withContent: boolean;
  resolve: (o: CatFileObject | undefined) => void;
  reject: (e: Error) => void;
}

/**
 * Starts `git cat-file --batch-command` in `gitDir` (git ≥ 2.36). Without `--buffer` git flushes after every
 * command, so a caller can read a tree, decide which subtrees to read next, and read blobs, all in one process.
 * The process is killed after `timeoutMs` and whenever `close` is called.
 */
export function openCatFileSession(gitDir: string, timeoutMs = 60_000): CatFileSession {
  const child = spawn('git', ['cat-file', '--batch-command'], {
    cwd: gitDir,
    env: gitEnvironment(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const queue: Pending[] = [];
  let buffer: Buffer = Buffer.alloc(0);
  let failure: Error | undefined;
  let stderr = '';

  const fail = (error: Error) => {
    failure ??= error;
    for (const p of queue.splice(0)) p.reject(failure);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const timer = setTimeout(
    () =>
      fail(
        new DomainError(
          'upstream',
          'git_timeout',
          `git cat-file --batch-command took longer than ${timeoutMs} ms and was stopped`,
        ),
      ),
    timeoutMs,
  );
  timer.unref();

  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdin.on('error', () => {}); // reported through 'close'
  child.on('error', (error) =>
    fail(new DomainError('upstream', 'git_failed', `could not start git: ${error.message}`)),
  );
  child.on('close', (code) => {
    clearTimeout(timer);
    fail(
      new DomainError(
        'upstream',
        'git_failed',
        `git cat-file --batch-command ended (exit ${code ?? 'signal'}): ${stderr.trim() || 'no output'}`,
      ),
    );
  });
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    // Answer as many pending requests as the buffer holds: "<id> <type> <size>\n[<content>\n]" or "<name> missing\n".
    while (queue.length > 0) {
      const eol = buffer.indexOf(0x0a);
      if (eol === -1) return;
      const header = buffer.toString('utf8', 0, eol);
      const found = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(header);
      if (!found) {
        buffer = buffer.subarray(eol + 1);
        queue.shift()!.resolve(undefined);
        continue;
      }
      const [, id, type, size] = found;
      const length = Number(size);
      const p = queue[0]!;
      if (!p.withContent) {
        buffer = buffer.subarray(eol + 1);
        queue.shift()!.resolve({ id: id!, type: type!, size: length });
        continue;
      }
      if (buffer.length < eol + 1 + length + 1) return;
      const content = Buffer.from(buffer.subarray(eol + 1, eol + 1 + length));
      buffer = buffer.subarray(eol + 1 + length + 1);
      queue.shift()!.resolve({ id: id!, type: type!, size: length, content });
    }
  });

  const request = (command: 'info' | 'contents', name: string): Promise<CatFileObject | undefined> => {
    if (failure) return Promise.reject(failure);
    if (/[\n\r]/.test(name))
      return Promise.reject(new DomainError('upstream', 'git_failed', 'object names cannot contain line breaks'));
    return new Promise((resolve, reject) => {
      queue.push({ withContent: command === 'contents', resolve, reject });
      child.stdin.write(`${command} ${name}\n`);
    });
  };

  return {
    info: (name) => request('info', name),
    contents: (name) => request('contents', name),
    close() {
      clearTimeout(timer);
      if (!child.stdin.destroyed) child.stdin.end();
      fail(new DomainError('upstream', 'git_failed', 'git cat-file --batch-command was closed'));
    },
  };
}
