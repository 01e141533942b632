import { msg, type Message } from '../../kernel/i18n/message.ts';
import type { RepositoryFacts } from '../../db/repositories/repository-queries.ts';
import { repositorySchema, type RepositoryPayload } from '../webhooks/payload-schemas.ts';
import { repositoryFacts } from '../webhooks/to-facts.ts';
import { statusOf, type GitHubClient } from './create-github-client.ts';
import { describeGitHubError } from './describe-github-error.ts';
import type { RestRepository } from './store-metadata.ts';

/** A repository as the API reports it: the raw payload (for the snapshot) and its parsed form. */
export interface FetchedRepository {
  kind: 'found';
  raw: RestRepository;
  repo: RepositoryPayload;
}

/**
 * `GET /repos/{owner}/{repo}`. GitHub answers a renamed or transferred repository with a 301 to
 * `/repositories/{id}`, which fetch follows, so the payload carries the new name. 404 is an answer, not an error.
 */
export async function fetchRepository(
  github: GitHubClient,
  owner: string,
  repo: string,
): Promise<FetchedRepository | { kind: 'not-found' }> {
  try {
    const { data } = await github.octokit.rest.repos.get({ owner, repo });
    return parsed(data);
  } catch (error) {
    if (statusOf(error) === 404) return { kind: 'not-found' };
    throw error;
  }
}

/** `GET /repositories/{id}`: the repository with this GitHub id, whatever its name is now. */
export async function fetchRepositoryById(
  github: GitHubClient,
  id: number,
): Promise<FetchedRepository | { kind: 'not-found' }> {
  try {
    const { data } = await github.octokit.request('GET /repositories/{id}', { id });
    return parsed(data);
  } catch (error) {
    if (statusOf(error) === 404) return { kind: 'not-found' };
    throw error;
  }
}

function parsed(data: unknown): FetchedRepository {
  const repo = repositorySchema.safeParse(data);
  if (!repo.success)
    throw new Error(`GitHub returned an unusable repository object: ${repo.error.issues[0]?.message ?? ''}`);
  return { kind: 'found', raw: data as RestRepository, repo: repo.data };
}

/** What `project add` learns about a repository before registering it. */
export type RepositoryLookup =
  { kind: 'found'; id: number; facts: RepositoryFacts } | { kind: 'not-found' } | { kind: 'unknown'; reason: Message };

/**
 * Looks a repository up by name for `project add`: its GitHub id and facts, absent, or unknown with the reason.
 * Without a token a 404 is unknown, not absent: private repositories answer 404 to anonymous callers.
 */
export async function lookupRepository(github: GitHubClient, owner: string, repo: string): Promise<RepositoryLookup> {
  try {
    const found = await fetchRepository(github, owner, repo);
    if (found.kind === 'not-found' && !github.authenticated) {
      return {
        kind: 'unknown',
        reason: msg('github.not-found-anonymous', { repository: `${owner}/${repo}` }),
      };
    }
    if (found.kind === 'not-found') return found;
    return { kind: 'found', id: found.repo.id, facts: repositoryFacts(found.repo) };
  } catch (error) {
    return { kind: 'unknown', reason: describeGitHubError(error, github) };
  }
}
