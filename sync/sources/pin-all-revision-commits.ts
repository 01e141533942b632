import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../../db/store.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';
import { readObjects } from '../../kernel/git/read-objects.ts';
import { PINNED_REF_PREFIX, pinnedRef } from './keep-commit-reachable.ts';

/** What a backfill of the pinned refs did. */
export interface PinBackfill {
  /** Refs written now. */
  pinned: number;
  /** Commits already kept by their ref. */
  kept: number;
  /** Commits a revision names that the mirror no longer holds (lost before refs were kept): nothing to pin. */
  lost: number;
}

/**
 * Gives every commit a proposal's revision names its `refs/magnolia/pinned/<sha>` ref in the project's mirror
 * (revisions made before the refs existed). Per mirror: one `for-each-ref` of the pinned refs, and only when some
 * are missing one `cat-file --batch-check` and one `update-ref --stdin`, so a start where nothing is missing costs
 * one git process per mirror with proposals.
 */
export async function pinAllRevisionCommits(store: Store, runGit: RunGit): Promise<PinBackfill> {
  // Read every row first: the git work below never holds the database.
  const byMirror = new Map<string, Set<string>>();
  for (const proposal of store.proposals.list()) {
    const mirror = store.repositories.get(proposal.repository_id)?.mirror_path;
    if (!mirror) continue;
    const commits = byMirror.get(mirror) ?? new Set<string>();
    for (const revision of store.revisions.list(proposal.number))
      if (revision.commit_sha) commits.add(revision.commit_sha);
    byMirror.set(mirror, commits);
  }
  const outcome: PinBackfill = { pinned: 0, kept: 0, lost: 0 };
  for (const [mirror, commits] of byMirror) {
    if (commits.size === 0 || !existsSync(path.join(mirror, 'HEAD'))) continue;
    const listed = await runGit(['for-each-ref', '--format=%(refname)', PINNED_REF_PREFIX], { cwd: mirror });
    const have = new Set(listed.stdout.toString('utf8').split('\n').filter(Boolean));
    const missing = [...commits].filter((sha) => !have.has(pinnedRef(sha)));
    outcome.kept += commits.size - missing.length;
    if (missing.length === 0) continue;
    const found = await readObjects(runGit, mirror, missing, { content: false, timeoutMs: 60_000 });
    const present = missing.filter((_, i) => found[i]?.type === 'commit');
    outcome.lost += missing.length - present.length;
    if (present.length === 0) continue;
    await runGit(['update-ref', '--stdin'], {
      cwd: mirror,
      input: present.map((sha) => `update ${pinnedRef(sha)} ${sha}\n`).join(''),
      timeoutMs: 60_000,
    });
    outcome.pinned += present.length;
  }
  return outcome;
}
