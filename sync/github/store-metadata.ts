import type { CheckFacts, ReviewFacts } from '../../db/issue-activity/issue-activity-queries.ts';
import type { Store } from '../../db/store.ts';
import { issueSchema, pullRequestSchema, releaseSchema, repositorySchema } from '../webhooks/payload-schemas.ts';
import { issueFacts, releaseFacts, repositoryFacts } from '../webhooks/to-facts.ts';
import { firstResponse, type UserRef } from './first-response.ts';

// REST shapes (snake_case, as GitHub returns them and as the demo community is written), reduced to what is
// needed to recognise an item. Everything else is validated at run time by the webhook payload schemas, so one
// definition of "a usable repository / release / issue" serves webhooks, the REST refresh and the demo seed.

/** `GET /repos/{owner}/{repo}`. */
export interface RestRepository {
  id: number;
  name: string;
  full_name: string;
  owner: { login: string };
}

/** `GET /repos/{owner}/{repo}/releases` item. */
export interface RestRelease {
  id: number;
  tag_name: string;
}

/** `GET /repos/{owner}/{repo}/contributors` item (anonymous contributors have no login and are skipped). */
export interface RestContributor {
  login?: string | null | undefined;
  contributions: number;
  type?: string | null | undefined;
}

/** `GET /users/{login}`. */
export interface RestUser {
  login: string;
  type?: string | null | undefined;
  name?: string | null | undefined;
  company?: string | null | undefined;
  email?: string | null | undefined;
}

/** `GET .../issues/{number}/comments` item. */
export interface RestComment {
  user?: UserRef | null | undefined;
  created_at: string;
}

/** `GET .../pulls/{number}/reviews` item. */
export interface RestReview {
  id: number;
  user?: UserRef | null | undefined;
  state: string;
  submitted_at?: string | null | undefined;
}

/** `GET .../commits/{ref}/check-runs` item. */
export interface RestCheckRun {
  status?: string | null | undefined;
  conclusion?: string | null | undefined;
}

/**
 * An issue. Without `title` it carries details only (its comments) for a row already held. `comment_list`
 * absent means "not read this time": what is held stays.
 */
export interface RestIssue {
  id: number;
  number: number;
  title?: string | undefined;
  updated_at?: string | null | undefined;
  /** Comment count as listed. */
  comments?: number | undefined;
  comment_list?: readonly RestComment[] | undefined;
}

/** A pull request; `reviews` and `check_runs` absent mean "not read this time", empty means "none". */
export interface RestPullRequest extends RestIssue {
  merged_at?: string | null | undefined;
  merged_by?: UserRef | null | undefined;
  head?: { sha?: string | null | undefined; ref?: string | undefined } | undefined;
  reviews?: readonly RestReview[] | undefined;
  check_runs?: readonly RestCheckRun[] | undefined;
}

/**
 * What the REST API (or the demo community) says about one repository. Every part is optional; `releases` and
 * `contributors` are complete lists when present (a release missing from them was deleted), `issues` and
 * `pullRequests` are the items that changed.
 */
export interface MetadataSnapshot {
  repository?: RestRepository | undefined;
  releases?: readonly RestRelease[] | undefined;
  contributors?: readonly RestContributor[] | undefined;
  users?: readonly RestUser[] | undefined;
  issues?: readonly RestIssue[] | undefined;
  pullRequests?: readonly RestPullRequest[] | undefined;
}

/** What {@link storeMetadata} wrote, and the items it could not use (with why). */
export interface StoredMetadata {
  repository: boolean;
  releases: number;
  contributors: number;
  users: number;
  issues: number;
  pullRequests: number;
  problems: string[];
}

/**
 * Writes a REST-shaped snapshot of one repository in one transaction: repository facts, releases (tombstoning
 * those no longer listed), contributors, user profiles, issues and pull requests with their first responses,
 * reviews and check runs. Unusable items are reported in `problems`, not thrown.
 */
