/** The guards the workflow engine can check; a workflow file says which ones hold for which action. */
export const GUARDS = [
  'project-level',
  'sources-pinned',
  'licence-compatible',
  'ipr-statement',
  'implementations',
  'has-revision',
  'notice-over',
  'comment-period-over',
  'revision-since-comment',
  'comments-dispositioned',
  'no-open-ballot',
  'ballot-passed',
  'no-blocking-positions',
  'reason-given',
  'review-due',
] as const;

export type GuardName = (typeof GUARDS)[number];
