import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Author {
  name: string;
  email: string;
}

export const ALICE: Author = { name: 'Alice Zhang', email: 'alice@cloudtide.example' };
export const BOB: Author = { name: 'Bob Li', email: 'bob@hanhai.example' };
export const CAROL: Author = { name: 'Carol Wu', email: 'carol@lianxin.example' };

/** A real upstream: a bare repository plus a work tree that pushes to it. */
export interface Upstream {
  bare: string;
  url: string;
  work: string;
  /** Commits a change as `author` at `date` (ISO); returns the new sha. */
  commit(files: Record<string, string | Uint8Array>, author: Author, date: string, message?: string): string;
  push(...args: string[]): void;
  git(...args: string[]): string;
  head(ref?: string): string;
}

let clock = Date.parse('2026-03-01T10:00:00Z');

/** Creates an empty upstream with `main` as its default branch. */
export function createUpstream(name = 'spec'): Upstream {
  const root = mkdtempSync(path.join(tmpdir(), 'magnolia-upstream-'));
  const bare = path.join(root, `${name}.git`);
  const work = path.join(root, 'work');
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Release Bot',
    GIT_AUTHOR_EMAIL: 'release@example.org',
    GIT_COMMITTER_NAME: 'Release Bot',
    GIT_COMMITTER_EMAIL: 'release@example.org',
    GIT_COMMITTER_DATE: '2026-06-01T00:00:00Z',
  };
  const run = (cwd: string, args: string[], extra: Record<string, string> = {}) =>
    execFileSync('git', args, { cwd, env: { ...env, ...extra }, encoding: 'utf8' }).trim();
  run(root, ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  run(root, ['init', '--quiet', '--initial-branch=main', work]);
  run(work, ['remote', 'add', 'origin', bare]);
  return {
    bare,
    url: pathToFileURL(bare).href,
    work,
    commit(files, author, date, message) {
      for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
        writeFileSync(path.join(work, file), content);
      }
      run(work, ['add', '-A']);
      const when = date || new Date((clock += 3_600_000)).toISOString();
      run(work, ['commit', '--quiet', '-m', message ?? `Update ${Object.keys(files).join(', ')}`], {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
        GIT_COMMITTER_DATE: when,
      });
      return run(work, ['rev-parse', 'HEAD']);
    },
    push(...args) {
      run(work, ['push', '--quiet', 'origin', ...(args.length ? args : ['main'])]);
    },
    git: (...args) => run(work, args),
    head: (ref = 'main') => run(bare, ['rev-parse', ref]),
  };
}

/** An upstream with `count` commits by three authors over months (a spec and a README). */
export function createUpstreamWithHistory(count = 12, name = 'spec'): Upstream {
  const upstream = createUpstream(name);
  const authors = [ALICE, BOB, CAROL];
  for (let i = 0; i < count; i += 1) {
    const date = new Date(Date.parse('2026-01-05T09:00:00Z') + i * 6 * 86_400_000).toISOString();
    upstream.commit(
      {
        'spec/protocol.md': `# Protocol\n\nRevision ${i}.\n\nA client MUST send a hello frame.\n`,
        'README.md': `# ${name}\n\nv${i}\n`,
      },
      authors[i % 3]!,
      date,
      `Revise the protocol (${i})\n\nSigned-off-by: ${authors[i % 3]!.name} <${authors[i % 3]!.email}>`,
    );
  }
  upstream.git('tag', '-a', 'v1.0.0', '-m', 'Version 1.0.0');
  upstream.push('main', '--tags');
  return upstream;
}