export function storeMetadata(
  store: Store,
  repositoryId: number,
  snapshot: MetadataSnapshot,
  at: string,
): StoredMetadata {
  return store.transaction(() => {
    const result: StoredMetadata = {
      repository: false,
      releases: 0,
      contributors: 0,
      users: 0,
      issues: 0,
      pullRequests: 0,
      problems: [],
    };
    if (snapshot.repository) {
      const repo = repositorySchema.safeParse(snapshot.repository);
      if (repo.success) result.repository = store.repositories.applyFacts(repositoryId, repositoryFacts(repo.data), at);
      else result.problems.push(`repository: ${repo.error.issues[0]?.message ?? 'unusable'}`);
    }
    if (snapshot.releases) storeReleases(store, repositoryId, snapshot.releases, at, result);
    if (snapshot.contributors) {
      const contributors = snapshot.contributors
        .filter((c): c is RestContributor & { login: string } => typeof c.login === 'string' && c.login.length > 0)
        .map((c) => ({ login: c.login, contributions: c.contributions, type: c.type ?? null }));
      store.contributors.replaceForRepository(repositoryId, contributors);
      result.contributors = contributors.length;
    }
    for (const user of snapshot.users ?? []) {
      store.githubUsers.upsert(
        {
          login: user.login,
          type: user.type ?? null,
          name: user.name ?? null,
          company: user.company ?? null,
          email: user.email ?? null,
        },
        at,
      );
      result.users += 1;
    }
    for (const issue of snapshot.issues ?? []) {
      if (storeItem(store, repositoryId, issue, false, result)) result.issues += 1;
    }
    for (const pull of snapshot.pullRequests ?? []) {
      if (storeItem(store, repositoryId, pull, true, result)) result.pullRequests += 1;
    }
    return result;
  });
}

// The webhook schemas require an account id, which the demo community's user references (like REST's own
// `simple-user` in a few places) leave out. No account id is ever stored, so a placeholder is harmless.
function withAccountIds<T extends object>(item: T, keys: readonly string[]): T {
  const patched: Record<string, unknown> = Object.fromEntries(Object.entries(item));
  for (const key of keys) {
    const ref = patched[key];
    if (typeof ref === 'object' && ref !== null && typeof (ref as { id?: unknown }).id !== 'number')
      patched[key] = { ...ref, id: 0 };
  }
  return patched as T;
}

function storeReleases(
  store: Store,
  repositoryId: number,
  releases: readonly RestRelease[],
  at: string,
  result: StoredMetadata,
): void {
  const listed = new Set<number>();
  for (const raw of releases) {
    const release = releaseSchema.safeParse(withAccountIds(raw, ['author']));
    if (!release.success) {
      result.problems.push(`release ${raw.id}: ${release.error.issues[0]?.message ?? 'unusable'}`);
      continue;
    }
    listed.add(release.data.id);
    store.releases.upsert(releaseFacts(release.data, repositoryId));
    result.releases += 1;
  }
  for (const held of store.releases.listForRepository(repositoryId)) {
    if (!listed.has(held.id)) store.releases.tombstone(held.id, repositoryId, held.tag_name, at);
  }
}

/** Writes one issue or pull request and whatever details it carries; false when it could not be used. */
function storeItem(
  store: Store,
  repositoryId: number,
  item: RestPullRequest,
  isPullRequest: boolean,
  result: StoredMetadata,
): boolean {
  const label = `${isPullRequest ? 'pull request' : 'issue'} #${item.number}`;
  if (item.title !== undefined) {
    const parsed = (isPullRequest ? pullRequestSchema : issueSchema).safeParse(
      withAccountIds(item, ['user', 'merged_by']),
    );
    if (!parsed.success) {
      result.problems.push(`${label}: ${parsed.error.issues[0]?.message ?? 'unusable'}`);
      return false;
    }
    store.issues.upsert(issueFacts(parsed.data, repositoryId, isPullRequest));
  }
  const row = store.issueActivity.get(item.id);
  if (!row || row.repository_id !== repositoryId) {
    result.problems.push(`${label}: details for an item not held`);
    return false;
  }
  if (typeof item.comments === 'number') store.issueActivity.setCommentsCount(row.id, item.comments);
  // Marked with the row's own updated_at: the item is read again only after it changes.
  if (item.comment_list) {
    const first = firstResponse(row.author_login, item.comment_list, item.reviews ?? []);
    store.issueActivity.recordResponses(row.id, first, row.updated_at);
  }
  if (item.reviews) store.issueActivity.replaceReviews(row.id, repositoryId, item.reviews.map(reviewFacts));
  if (item.check_runs) store.issueActivity.recordChecks(row.id, checkFacts(item.head?.sha ?? null, item.check_runs));
  if (isPullRequest && (item.reviews || item.check_runs))
    store.issueActivity.markDetailsChecked(row.id, row.updated_at);
  return true;
}

function reviewFacts(review: RestReview): ReviewFacts {
  return {
    id: review.id,
    reviewerLogin: review.user?.login ?? null,
    reviewerType: review.user?.type ?? null,
    state: review.state,
    submittedAt: review.submitted_at ?? null,
  };
}

function checkFacts(headSha: string | null, runs: readonly RestCheckRun[]): CheckFacts {
  // Counted in a Map: the keys come from the API, and `constructor` or `__proto__` must stay plain keys.
  const conclusions = new Map<string, number>();
  for (const run of runs) {
    const key = run.conclusion ?? run.status ?? 'unknown';
    conclusions.set(key, (conclusions.get(key) ?? 0) + 1);
  }
  return { headSha, count: runs.length, conclusions: Object.fromEntries(conclusions) };
}
