import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import type { Config } from '../../kernel/config/read-config.ts';
import { DomainError, isDomainError } from '../../kernel/errors/domain-error.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { redactSecrets } from '../../kernel/log/redact-secrets.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';
import { validateCloneUrl } from '../../kernel/git/validate-clone-url.ts';
import { gitCredentialEnv } from './git-credentials.ts';
import { countCommits, readHeadBranch, readRefs } from './read-refs.ts';
import { readUnreachable, streamNewCommits } from './read-new-commits.ts';
import { updateMirror } from './update-mirror.ts';

export interface MirrorDeps {
  store: Store;
  config: Config;
  log: Logger;
  clock: Clock;
  runGit: RunGit;
}

/** What one sync of a mirror did. */
export interface MirrorOutcome {
  repository: string;
  cloned: boolean;
  headSha: string | null;
  newCommits: number;
  removedCommits: number;
  refsChanged: number;
}

/**
 * Where a new mirror goes: under the data dir, named by a key that survives renames, transfers and the adoption of
 * GitHub's id (the path is stored on the row), with a random part so two registrations never share a folder.
 */
export function mirrorPathFor(config: Config, row: Pick<RepositoryRow, 'id' | 'registered_at'>): string {
  const key = `${row.registered_at.replace(/\D/g, '').slice(0, 14)}-${Math.abs(row.id)}-${randomBytes(4).toString('hex')}`;
  return path.join(config.dataDir, 'mirrors', `${key}.git`);
}

/**
 * The clone URL of a member: the one registered with `--clone-url`, else `${GITHUB_URL}/<owner>/<repo>.git`.
 * Checked before any git runs: a row written by an older version (or by hand) may hold anything.
 */
export function cloneUrlFor(config: Config, row: Pick<RepositoryRow, 'clone_url' | 'full_name'>): string {
  const url = row.clone_url ?? `${config.githubUrl}/${row.full_name}.git`;
  try {
    return validateCloneUrl(url).url;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw new DomainError(
      'invalid',
      error.code,
      `${row.full_name}: ${error.message}. Git was not run; remove the project (npx magnolia project remove ${row.full_name}) and add it again with a valid --clone-url`,
    );
  }
}

/** Records a failed mirror update on the repository (redacted) and logs it; the caller rethrows. */
export function recordMirrorFailure(deps: MirrorDeps, row: RepositoryRow, error: unknown): void {
  const message = redactSecrets(error instanceof Error ? error.message : String(error), [
    deps.config.githubToken ?? '',
  ]);
  deps.store.repositories.recordFetchError(row.id, message, isoNow(deps.clock));
  deps.log.child({ repository: row.full_name }).warn({ error: message }, 'mirror update failed');
}

/**
 * Brings one member's mirror up to date and indexes what the fetch brought: new commits (never the whole history
 * again), the current refs, commits that force-pushes or deletions made unreachable, the default branch's head
 * and commit count. Failures are recorded on the repository (redacted) and rethrown for the job queue to retry.
 */
export async function syncRepository(deps: MirrorDeps, repositoryId: number): Promise<MirrorOutcome> {
  const { store, config, log, clock, runGit } = deps;
  const row = store.repositories.get(repositoryId);
  if (!row || row.removed_at !== null)
    throw new DomainError('not-found', 'not_a_member', `repository ${repositoryId} is not a member project`);
  const gitDir = row.mirror_path ?? mirrorPathFor(config, row);
  if (!row.mirror_path) store.repositories.setMirrorPath(row.id, gitDir);
  const repoLog = log.child({ repository: row.full_name });
  try {
    const cloneUrl = cloneUrlFor(config, row);
    const before = store.gitRefs.list(row.id);
    const { cloned } = await updateMirror(runGit, {
      gitDir,
      cloneUrl,
      env: gitCredentialEnv(cloneUrl, config.githubUrl, config.githubToken),
    });
    const refs = await readRefs(runGit, gitDir);
    const tips = unique(refs.map((r) => r.commitSha));
    const known = unique(before.map((r) => r.commitSha));
    const tipSet = new Set(tips);
    const lost = known.filter((sha) => !tipSet.has(sha));
    // GitHub's default branch when known, else the branch the upstream's HEAD names.
    const mirrorHead = readHeadBranch(gitDir);
    const head =
      refs.find((r) => row.default_branch !== null && r.name === `refs/heads/${row.default_branch}`) ??
      refs.find((r) => r.name === mirrorHead);
    const previous = row.head_sha && row.commit_count !== null ? { sha: row.head_sha, count: row.commit_count } : null;
    // Counting (another git process) runs on the other core while the new commits are read and stored.
    const counting = head?.commitSha ? countCommits(runGit, gitDir, head.commitSha, previous) : Promise.resolve(0);
    counting.catch(() => {});
    // New commits are stored in batches as git walks (each batch its own transaction): if the sync dies half-way,
    // the refs still name the old tips, so the next sync reads those commits again and the inserts ignore repeats.
    const newCommits = await streamNewCommits(
      runGit,
      gitDir,
      tips,
      known,
      (batch) => store.commits.insertMany(row.id, batch),
      1000,
    );
    const unreachable = await readUnreachable(runGit, gitDir, lost, tips);
    const commitCount = await counting;
    const changed = countChanges(before, refs);
    store.transaction(() => {
      store.commits.deleteMany(row.id, unreachable);
      store.gitRefs.replaceAll(row.id, refs);
      store.repositories.recordFetch(row.id, {
        headSha: head?.commitSha ?? null,
        mirrorBranch: head ? head.name.replace(/^refs\/heads\//, '') : null,
        commitCount,
        at: isoNow(clock),
      });
    });
    const outcome = {
      repository: row.full_name,
      cloned,
      headSha: head?.commitSha ?? null,
      newCommits,
      removedCommits: unreachable.length,
      refsChanged: changed,
    };
    // The child logger already names the repository: pino would write the key twice in one JSON line.
    const { repository: _named, ...fields } = outcome;
    repoLog.info(fields, cloned ? 'mirror cloned' : 'mirror fetched');
    return outcome;
  } catch (error) {
    recordMirrorFailure(deps, row, error);
    throw error;
  }
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

function countChanges(
  before: readonly { name: string; sha: string }[],
  after: readonly { name: string; sha: string }[],
): number {
  const old = new Map(before.map((r) => [r.name, r.sha]));
  let changed = 0;
  for (const r of after) if (old.get(r.name) !== r.sha) changed += 1;
  const names = new Set(after.map((r) => r.name));
  for (const r of before) if (!names.has(r.name)) changed += 1;
  return changed;
}
