import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGit } from '../../kernel/git/run-git.ts';

/** A person committing to a fixture repository. */
export interface Author {
  name: string;
  email: string;
}

export const ALICE: Author = { name: 'Alice Liu', email: 'alice@example.org' };
export const BOB: Author = { name: 'Bob Stone', email: 'bob@example.org' };
export const CAROL: Author = { name: '陈卡罗', email: 'carol@example.org' };

/** A throwaway git repository with deterministic commits. */
export interface FixtureRepo {
  dir: string;
  git: (...args: string[]) => Promise<string>;
  write: (file: string, text: string) => Promise<void>;
  /** Stages everything and commits as `author` on `date` (ISO); returns the new SHA. */
  commit: (author: Author, date: string, message: string) => Promise<string>;
  remove: () => Promise<void>;
}

/** Creates an empty repository in a temp dir (branch `main`). */
export async function createFixtureRepo(prefix = 'magnolia-draft-test-'): Promise<FixtureRepo> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  const git = async (...args: string[]): Promise<string> => (await runGit(args, { cwd: dir })).stdout.toString('utf8');
  await git('init', '--quiet', '--initial-branch=main');
  await git('config', 'user.name', 'Fixture');
  await git('config', 'user.email', 'fixture@example.org');
  await git('config', 'core.quotepath', 'false');
  return {
    dir,
    git,
    write: async (file, text) => {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    },
    commit: async (author, date, message) => {
      await git('add', '--all');
      await runGit(['commit', '--quiet', '-m', message], {
        cwd: dir,
        env: {
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_NAME: author.name,
          GIT_COMMITTER_EMAIL: author.email,
          GIT_COMMITTER_DATE: date,
        },
      });
      return (await git('rev-parse', 'HEAD')).trim();
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
