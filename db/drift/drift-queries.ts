import type { Db } from '../open-database.ts';

/** The latest drift report of a proposal (`report_json`: a DriftReport). */
export interface DriftRow {
  number: string;
  rev: number;
  head_commit: string;
  drifted: 0 | 1;
  report_json: string;
  computed_at: string;
}

export interface DriftQueries {
  get(number: string): DriftRow | undefined;
  /** Stores a proposal's report in place of the one before. */
  put(row: DriftRow): void;
}

/** Builds the drift reports' prepared statements on `db`. */
export function createDriftQueries(db: Db): DriftQueries {
  const get = db.prepare(`SELECT * FROM proposal_drift WHERE number = ?`);
  const put = db.prepare(
    `INSERT INTO proposal_drift (number, rev, head_commit, drifted, report_json, computed_at)
     VALUES (@number, @rev, @head_commit, @drifted, @report_json, @computed_at)
     ON CONFLICT(number) DO UPDATE SET rev = excluded.rev, head_commit = excluded.head_commit,
       drifted = excluded.drifted, report_json = excluded.report_json, computed_at = excluded.computed_at`,
  );
  return {
    get: (number) => get.get(number) as DriftRow | undefined,
    put: (row) => void put.run(row),
  };
}
