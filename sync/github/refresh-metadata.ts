import { msg, type Message } from '../../kernel/i18n/message.ts';
import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import { isFullName } from '../projects/add-project.ts';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { statusOf, type GitHubClient } from './create-github-client.ts';
import { describeGitHubError } from './describe-github-error.ts';
import { emptyDetails, fetchDetails, fetchUsers, requestBudget } from './fetch-details.ts';
import { emptyListing, fetchIssueListing } from './fetch-issue-listing.ts';
import { fetchRepository, fetchRepositoryById, type FetchedRepository } from './fetch-repository.ts';
import {
  storeMetadata,
  type MetadataSnapshot,
  type RestContributor,
  type RestRelease,
  type StoredMetadata,
} from './store-metadata.ts';

export { lookupRepository, type RepositoryLookup } from './fetch-repository.ts';

/** What a refresh needs. */
export interface RefreshDeps {
  store: Store;
  /** Undefined only where no client was built (some tests); then metadata is marked unknown. */
  github: GitHubClient | undefined;
  log: Logger;
  clock: Clock;
}

/** Bounds on the work of one refresh; what is left is picked up by the next one. */
export interface RefreshLimits {
  /** Pages of 100 issues and pull requests listed per refresh. */
  maxIssuePages: number;
  /** How many of the most recently closed pull requests get reviews and checks read. */
  recentClosedPulls: number;
  /** Items without a first response whose comments are read per refresh (newest first). */
  maxResponseChecks: number;
  /** Requests (304s excluded) spent on details and user profiles per refresh. */
  maxDetailRequests: number;
  /** Contributors whose profile (company) is read, most contributions first. */
  maxUsers: number;
  /** A profile younger than this is not read again. */
  userMaxAgeDays: number;
}

export const defaultRefreshLimits: RefreshLimits = {
  maxIssuePages: 50,
  recentClosedPulls: 100,
  maxResponseChecks: 300,
  maxDetailRequests: 400,
  maxUsers: 100,
  userMaxAgeDays: 30,
};

/** The result of one refresh. */
export type MetadataOutcome =
  | {
      status: 'ok';
      repository: string;
      /** The name held before GitHub reported a rename or transfer. */
      renamedFrom?: string;
      /** Requests answered with a body, and 304s served from the cache. */
      requests: number;
      notModified: number;
      stored: StoredMetadata;
      /** Work left for the next refresh, and other remarks. */
      notes: string[];
    }
  | { status: 'unknown'; repository: string; reason: Message; requests: number; notModified: number }
  | { status: 'tombstoned'; repository: string; reason: Message }
  | { status: 'skipped'; reason: Message };

const DAY = 86_400_000;
const CACHE_UNUSED_DAYS = 90;

/**
 * Refreshes one member's API metadata: repository facts (following a rename or transfer), releases, contributors,
 * issues and pull requests (incrementally, from where the last listing stopped), then, within a request budget,
 * reviews and checks of recently closed pull requests, first responses, and contributors' profiles.
 *
 * Lists are stored as soon as they are read (one transaction), details in a second one. Any failure marks the
 * metadata unknown with the reason and keeps every fact already held; what was read before the failure is kept
 * too. A 404 tombstones the repository. Demo repositories are never refreshed.
 */
