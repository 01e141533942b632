import type { RunGit } from '../../kernel/git/run-git.ts';
import { parseBlamePorcelain, type Blame } from './parse-blame-porcelain.ts';

/**
 * Blame of one file at one commit (`git blame --porcelain <sha> -- <path>`), run asynchronously with a timeout so
 * the event loop only parses the answer. Callers cap the file's size first (the source view: 1 MB).
 */
export async function readBlame(runGit: RunGit, gitDir: string, sha: string, path: string): Promise<Blame> {
  const { stdout } = await runGit(['blame', '--porcelain', sha, '--', path], { cwd: gitDir, timeoutMs: 60_000 });
  return parseBlamePorcelain(stdout.toString('utf8'));
}
