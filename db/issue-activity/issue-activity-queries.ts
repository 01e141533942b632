import type { Db } from '../open-database.ts';

/** Who responded first to an issue or pull request, as computed from its comments and reviews. */
export interface FirstResponse {
  /** First response by someone other than the author who is not a bot. */
  at: string | null;
  login: string | null;
  kind: 'comment' | 'review' | null;
  /** First response by a bot other than the author; kept apart so the evaluator decides whether bots count. */
  botAt: string | null;
  botLogin: string | null;
}

/** A pull-request review as GitHub reports it. */
export interface ReviewFacts {
  id: number;
  reviewerLogin: string | null;
  reviewerType: string | null;
  state: string;
  submittedAt: string | null;
}

/** The check runs GitHub reports for a pull request's head commit. */
export interface CheckFacts {
  headSha: string | null;
  count: number;
  /** Conclusion (or status while still running) → number of runs. */
  conclusions: Record<string, number>;
}

/** The process columns of an issue or pull request, with what is needed to decide what to read next. */
export interface IssueActivityRow {
  id: number;
  repository_id: number;
  number: number;
  is_pull_request: number;
  state: string;
  author_login: string | null;
  author_type: string | null;
  created_at: string | null;
  updated_at: string | null;
  closed_at: string | null;
  merged_at: string | null;
  merged_by_login: string | null;
  comments_count: number | null;
  first_response_at: string | null;
  first_response_login: string | null;
  first_response_kind: string | null;
  first_bot_response_at: string | null;
  first_bot_response_login: string | null;
  responses_checked_at: string | null;
  head_sha: string | null;
  check_runs_count: number | null;
  check_conclusions: string | null;
  details_checked_at: string | null;
}

export interface ReviewRow {
  id: number;
  issue_id: number;
  repository_id: number;
  reviewer_login: string | null;
  reviewer_type: string | null;
  state: string;
  submitted_at: string | null;
}

export interface IssueActivityQueries {
  get(id: number): IssueActivityRow | undefined;
  getByNumber(repositoryId: number, number: number): IssueActivityRow | undefined;
  setCommentsCount(id: number, count: number): void;
  /** Records the first responses found when the comments (and reviews) were read at the item's `checkedAt` version. */
  recordResponses(id: number, first: FirstResponse, checkedAt: string | null): void;
  /** Replaces a pull request's reviews with a complete, freshly read list. */
  replaceReviews(issueId: number, repositoryId: number, reviews: readonly ReviewFacts[]): void;
  recordChecks(id: number, checks: CheckFacts): void;
  /** Marks a pull request's reviews and checks as read at its `checkedAt` version. */
  markDetailsChecked(id: number, checkedAt: string | null): void;
  /** Items with no first response yet whose comments were not read since they last changed, newest first. */
  listPendingResponses(repositoryId: number, limit: number): IssueActivityRow[];
  /** The most recently closed pull requests (whatever their details state), newest first. */
  listRecentClosedPulls(repositoryId: number, limit: number): IssueActivityRow[];
  listReviews(issueId: number): ReviewRow[];
}

const ACTIVITY_COLUMNS = `id, repository_id, number, is_pull_request, state, author_login, author_type, created_at,
  updated_at, closed_at, merged_at, merged_by_login, comments_count, first_response_at, first_response_login,
  first_response_kind, first_bot_response_at, first_bot_response_login, responses_checked_at, head_sha,
  check_runs_count, check_conclusions, details_checked_at`;

/** Builds the prepared statements of the process facts kept per issue and pull request. */
export function createIssueActivityQueries(db: Db): IssueActivityQueries {
  const get = db.prepare(`SELECT ${ACTIVITY_COLUMNS} FROM issues WHERE id = ?`);
  const getByNumber = db.prepare(
    `SELECT ${ACTIVITY_COLUMNS} FROM issues WHERE repository_id = ? AND number = ? AND deleted_at IS NULL`,
  );
  const setComments = db.prepare(`UPDATE issues SET comments_count = ? WHERE id = ?`);
  const recordResponses = db.prepare(
    `UPDATE issues SET first_response_at = @at, first_response_login = @login, first_response_kind = @kind,
       first_bot_response_at = @botAt, first_bot_response_login = @botLogin,
       responses_checked_at = coalesce(@checkedAt, responses_checked_at, '')
     WHERE id = @id`,
  );
  const clearReviews = db.prepare(`DELETE FROM pull_request_reviews WHERE issue_id = ?`);
  const insertReview = db.prepare(
    `INSERT INTO pull_request_reviews (id, issue_id, repository_id, reviewer_login, reviewer_type, state, submitted_at)
     VALUES (@id, @issueId, @repositoryId, @reviewerLogin, @reviewerType, @state, @submittedAt)
     ON CONFLICT(id) DO UPDATE SET issue_id = excluded.issue_id, repository_id = excluded.repository_id,
       reviewer_login = excluded.reviewer_login, reviewer_type = excluded.reviewer_type, state = excluded.state,
       submitted_at = excluded.submitted_at`,
  );
  const recordChecks = db.prepare(
    `UPDATE issues SET head_sha = coalesce(@headSha, head_sha), check_runs_count = @count,
       check_conclusions = @conclusions WHERE id = @id`,
  );
  const markDetails = db.prepare(
    `UPDATE issues SET details_checked_at = coalesce(?, details_checked_at, '') WHERE id = ?`,
  );
  const pendingResponses = db.prepare(
    `SELECT ${ACTIVITY_COLUMNS} FROM issues
     WHERE repository_id = ? AND deleted_at IS NULL AND first_response_at IS NULL
       AND (responses_checked_at IS NULL OR responses_checked_at < coalesce(updated_at, ''))
     ORDER BY created_at DESC, id DESC LIMIT ?`,
  );
  const recentClosedPulls = db.prepare(
    `SELECT ${ACTIVITY_COLUMNS} FROM issues
     WHERE repository_id = ? AND is_pull_request = 1 AND state = 'closed' AND deleted_at IS NULL
     ORDER BY closed_at DESC, id DESC LIMIT ?`,
  );
  const listReviews = db.prepare(`SELECT * FROM pull_request_reviews WHERE issue_id = ? ORDER BY submitted_at, id`);
  const replaceReviews = db.transaction((issueId: number, repositoryId: number, reviews: readonly ReviewFacts[]) => {
    clearReviews.run(issueId);
    for (const r of reviews) insertReview.run({ ...r, issueId, repositoryId });
  });
  return {
    get: (id) => get.get(id) as IssueActivityRow | undefined,
    getByNumber: (repositoryId, number) => getByNumber.get(repositoryId, number) as IssueActivityRow | undefined,
    setCommentsCount: (id, count) => void setComments.run(count, id),
    recordResponses: (id, first, checkedAt) => void recordResponses.run({ id, ...first, checkedAt }),
    replaceReviews: (issueId, repositoryId, reviews) => replaceReviews(issueId, repositoryId, reviews),
    recordChecks: (id, checks) =>
      void recordChecks.run({
        id,
        headSha: checks.headSha,
        count: checks.count,
        conclusions: JSON.stringify(checks.conclusions),
      }),
    markDetailsChecked: (id, checkedAt) => void markDetails.run(checkedAt, id),
    listPendingResponses: (repositoryId, limit) => pendingResponses.all(repositoryId, limit) as IssueActivityRow[],
    listRecentClosedPulls: (repositoryId, limit) => recentClosedPulls.all(repositoryId, limit) as IssueActivityRow[],
    listReviews: (issueId) => listReviews.all(issueId) as ReviewRow[],
  };
}