export async function refreshMetadata(
  deps: RefreshDeps,
  repositoryId: number,
  limits: Partial<RefreshLimits> = {},
): Promise<MetadataOutcome> {
  const { store, github, log, clock } = deps;
  const limit = { ...defaultRefreshLimits, ...limits };
  const row = store.repositories.get(repositoryId);
  if (!row || row.removed_at !== null)
    return { status: 'skipped', reason: msg('github.skipped.not-member', { id: repositoryId }) };
  if (row.deleted_at !== null)
    return { status: 'skipped', reason: msg('github.skipped.deleted', { repository: row.full_name }) };
  const state = store.metadataState.get(repositoryId);
  if (state?.source === 'demo')
    return { status: 'skipped', reason: msg('github.skipped.demo', { repository: row.full_name }) };
  if (!github) return markUnknown(deps, row, msg('github.no-client'), 0, 0);

  const started = { exchanges: github.stats.exchanges, notModified: github.stats.notModified };
  const counts = () => {
    const notModified = github.stats.notModified - started.notModified;
    return { requests: github.stats.exchanges - started.exchanges - notModified, notModified };
  };
  let id = row.id;
  let fullName = row.full_name;
  const listing = emptyListing();
  const details = emptyDetails();
  let listsStored = false;
  try {
    const found = await resolveRepository(github, row);
    if (found.kind === 'not-found' && !github.authenticated) {
      // Without a token a private repository answers 404 too: that proves nothing, so nothing is tombstoned.
      const { requests, notModified } = counts();
      return markUnknown(deps, row, msg('github.not-found-anonymous', { repository: fullName }), requests, notModified);
    }
    if (found.kind === 'not-found') {
      store.repositories.tombstone(id, isoNow(clock));
      log.info({ repository: fullName }, 'repository not found on GitHub: tombstoned');
      return {
        status: 'tombstoned',
        repository: fullName,
        reason: msg('github.tombstoned', { repository: fullName }),
      };
    }
    const renamed = adoptIdentity(store, row, found, isoNow(clock));
    id = found.repo.id;
    // A name GitHub cannot have is not followed (see adoptIdentity): keep asking under the name we hold.
    const followed = isFullName(`${found.repo.owner.login}/${found.repo.name}`);
    if (followed) fullName = found.repo.full_name;
    const owner = followed ? found.repo.owner.login : row.owner;
    const name = followed ? found.repo.name : row.name;

    const releases: RestRelease[] = await github.octokit.paginate(github.octokit.rest.repos.listReleases, {
      owner,
      repo: name,
      per_page: 100,
    });
    const contributors = await listContributors(github, owner, name);
    await fetchIssueListing(github, owner, name, state?.issuesSince ?? null, limit.maxIssuePages, listing);
    const lists = storeLists(
      store,
      id,
      { repository: found.raw, releases, contributors: contributors.list },
      listing,
      isoNow(clock),
    );
    listsStored = true;

    const budget = requestBudget(github, limit.maxDetailRequests);
    const closedPulls = store.issueActivity
      .listRecentClosedPulls(id, limit.recentClosedPulls)
      .filter((r) => r.details_checked_at === null || r.details_checked_at < (r.updated_at ?? ''));
    const pendingResponses = store.issueActivity.listPendingResponses(id, limit.maxResponseChecks);
    await fetchDetails(github, owner, name, { closedPulls, pendingResponses }, budget, details);
    await fetchUsers(github, staleContributorLogins(deps, id, limit), budget, details);
    const detailed = storeDetails(store, id, details, isoNow(clock));

    const at = isoNow(clock);
    store.repositories.setMetadataState(id, 'api', 'ok', null, at);
    store.httpCache.pruneUnusedSince(new Date(clock.now() - CACHE_UNUSED_DAYS * DAY).toISOString());
    const notes = [
      ...(contributors.note ? [contributors.note] : []),
      ...(listing.complete ? [] : ['issues and pull requests: listing continues at the next refresh']),
      ...(details.deferred > 0 ? [`${details.deferred} items left for the next refresh (request budget)`] : []),
    ];
    const outcome: MetadataOutcome = {
      status: 'ok',
      repository: fullName,
      ...(renamed ? { renamedFrom: renamed } : {}),
      ...counts(),
      stored: merge(lists, detailed),
      notes,
    };
    log.info(
      { repository: fullName, requests: outcome.requests, notModified: outcome.notModified, notes },
      'metadata refreshed',
    );
    return outcome;
  } catch (error) {
    const reason = describeGitHubError(error, github);
    // Keep what was read before the failure: whole pages of the listing, whole items of the details.
    try {
      if (!listsStored && (listing.issues.length > 0 || listing.pullRequests.length > 0))
        storeLists(store, id, {}, listing, isoNow(clock));
      if (listsStored) storeDetails(store, id, details, isoNow(clock));
    } catch (storeError) {
      log.error(
        { repository: fullName, err: github.redact(String(storeError)) },
        'could not keep the metadata read before a failure',
      );
    }
    const { requests, notModified } = counts();
    return markUnknown(deps, { id, full_name: fullName }, reason, requests, notModified);
  }
}

