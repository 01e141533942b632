/** Every kind of job the queue runs, named once; handlers, enqueuers and SQL use these. */
export const JOB = {
  /** Process one stored webhook delivery. */
  delivery: 'delivery',
  /** Fetch and index one repository's git mirror. */
  fetch: 'fetch',
  /** Refresh one repository's REST metadata. */
  metadata: 'metadata',
  /** `ls-remote` one repository and fetch when the upstream changed. */
  reconcile: 'reconcile',
  /** Re-evaluate one project's maturity. */
  evaluate: 'evaluate',
  /** Generate one queued revision of a proposal (subject `MP-2026-001/3`). */
  revision: 'proposal-revision',
  /** Make the Word and PDF files of one ready revision (subject `MP-2026-001/3`). */
  revisionFiles: 'revision-files',
  /** Compare the pinned sources of a repository's open proposals with its new head (subject: repository id). */
  drift: 'drift',
  /** Close a ballot on its closing date, if nobody closed it before (subject: the ballot id). */
  ballotClose: 'ballot-close',
  /** Send one notification by e-mail (subject: the notification id). */
  notificationMail: 'notification-mail',
  /** Rebuild the static site (MAGNOLIA_SITE_DIR) after a revision became public (subject and queue key `site`). */
  siteBuild: 'site-build',
} as const;

/** A job kind. */
export type JobKind = (typeof JOB)[keyof typeof JOB];
