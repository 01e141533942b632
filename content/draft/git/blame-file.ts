import type { RunGit } from '../../../kernel/git/run-git.ts';
import { parseLinePorcelain, type CommitTable } from './parse-line-porcelain.ts';

/** The git arguments of the blame the draft relies on; the benchmark's floor runs exactly these. */
export function blameArgs(commit: string, path: string): string[] {
  // -M and -C follow lines moved within and copied between files; whole-file renames are followed anyway.
  return ['blame', '--line-porcelain', '-M', '-C', commit, '--', path];
}

/** Blames one file at a pinned commit; returns the commit index of every line (into `table`). */
export async function blameFile(
  runGit: RunGit,
  gitDir: string,
  commit: string,
  path: string,
  table: CommitTable,
): Promise<number[]> {
  const { stdout } = await runGit(blameArgs(commit, path), { cwd: gitDir });
  return parseLinePorcelain(stdout.toString('utf8'), table);
}
