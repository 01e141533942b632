import type { IssueFacts } from '../../db/issues/issue-queries.ts';
import type { ReleaseFacts } from '../../db/releases/release-queries.ts';
import type { RepositoryFacts } from '../../db/repositories/repository-queries.ts';
import type { RepositoryPayload } from './payload-schemas.ts';
import { issueSchema, pullRequestSchema, releaseSchema } from './payload-schemas.ts';
import type { z } from 'zod';

// Push payloads carry epoch seconds where every other event carries ISO strings.
const isoTime = (value: string | number | null | undefined): string | null =>
  value === null || value === undefined
    ? null
    : typeof value === 'number'
      ? new Date(value * 1000).toISOString()
      : value;

/** Repository facts from a webhook's `repository` object. */
export function repositoryFacts(repo: RepositoryPayload): RepositoryFacts {
  return {
    owner: repo.owner.login,
    name: repo.name,
    fullName: repo.full_name,
    nodeId: repo.node_id,
    description: repo.description,
    homepage: repo.homepage,
    topics: repo.topics ?? null,
    licenseSpdx: repo.license?.spdx_id ?? null,
    licenseName: repo.license?.name ?? null,
    defaultBranch: repo.default_branch,
    visibility: repo.visibility ?? (repo.private === undefined ? null : repo.private ? 'private' : 'public'),
    archived: repo.archived ?? null,
    fork: repo.fork ?? null,
    stars: repo.stargazers_count,
    forks: repo.forks_count,
    watchers: repo.watchers_count,
    openIssues: repo.open_issues_count,
    language: repo.language ?? null,
    createdAt: isoTime(repo.created_at),
    pushedAt: isoTime(repo.pushed_at),
    githubUpdatedAt: repo.updated_at,
  };
}

/** Release facts from a webhook's `release` object. */
export function releaseFacts(release: z.infer<typeof releaseSchema>, repositoryId: number): ReleaseFacts {
  return {
    id: release.id,
    repositoryId,
    tagName: release.tag_name,
    name: release.name,
    body: release.body,
    draft: release.draft ?? false,
    prerelease: release.prerelease ?? false,
    authorLogin: release.author?.login ?? null,
    assets: (release.assets ?? []).map((a) => a.name),
    createdAt: release.created_at,
    publishedAt: release.published_at,
  };
}

/** Issue or pull-request facts from a webhook's `issue` or `pull_request` object. */
export function issueFacts(
  item: z.infer<typeof issueSchema> | z.infer<typeof pullRequestSchema>,
  repositoryId: number,
  isPullRequest: boolean,
): IssueFacts {
  const pr = 'merged_at' in item ? (item as z.infer<typeof pullRequestSchema>) : undefined;
  return {
    id: item.id,
    repositoryId,
    number: item.number,
    isPullRequest,
    title: item.title,
    state: item.state,
    authorLogin: item.user?.login ?? null,
    authorType: item.user?.type ?? null,
    authorAssociation: item.author_association,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    closedAt: item.closed_at,
    mergedAt: pr?.merged_at ?? null,
    mergedByLogin: pr?.merged_by?.login ?? null,
  };
}