function markUnknown(
  deps: RefreshDeps,
  row: Pick<RepositoryRow, 'id' | 'full_name'>,
  reason: Message,
  requests: number,
  notModified: number,
): MetadataOutcome {
  deps.store.repositories.setMetadataState(row.id, 'api', 'unknown', reason, isoNow(deps.clock));
  deps.log.warn({ repository: row.full_name, reason }, 'metadata unknown');
  return { status: 'unknown', repository: row.full_name, reason, requests, notModified };
}

/**
 * The repository by name; when the name now answers with another id (renamed away, and the name reused), by id.
 * A provisional row (negative id) takes whatever the name answers.
 */
async function resolveRepository(
  github: GitHubClient,
  row: RepositoryRow,
): Promise<FetchedRepository | { kind: 'not-found' }> {
  const byName = await fetchRepository(github, row.owner, row.name);
  if (row.id < 0 || (byName.kind === 'found' && byName.repo.id === row.id)) return byName;
  return fetchRepositoryById(github, row.id);
}

/** Adopts GitHub's id for a provisional row and follows a rename or transfer; returns the former name when renamed. */
function adoptIdentity(store: Store, row: RepositoryRow, found: FetchedRepository, at: string): string | undefined {
  if (row.id < 0) store.repositories.adoptId(row.id, found.repo.id);
  // The name becomes the clone URL: an answer that is not an owner/repo name is not followed.
  if (!isFullName(`${found.repo.owner.login}/${found.repo.name}`)) return undefined;
  const renamed = store.repositories.rename(found.repo.id, found.repo.owner.login, found.repo.name, at);
  return renamed ? row.full_name : undefined;
}

async function listContributors(
  github: GitHubClient,
  owner: string,
  repo: string,
): Promise<{ list?: RestContributor[]; note?: string }> {
  try {
    return {
      list: await github.octokit.paginate(github.octokit.rest.repos.listContributors, { owner, repo, per_page: 100 }),
    };
  } catch (error) {
    // GitHub refuses to list contributors of very large repositories; the git history still names every author.
    if (statusOf(error) === 403 && /too large/i.test(String(error)))
      return { note: 'contributors: GitHub does not list them for a repository this large' };
    throw error;
  }
}

function storeLists(
  store: Store,
  id: number,
  lists: Pick<MetadataSnapshot, 'repository' | 'releases' | 'contributors'>,
  listing: {
    issues: MetadataSnapshot['issues'];
    pullRequests: MetadataSnapshot['pullRequests'];
    newestUpdatedAt: string | null;
  },
  at: string,
): StoredMetadata {
  const stored = storeMetadata(store, id, { ...lists, issues: listing.issues, pullRequests: listing.pullRequests }, at);
  // Only after the items are stored: a listing is resumable from the newest change it read.
  if (listing.newestUpdatedAt) store.metadataState.advanceIssuesSince(id, listing.newestUpdatedAt);
  return stored;
}

function storeDetails(store: Store, id: number, details: ReturnType<typeof emptyDetails>, at: string): StoredMetadata {
  return storeMetadata(
    store,
    id,
    { users: details.users, issues: details.issues, pullRequests: details.pullRequests },
    at,
  );
}

/** Contributors (humans, most contributions first) whose profile is missing or older than the limit. */
function staleContributorLogins(deps: RefreshDeps, id: number, limit: RefreshLimits): string[] {
  const logins = deps.store.contributors
    .listForRepository(id)
    .filter((c) => c.type !== 'Bot')
    .slice(0, limit.maxUsers)
    .map((c) => c.login);
  const fetched = deps.store.githubUsers.fetchedAt(logins);
  const freshAfter = deps.clock.now() - limit.userMaxAgeDays * DAY;
  return logins.filter((login) => {
    const at = fetched.get(login.toLowerCase());
    return at === undefined || Date.parse(at) < freshAfter;
  });
}

function merge(a: StoredMetadata, b: StoredMetadata): StoredMetadata {
  return {
    repository: a.repository || b.repository,
    releases: a.releases + b.releases,
    contributors: a.contributors + b.contributors,
    users: a.users + b.users,
    issues: a.issues + b.issues,
    pullRequests: a.pullRequests + b.pullRequests,
    problems: [...a.problems, ...b.problems],
  };
}
