import type { GitHubClient } from './create-github-client.ts';
import type { RestIssue, RestPullRequest } from './store-metadata.ts';

/** Issues and pull requests listed so far; filled page by page so a failure keeps what was already read. */
export interface IssueListing {
  issues: RestIssue[];
  pullRequests: RestPullRequest[];
  /** Newest `updated_at` read: where the next listing resumes. */
  newestUpdatedAt: string | null;
  /** False when the page limit stopped the listing; the next refresh continues from `newestUpdatedAt`. */
  complete: boolean;
}

/** An empty listing to fill. */
export const emptyListing = (): IssueListing => ({
  issues: [],
  pullRequests: [],
  newestUpdatedAt: null,
  complete: false,
});

/**
 * Lists issues and pull requests (`GET /repos/{owner}/{repo}/issues?state=all`, which returns both) oldest change
 * first, from `since` on. The ascending order is what makes a stopped listing resumable: everything before the
 * newest `updated_at` read has been read.
 */
export async function fetchIssueListing(
  github: GitHubClient,
  owner: string,
  repo: string,
  since: string | null,
  maxPages: number,
  into: IssueListing,
): Promise<void> {
  const pages = github.octokit.paginate.iterator(github.octokit.rest.issues.listForRepo, {
    owner,
    repo,
    state: 'all',
    sort: 'updated',
    direction: 'asc',
    per_page: 100,
    ...(since ? { since } : {}),
  });
  let read = 0;
  for await (const page of pages) {
    for (const item of page.data) {
      // The issues listing gives a pull request's merge time under `pull_request`; its merger comes with the details.
      if (item.pull_request) into.pullRequests.push({ ...item, merged_at: item.pull_request.merged_at ?? null });
      else into.issues.push(item);
      if (into.newestUpdatedAt === null || item.updated_at > into.newestUpdatedAt)
        into.newestUpdatedAt = item.updated_at;
    }
    read += 1;
    if (read >= maxPages) return;
  }
  into.complete = true;
}
