import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GitRef } from '../../db/git-refs/git-ref-queries.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';

const FORMAT = [
  '%(refname)',
  '%(objectname)',
  '%(objecttype)',
  '%(*objectname)',
  '%(taggerdate:iso-strict)',
  '%(committerdate:iso-strict)',
].join('%00');

/** Lists the branches and tags of a bare mirror, tags peeled to their commits. */
export async function readRefs(runGit: RunGit, gitDir: string): Promise<GitRef[]> {
  const { stdout } = await runGit(['for-each-ref', `--format=${FORMAT}`, 'refs/heads', 'refs/tags'], { cwd: gitDir });
  const refs: GitRef[] = [];
  for (const line of stdout.toString('utf8').split('\n')) {
    if (!line) continue;
    const [name = '', sha = '', type = '', peeled = '', taggerDate = '', committerDate = ''] = line.split('\0');
    const kind = name.startsWith('refs/heads/') ? 'branch' : name.startsWith('refs/tags/') ? 'tag' : 'other';
    // A tag of a tree or blob peels to no commit; it is kept but counts for nothing.
    const commitSha = type === 'commit' ? sha : type === 'tag' && peeled ? peeled : null;
    refs.push({ name, sha, commitSha, kind, taggedAt: taggerDate || committerDate || null });
  }
  return refs;
}

/** The branch the mirror's HEAD names (`refs/heads/main`), or null for a detached mirror. */
export function readHeadBranch(gitDir: string): string | null {
  // HEAD of a bare repository is a one-line file; reading it saves a `git symbolic-ref` process per fetch.
  const match = /^ref: (\S+)/.exec(readFileSync(path.join(gitDir, 'HEAD'), 'utf8'));
  return match ? match[1]! : null;
}

/**
 * Commits reachable from `next`, computed from the previous count and the symmetric difference
 * (`rev-list --left-right --count previous...next`), so it walks only what changed, even after a force-push.
 */
export async function countCommits(
  runGit: RunGit,
  gitDir: string,
  next: string,
  previous: { sha: string; count: number } | null,
): Promise<number> {
  if (previous && previous.sha !== next) {
    const { stdout, code } = await runGit(['rev-list', '--left-right', '--count', `${previous.sha}...${next}`], {
      cwd: gitDir,
      okCodes: [0, 128],
    });
    const [lost, gained] = stdout.toString('utf8').trim().split(/\s+/).map(Number);
    if (code === 0 && Number.isFinite(lost) && Number.isFinite(gained)) return previous.count - lost! + gained!;
  }
  if (previous && previous.sha === next) return previous.count;
  return Number((await runGit(['rev-list', '--count', next], { cwd: gitDir })).stdout.toString('utf8').trim());
}
