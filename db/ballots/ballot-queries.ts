import type { Db } from '../open-database.ts';

/** A ballot of a proposal's revision. `voters` is a JSON array of logins; `result` the stored tally once closed. */
export interface BallotRow {
  id: number;
  number: string;
  seq: number;
  rev: number;
  opened_by: string;
  opened_at: string;
  closes_at: string;
  closed_at: string | null;
  closed_by: string | null;
  voters: string;
  status: 'open' | 'closed';
  result: string | null;
}

/** One position taken (rows are append-only: a change is a new row, the latest of a voter wins). */
export interface BallotPositionRow {
  id: number;
  ballot_id: number;
  voter: string;
  position: string;
  reason: string;
  clause_ids: string;
  at: string;
}

export interface BallotQueries {
  /** Opens a ballot with the proposal's next sequence number (call in a transaction); returns its id. */
  open(row: Pick<BallotRow, 'number' | 'rev' | 'opened_by' | 'opened_at' | 'closes_at' | 'voters'>): number;
  /** The proposal's latest ballot (any revision), if it has one. */
  latest(number: string): BallotRow | undefined;
  get(id: number): BallotRow | undefined;
  /** Every ballot of the proposal, oldest first. */
  list(number: string): BallotRow[];
  /** Closes an open ballot (`by` null: its closing date passed); false when it was closed meanwhile. */
  close(id: number, by: string | null, at: string, result: string): boolean;
  addPosition(row: Omit<BallotPositionRow, 'id'>): number;
  /** Every position of a ballot, oldest first (the history of changes). */
  positions(ballotId: number): BallotPositionRow[];
}

/** Builds the ballots' prepared statements on `db`. */
export function createBallotQueries(db: Db): BallotQueries {
  const nextSeq = db.prepare(`SELECT coalesce(max(seq), 0) + 1 FROM ballots WHERE number = ?`).pluck();
  const insert = db.prepare(
    `INSERT INTO ballots (number, seq, rev, opened_by, opened_at, closes_at, voters)
     VALUES (@number, @seq, @rev, @opened_by, @opened_at, @closes_at, @voters)`,
  );
  const latest = db.prepare(`SELECT * FROM ballots WHERE number = ? ORDER BY seq DESC LIMIT 1`);
  const get = db.prepare(`SELECT * FROM ballots WHERE id = ?`);
  const list = db.prepare(`SELECT * FROM ballots WHERE number = ? ORDER BY seq`);
  const close = db.prepare(
    `UPDATE ballots SET status = 'closed', closed_by = ?, closed_at = ?, result = ? WHERE id = ? AND status = 'open'`,
  );
  const addPosition = db.prepare(
    `INSERT INTO ballot_positions (ballot_id, voter, position, reason, clause_ids, at)
     VALUES (@ballot_id, @voter, @position, @reason, @clause_ids, @at)`,
  );
  const positions = db.prepare(`SELECT * FROM ballot_positions WHERE ballot_id = ? ORDER BY id`);
  return {
    open: (row) => Number(insert.run({ ...row, seq: nextSeq.get(row.number) as number }).lastInsertRowid),
    latest: (number) => latest.get(number) as BallotRow | undefined,
    get: (id) => get.get(id) as BallotRow | undefined,
    list: (number) => list.all(number) as BallotRow[],
    close: (id, by, at, result) => close.run(by, at, result, id).changes === 1,
    addPosition: (row) => Number(addPosition.run(row).lastInsertRowid),
    positions: (ballotId) => positions.all(ballotId) as BallotPositionRow[],
  };
}
