import { renderMessage } from '../../content/i18n/render-message.ts';
import { msg, storedMessage, type MessageParams } from '../../kernel/i18n/message.ts';
import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import type { Store } from '../../db/store.ts';
import { publicCloneUrl } from '../../kernel/git/public-clone-url.ts';
import { publicGitMessage } from '../../kernel/git/public-git-message.ts';

/** A project as `GET /api/projects` lists it. */
export interface ProjectSummaryJson {
  owner: string;
  repo: string;
  fullName: string;
  domain: string | null;
  description: string | null;
  defaultBranch: string | null;
  headSha: string | null;
  commitCount: number | null;
  contributorCount: number;
  stars: number | null;
  license: string | null;
  lastPushAt: string | null;
  archived: boolean | null;
  metadataStatus: 'ok' | 'unknown';
  /** Maturity level (null: below the first level; undefined in older clients: not evaluated yet). */
  level: string | null;
}

/** A project as `GET /api/projects/:owner/:repo` shows it. */
export interface ProjectJson extends ProjectSummaryJson {
  homepage: string | null;
  topics: string[];
  forks: number | null;
  watchers: number | null;
  createdAt: string | null;
  releases: {
    tagName: string;
    name: string | null;
    publishedAt: string | null;
    prerelease: boolean;
    assets: string[];
  }[];
  topContributors: { name: string; commits: number; firstCommitAt: string; lastCommitAt: string }[];
  mirror: {
    cloneUrl: string | null;
    lastFetchAt: string | null;
    lastAttemptAt: string | null;
    lastError: string | null;
  };
  metadata: {
    status: 'ok' | 'unknown';
    /** Why metadata is unknown, in English; `reasonCode` and `reasonParams` say it in any language. */
    reason: string | null;
    reasonCode: string | null;
    reasonParams: MessageParams | null;
    source: string | null;
    fetchedAt: string | null;
  };
}

/**
 * The summary fields of a member, from the mirror (git) and the stored API facts. `headCommittedAt` comes from a
 * listing query; without it the head commit is looked up.
 */
export function projectSummaryJson(
  store: Store,
  row: RepositoryRow,
  headCommittedAt?: string | null,
): ProjectSummaryJson {
  const head =
    headCommittedAt !== undefined
      ? headCommittedAt
      : row.head_sha
        ? (store.commits.committerDate(row.id, row.head_sha) ?? null)
        : null;
  return {
    owner: row.owner,
    repo: row.name,
    fullName: row.full_name,
    domain: row.domain,
    description: row.description,
    defaultBranch: row.default_branch ?? row.mirror_branch,
    headSha: row.head_sha,
    commitCount: row.commit_count,
    contributorCount: row.contributor_count ?? store.commits.contributorCount(row.id),
    stars: row.stars,
    license: row.license_spdx,
    lastPushAt: row.pushed_at ?? head ?? null,
    archived: row.archived === null ? null : row.archived === 1,
    metadataStatus: row.metadata_status === 'ok' ? 'ok' : 'unknown',
    level: store.maturity.results.level(row.id) ?? null,
  };
}

/** Every field the project page needs. */
export function projectJson(store: Store, row: RepositoryRow): ProjectJson {
  return {
    ...projectSummaryJson(store, row),
    homepage: row.homepage,
    topics: row.topics ? (JSON.parse(row.topics) as string[]) : [],
    forks: row.forks,
    watchers: row.watchers,
    createdAt: row.created_at,
    releases: store.releases.listForRepository(row.id).map((r) => ({
      tagName: r.tag_name,
      name: r.name,
      publishedAt: r.published_at,
      prerelease: r.prerelease === 1,
      assets: r.assets ? (JSON.parse(r.assets) as string[]) : [],
    })),
    topContributors: store.commits
      .topContributors(row.id, 10)
      .map(({ name, commits, firstCommitAt, lastCommitAt }) => ({ name, commits, firstCommitAt, lastCommitAt })),
    mirror: {
      // Public answers: never a path of this machine (the upstream's or the mirror's) nor a credential.
      cloneUrl: row.clone_url ? publicCloneUrl(row.clone_url) : null,
      lastFetchAt: row.last_fetch_at,
      lastAttemptAt: row.last_fetch_attempt_at,
      lastError: row.last_fetch_error ? publicGitMessage(row.last_fetch_error) : null,
    },
    metadata: {
      status: row.metadata_status === 'ok' ? 'ok' : 'unknown',
      ...metadataReason(row),
      source: row.metadata_source,
      fetchedAt: row.metadata_fetched_at,
    },
  };
}

function metadataReason(row: RepositoryRow): Pick<ProjectJson['metadata'], 'reason' | 'reasonCode' | 'reasonParams'> {
  if (row.metadata_status === 'ok') return { reason: null, reasonCode: null, reasonParams: null };
  const reason = storedMessage(row.metadata_reason) ?? msg('github.not-fetched');
  return { reason: renderMessage(reason, 'en'), reasonCode: reason.code, reasonParams: reason.params ?? {} };
}
