/**
 * Shapes of the offline demo community. Field names follow the GitHub REST API (snake_case) so that demo data
 * and real API responses can share one storage layer; fields the portal never reads are left out.
 */

/** The intended maturity of a demo project, so tests can check that the evaluator spreads them out. */
export type DemoMaturityIntent = 'mature' | 'incubating' | 'sandbox' | 'archived';

/** A user reference as embedded in REST payloads (`user`, `owner`, `merged_by`, ...). */
export interface DemoUserRef {
  login: string;
  type: 'User' | 'Bot' | 'Organization';
}

/** `GET /repos/{owner}/{repo}` (the fields the mirror stores). */
export interface DemoRepository {
  id: number;
  node_id: string;
  name: string;
  full_name: string;
  owner: DemoUserRef & { id: number };
  description: string;
  homepage: string | null;
  topics: string[];
  license: { key: string; spdx_id: string; name: string } | null;
  language: string | null;
  default_branch: string;
  archived: boolean;
  fork: false;
  visibility: 'public';
  stargazers_count: number;
  watchers_count: number;
  subscribers_count: number;
  forks_count: number;
  open_issues_count: number;
  created_at: string;
  pushed_at: string;
  updated_at: string;
}

/** `GET /repos/{owner}/{repo}/releases` item; `tag_name` always names a tag in the git repository. */
export interface DemoRelease {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  published_at: string;
  author: DemoUserRef;
  assets: { name: string }[];
}

/** `GET /repos/{owner}/{repo}/contributors` item; counts commits on the default branch per GitHub login. */
export interface DemoContributor {
  login: string;
  contributions: number;
  type: 'User' | 'Bot';
}

/** `GET /users/{login}` (public profile fields). */
export interface DemoUser {
  login: string;
  type: 'User' | 'Bot';
  name: string | null;
  company: string | null;
  email: string | null;
}

/** `GET /repos/{owner}/{repo}/issues/{number}/comments` item. */
export interface DemoComment {
  id: number;
  user: DemoUserRef;
  author_association: DemoAuthorAssociation;
  created_at: string;
  body: string;
}

/** GitHub's `author_association` values that the demo uses. */
export type DemoAuthorAssociation = 'OWNER' | 'MEMBER' | 'CONTRIBUTOR' | 'FIRST_TIME_CONTRIBUTOR' | 'NONE';

/** An issue (never a pull request); `comment_list` is what the comments endpoint would return, in time order. */
export interface DemoIssue {
  id: number;
  number: number;
  title: string;
  user: DemoUserRef;
  author_association: DemoAuthorAssociation;
  labels: { name: string }[];
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | null;
  comments: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  comment_list: DemoComment[];
}

/** `GET /repos/{owner}/{repo}/pulls/{number}/reviews` item. */
export interface DemoReview {
  id: number;
  user: DemoUserRef;
  state: 'APPROVED' | 'COMMENTED' | 'CHANGES_REQUESTED';
  submitted_at: string;
}

/** `GET /repos/{owner}/{repo}/commits/{ref}/check-runs` item for the pull request's head. */
export interface DemoCheckRun {
  name: string;
  status: 'completed';
  conclusion: 'success' | 'failure' | 'neutral';
  started_at: string;
  completed_at: string;
}

/** A pull request with its comments, reviews and check runs (empty `check_runs` means no CI ran). */
export interface DemoPullRequest extends Omit<DemoIssue, 'state_reason'> {
  draft: boolean;
  head: { ref: string };
  base: { ref: string };
  merged_at: string | null;
  merged_by: DemoUserRef | null;
  reviews: DemoReview[];
  check_runs: DemoCheckRun[];
}

/** One demo member project: a bare git repository on disk plus the API-like metadata consistent with it. */
export interface DemoProject {
  owner: string;
  repo: string;
  /** Domain slug, e.g. `cloud-computing`; names come from `content/demo/domains.yml`. */
  domain: string;
  domainNames: { zh: string; en: string };
  /** What the demo data is built to look like; the maturity evaluator decides the real level. */
  intendedMaturity: DemoMaturityIntent;
  /** Absolute path of the bare repository `${targetDir}/<owner>/<repo>.git`. */
  gitDir: string;
  /** `file://` URL of the bare repository, usable as `project add --clone-url`. */
  cloneUrl: string;
  /** Commit at the tip of the default branch. */
  headSha: string;
  /** Every tag name in the repository, sorted. */
  tags: string[];
  /** Every branch name in the repository, sorted. */
  branches: string[];
  repository: DemoRepository;
  releases: DemoRelease[];
  contributors: DemoContributor[];
  users: DemoUser[];
  issues: DemoIssue[];
  pullRequests: DemoPullRequest[];
}
