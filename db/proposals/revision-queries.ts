import type { Db } from '../open-database.ts';

export type RevisionStatus = 'queued' | 'ready' | 'failed';

/** A revision without its (large) content: what lists and the workflow read. */
export interface RevisionSummary {
  number: string;
  rev: number;
  ref: string;
  commit_sha: string | null;
  sources_digest: string;
  status: RevisionStatus;
  stage: string;
  requested_by: string;
  reason: string;
  created_at: string;
  ready_at: string | null;
  error: string | null;
}

export interface RevisionRow extends RevisionSummary {
  sources_yml: string;
  draft_md: string | null;
  manifest_json: string | null;
  draft_html: string | null;
  lint_json: string | null;
}

/** A revision's content as stored, in UTF-8 bytes (null while it is not ready). */
export interface RevisionBytes {
  draft_md: Buffer | null;
  manifest_json: Buffer | null;
  draft_html: Buffer | null;
}

/** What a finished generation stores; written once, then the row is immutable (a trigger refuses changes). */
export interface RevisionContent {
  commitSha: string;
  draftMd: string;
  manifestJson: string;
  draftHtml: string;
  lintJson: string;
  /** The clause diff against the ready revision `diffFrom` (null for a first revision). */
  diffFrom: number | null;
  diffJson: string | null;
  at: string;
}

export interface RevisionQueries {
  /** Adds a queued revision with the next number of the proposal (call in a transaction) and returns it. */
  insertQueued(
    row: Omit<RevisionSummary, 'rev' | 'status' | 'ready_at' | 'error' | 'commit_sha'> & {
      sources_yml: string;
    },
  ): number;
  get(number: string, rev: number): RevisionRow | undefined;
  list(number: string): RevisionSummary[];
  /** The ready revision made from the same sources at the same commit, if there is one. */
  findReady(number: string, commitSha: string, sourcesDigest: string): RevisionSummary | undefined;
  /**
   * A revision without its Markdown and manifest, its HTML as UTF-8 bytes: no decoding, as a 5,000-clause draft
   * page sends it (reading the HTML as a string and encoding it again costs tens of milliseconds).
   */
  page(number: string, rev: number): (RevisionSummary & { lint_json: string | null; html: Buffer | null }) | undefined;
  /**
   * A revision's Markdown, manifest and HTML as UTF-8 bytes, as the static site writes them: no decoding (reading
   * the three as strings and encoding them again costs ten times as much as reading them).
   */
  bytes(number: string, rev: number): RevisionBytes | undefined;
  /** The latest ready revision, without its content. */
  latestReady(number: string): RevisionSummary | undefined;
  /** The latest ready revision's manifest (it carries clause IDs into the next one). */
  latestReadyManifest(number: string): { rev: number; manifest_json: string } | undefined;
  /** One revision's manifest JSON (null while it is not ready), or undefined when there is no such revision. */
  manifest(number: string, rev: number): string | null | undefined;
  /** The stored clause diff of a revision against the one before it, if it has one. */
  diff(number: string, rev: number): { diff_from: number; diff_json: string } | undefined;
  /** Records the commit a queued revision's ref resolved to. */
  pin(number: string, rev: number, commitSha: string): void;
  markReady(number: string, rev: number, content: RevisionContent): void;
  markFailed(number: string, rev: number, error: string, at: string): void;
  /** A queued revision that turned out to repeat a ready one is dropped (it was never shown as content). */
  dropQueued(number: string, rev: number): void;
}

const SUMMARY = `number, rev, ref, commit_sha, sources_digest, status, stage, requested_by, reason, created_at, ready_at,
  error`;

