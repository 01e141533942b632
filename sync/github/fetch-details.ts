import type { IssueActivityRow } from '../../db/issue-activity/issue-activity-queries.ts';
import { statusOf, type GitHubClient } from './create-github-client.ts';
import { firstResponse, isBot } from './first-response.ts';
import type { RestComment, RestIssue, RestPullRequest, RestReview, RestUser } from './store-metadata.ts';

/** A cap on the requests a refresh spends on details; 304s are free. */
export interface RequestBudget {
  /** True while requests remain. */
  available(): boolean;
}

/** Budget over a client's counters, from now on. */
export function requestBudget(github: GitHubClient, max: number): RequestBudget {
  const start = github.stats.exchanges - github.stats.notModified;
  return { available: () => github.stats.exchanges - github.stats.notModified - start < max };
}

/** Details read so far; filled item by item so a failure keeps what was already read. */
export interface Details {
  issues: RestIssue[];
  pullRequests: RestPullRequest[];
  users: RestUser[];
  /** Items (or users) the budget left for a later refresh. */
  deferred: number;
}

export const emptyDetails = (): Details => ({ issues: [], pullRequests: [], users: [], deferred: 0 });

// A first response is nearly always on the first page; a long thread of the author talking to themselves is not
// worth more than a few pages.
const MAX_COMMENT_PAGES = 3;

/**
 * Reads what the process signals need beyond the listing. Recently closed pull requests: the pull request itself
 * (who merged it, head commit), its reviews, and the check runs on its head. Items with no first response yet:
 * their comments (and a pull request's reviews). Items are read newest first while the budget lasts.
 */
export async function fetchDetails(
  github: GitHubClient,
  owner: string,
  repo: string,
  targets: { closedPulls: readonly IssueActivityRow[]; pendingResponses: readonly IssueActivityRow[] },
  budget: RequestBudget,
  into: Details,
): Promise<void> {
  const done = new Set<number>();
  for (const row of targets.closedPulls) {
    if (!budget.available()) {
      into.deferred += 1;
      continue;
    }
    const { data: pull } = await github.octokit.rest.pulls.get({ owner, repo, pull_number: row.number });
    const reviews = await listReviews(github, owner, repo, row.number);
    const checkRuns = await listCheckRuns(github, owner, repo, pull.head.sha);
    const needsResponse = row.first_response_at === null;
    const comments = needsResponse ? await listComments(github, owner, repo, row, reviews) : undefined;
    into.pullRequests.push({
      ...pull,
      reviews,
      ...(checkRuns ? { check_runs: checkRuns } : {}),
      ...(comments ? { comment_list: comments } : {}),
    });
    done.add(row.id);
  }
  for (const row of targets.pendingResponses) {
    if (done.has(row.id)) continue;
    const isPull = row.is_pull_request === 1;
    // The listing said there are no comments: nothing to read for an issue (a pull request may still have reviews).
    if (!isPull && row.comments_count === 0) {
      into.issues.push({ id: row.id, number: row.number, comment_list: [] });
      continue;
    }
    if (!budget.available()) {
      into.deferred += 1;
      continue;
    }
    const reviews = isPull ? await listReviews(github, owner, repo, row.number) : [];
    const comments = await listComments(github, owner, repo, row, reviews);
    if (isPull) into.pullRequests.push({ id: row.id, number: row.number, comment_list: comments, reviews });
    else into.issues.push({ id: row.id, number: row.number, comment_list: comments });
  }
}

/** Reads the public profiles of `logins` (bots have none worth reading) while the budget lasts. */
export async function fetchUsers(
  github: GitHubClient,
  logins: readonly string[],
  budget: RequestBudget,
  into: Details,
): Promise<void> {
  for (const login of logins) {
    if (isBot({ login })) continue;
    if (!budget.available()) {
      into.deferred += 1;
      continue;
    }
    try {
      const { data } = await github.octokit.rest.users.getByUsername({ username: login });
      into.users.push({
        login: data.login,
        type: data.type,
        name: data.name,
        company: data.company,
        email: data.email,
      });
    } catch (error) {
      // A contributor whose account was deleted since: nothing to learn.
      if (statusOf(error) !== 404) throw error;
    }
  }
}

async function listReviews(github: GitHubClient, owner: string, repo: string, number: number): Promise<RestReview[]> {
  const reviews = await github.octokit.paginate(github.octokit.rest.pulls.listReviews, {
    owner,
    repo,
    pull_number: number,
    per_page: 100,
  });
  return reviews.map((r) => ({ id: r.id, user: r.user, state: r.state, submitted_at: r.submitted_at ?? null }));
}

/** Check runs on a commit; undefined when GitHub cannot say (the head commit is gone with its fork). */
async function listCheckRuns(github: GitHubClient, owner: string, repo: string, sha: string) {
  try {
    const { data } = await github.octokit.rest.checks.listForRef({ owner, repo, ref: sha, per_page: 100 });
    return data.check_runs.map((run) => ({ status: run.status, conclusion: run.conclusion }));
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 422) return undefined;
    throw error;
  }
}

/** Comments oldest first, stopping once a human other than the author has answered. */
async function listComments(
  github: GitHubClient,
  owner: string,
  repo: string,
  row: IssueActivityRow,
  reviews: readonly RestReview[],
): Promise<RestComment[]> {
  const comments: RestComment[] = [];
  const pages = github.octokit.paginate.iterator(github.octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: row.number,
    per_page: 100,
  });
  let read = 0;
  for await (const page of pages) {
    comments.push(...page.data.map((c) => ({ id: c.id, user: c.user, created_at: c.created_at })));
    read += 1;
    if (read >= MAX_COMMENT_PAGES || firstResponse(row.author_login, comments, reviews).at !== null) break;
  }
  return comments;
}
