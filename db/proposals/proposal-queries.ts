import type { Db } from '../open-database.ts';

export interface ProposalRow {
  number: string;
  repository_id: number;
  type: string;
  stage: string;
  title_zh: string;
  title_en: string;
  scope: string;
  rationale: string;
  proposing_unit: string;
  drafting_units: string;
  drafters: string;
  implementations: string;
  ipr_statement: string | null;
  ref: string;
  commit_sha: string;
  sources_yml: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
  period_kind: 'notice' | 'comment' | null;
  period_started_at: string | null;
  period_ends_at: string | null;
  last_comment_ended_at: string | null;
  published_at: string | null;
  review_due_at: string | null;
}

/** A proposal as created: every column a proposer gives, with the stage it starts in. */
export type NewProposal = Omit<
  ProposalRow,
  | 'number'
  | 'version'
  | 'updated_at'
  | 'period_kind'
  | 'period_started_at'
  | 'period_ends_at'
  | 'last_comment_ended_at'
  | 'published_at'
  | 'review_due_at'
>;

export interface HistoryRow {
  id: number;
  number: string;
  at: string;
  actor: string;
  action: string;
  from_stage: string | null;
  to_stage: string;
  rev: number | null;
  comment: string;
  decision: string | null;
}

/** What an action changes in a proposal's row; null leaves a column as it is. */
export interface ProposalChange {
  stage: string;
  at: string;
  period?: { kind: 'notice' | 'comment'; startedAt: string; endsAt: string } | null;
  lastCommentEndedAt?: string;
  publishedAt?: string;
  reviewDueAt?: string;
}

export interface ProposalQueries {
  /** The next permanent number of `year`: `MP-2026-001`, `MP-2026-002` …, never given twice (call in a transaction). */
  allocateNumber(year: number): string;
  insert(number: string, proposal: NewProposal): void;
  get(number: string): ProposalRow | undefined;
  list(): ProposalRow[];
  listForRepository(repositoryId: number): ProposalRow[];
  count(): number;
  /** The full names of projects with at least one proposal. */
  projects(): string[];
  /** Moves a proposal if it still has `version`; false when another action won in between. */
  change(number: string, version: number, change: ProposalChange): boolean;
  appendHistory(row: Omit<HistoryRow, 'id'>): number;
  history(number: string): HistoryRow[];
}

/** Builds the proposals' prepared statements on `db`. */
export function createProposalQueries(db: Db): ProposalQueries {
  const bump = db.prepare(
    `INSERT INTO proposal_numbers (year, last) VALUES (?, 1)
     ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last`,
  );
  const insert = db.prepare(
    `INSERT INTO proposals (number, repository_id, type, stage, title_zh, title_en, scope, rationale, proposing_unit,
       drafting_units, drafters, implementations, ipr_statement, ref, commit_sha, sources_yml, created_by, created_at, updated_at)
     VALUES (@number, @repository_id, @type, @stage, @title_zh, @title_en, @scope, @rationale, @proposing_unit,
       @drafting_units, @drafters, @implementations, @ipr_statement, @ref, @commit_sha, @sources_yml, @created_by, @created_at,
       @created_at)`,
  );
  const get = db.prepare(`SELECT * FROM proposals WHERE number = ?`);
  const list = db.prepare(`SELECT * FROM proposals ORDER BY created_at DESC, number DESC`);
  const listForRepository = db.prepare(`SELECT * FROM proposals WHERE repository_id = ? ORDER BY number DESC`);
  const count = db.prepare(`SELECT count(*) FROM proposals`).pluck();
  const projects = db
    .prepare(
      `SELECT DISTINCT r.full_name FROM proposals p JOIN repositories r ON r.id = p.repository_id ORDER BY r.full_name`,
    )
    .pluck();
  const change = db.prepare(
    `UPDATE proposals SET stage = @stage, updated_at = @at, version = version + 1,
       period_kind = CASE WHEN @setPeriod THEN @periodKind ELSE period_kind END,
       period_started_at = CASE WHEN @setPeriod THEN @periodStartedAt ELSE period_started_at END,
       period_ends_at = CASE WHEN @setPeriod THEN @periodEndsAt ELSE period_ends_at END,
       last_comment_ended_at = coalesce(@lastCommentEndedAt, last_comment_ended_at),
       published_at = coalesce(@publishedAt, published_at),
       review_due_at = coalesce(@reviewDueAt, review_due_at)
     WHERE number = @number AND version = @version`,
  );
  const appendHistory = db.prepare(
    `INSERT INTO proposal_history (number, at, actor, action, from_stage, to_stage, rev, comment, decision)
     VALUES (@number, @at, @actor, @action, @from_stage, @to_stage, @rev, @comment, @decision)`,
  );
  const history = db.prepare(`SELECT * FROM proposal_history WHERE number = ? ORDER BY id`);
  return {
    allocateNumber: (year) => `MP-${year}-${String(bump.pluck().get(year)).padStart(3, '0')}`,
    insert: (number, proposal) => void insert.run({ ...proposal, number }),
    get: (number) => get.get(number) as ProposalRow | undefined,
    list: () => list.all() as ProposalRow[],
    listForRepository: (id) => listForRepository.all(id) as ProposalRow[],
    count: () => count.get() as number,
    projects: () => projects.all() as string[],
    change: (number, version, c) =>
      change.run({
        number,
        version,
        stage: c.stage,
        at: c.at,
        setPeriod: c.period === undefined ? 0 : 1,
        periodKind: c.period?.kind ?? null,
        periodStartedAt: c.period?.startedAt ?? null,
        periodEndsAt: c.period?.endsAt ?? null,
        lastCommentEndedAt: c.lastCommentEndedAt ?? null,
        publishedAt: c.publishedAt ?? null,
        reviewDueAt: c.reviewDueAt ?? null,
      }).changes === 1,
    appendHistory: (row) => Number(appendHistory.run(row).lastInsertRowid),
    history: (number) => history.all(number) as HistoryRow[],
  };
}