/** Builds the revisions' prepared statements on `db`. */
export function createRevisionQueries(db: Db): RevisionQueries {
  const next = db.prepare(`SELECT coalesce(max(rev) + 1, 0) FROM proposal_revisions WHERE number = ?`).pluck();
  const insert = db.prepare(
    `INSERT INTO proposal_revisions (number, rev, ref, sources_yml, sources_digest, status, stage, requested_by, reason,
       created_at)
     VALUES (@number, @rev, @ref, @sources_yml, @sources_digest, 'queued', @stage, @requested_by, @reason, @created_at)`,
  );
  const get = db.prepare(`SELECT * FROM proposal_revisions WHERE number = ? AND rev = ?`);
  const list = db.prepare(`SELECT ${SUMMARY} FROM proposal_revisions WHERE number = ? ORDER BY rev`);
  const findReady = db.prepare(
    `SELECT ${SUMMARY} FROM proposal_revisions
     WHERE number = ? AND commit_sha = ? AND sources_digest = ? AND status = 'ready'`,
  );
  const page = db.prepare(
    `SELECT ${SUMMARY}, lint_json, CAST(draft_html AS BLOB) AS html FROM proposal_revisions WHERE number = ? AND rev = ?`,
  );
  const bytes = db.prepare(
    `SELECT CAST(draft_md AS BLOB) AS draft_md, CAST(manifest_json AS BLOB) AS manifest_json,
       CAST(draft_html AS BLOB) AS draft_html
     FROM proposal_revisions WHERE number = ? AND rev = ?`,
  );
  const latestReady = db.prepare(
    `SELECT ${SUMMARY} FROM proposal_revisions WHERE number = ? AND status = 'ready' ORDER BY rev DESC LIMIT 1`,
  );
  const latestReadyManifest = db.prepare(
    `SELECT rev, manifest_json FROM proposal_revisions WHERE number = ? AND status = 'ready' ORDER BY rev DESC LIMIT 1`,
  );
  const manifest = db.prepare(`SELECT manifest_json FROM proposal_revisions WHERE number = ? AND rev = ?`).pluck();
  const diff = db.prepare(
    `SELECT diff_from, diff_json FROM proposal_revisions
     WHERE number = ? AND rev = ? AND status = 'ready' AND diff_json IS NOT NULL`,
  );
  const markReady = db.prepare(
    `UPDATE proposal_revisions SET status = 'ready', commit_sha = @commitSha, draft_md = @draftMd,
       manifest_json = @manifestJson, draft_html = @draftHtml, lint_json = @lintJson, diff_from = @diffFrom,
       diff_json = @diffJson, ready_at = @at, error = NULL
     WHERE number = @number AND rev = @rev AND status = 'queued'`,
  );
  const markFailed = db.prepare(
    `UPDATE proposal_revisions SET status = 'failed', error = ?, ready_at = ? WHERE number = ? AND rev = ?
       AND status = 'queued'`,
  );
  const pin = db.prepare(
    `UPDATE proposal_revisions SET commit_sha = ? WHERE number = ? AND rev = ? AND status = 'queued'`,
  );
  const dropQueued = db.prepare(`DELETE FROM proposal_revisions WHERE number = ? AND rev = ? AND status = 'queued'`);
  return {
    insertQueued: (row) => {
      const rev = next.get(row.number) as number;
      insert.run({ ...row, rev });
      return rev;
    },
    get: (number, rev) => get.get(number, rev) as RevisionRow | undefined,
    list: (number) => list.all(number) as RevisionSummary[],
    findReady: (number, sha, digest) => findReady.get(number, sha, digest) as RevisionSummary | undefined,
    page: (number, rev) =>
      page.get(number, rev) as (RevisionSummary & { lint_json: string | null; html: Buffer | null }) | undefined,
    bytes: (number, rev) => bytes.get(number, rev) as RevisionBytes | undefined,
    latestReady: (number) => latestReady.get(number) as RevisionSummary | undefined,
    latestReadyManifest: (number) =>
      latestReadyManifest.get(number) as { rev: number; manifest_json: string } | undefined,
    diff: (number, rev) => diff.get(number, rev) as { diff_from: number; diff_json: string } | undefined,
    manifest: (number, rev) => manifest.get(number, rev) as string | null | undefined,
    pin: (number, rev, sha) => void pin.run(sha, number, rev),
    markReady: (number, rev, c) => void markReady.run({ ...c, number, rev }),
    markFailed: (number, rev, error, at) => void markFailed.run(error, at, number, rev),
    dropQueued: (number, rev) => void dropQueued.run(number, rev),
  };
}
