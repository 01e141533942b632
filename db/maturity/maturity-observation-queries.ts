import type { Db } from '../open-database.ts';

/** One stored observation of a signal. */
export interface ObservationRow {
  id: number;
  repository_id: number;
  signal: string;
  kind: 'change' | 'snapshot';
  /** JSON of the value. */
  value: string | null;
  status: 'pass' | 'fail' | 'not-applicable' | 'unknown';
  reason: string | null;
  commit_sha: string | null;
  /** JSON EvidenceJson[]. */
  evidence: string | null;
  observed_at: string;
}

export type NewObservation = Omit<ObservationRow, 'id'>;

export interface ObservationQueries {
  /** The newest observation of every signal of a project. */
  latest(repositoryId: number): ObservationRow[];
  /** Appends observations (history is append-only). */
  append(rows: readonly NewObservation[]): void;
  /** A signal's observations in time order. */
  history(repositoryId: number, signal: string): ObservationRow[];
  /** When the current unbroken run of `pass` began (undefined when the newest observation is not a pass). */
  passingSince(repositoryId: number, signal: string): string | undefined;
}

/** Builds the signal history's prepared statements on `db`. */
export function createObservationQueries(db: Db): ObservationQueries {
  const latest = db.prepare(
    `SELECT o.* FROM maturity_observations o
     JOIN (SELECT signal, max(id) AS id FROM maturity_observations WHERE repository_id = ? GROUP BY signal) l ON l.id = o.id`,
  );
  const insert = db.prepare(
    `INSERT INTO maturity_observations (repository_id, signal, kind, value, status, reason, commit_sha, evidence, observed_at)
     VALUES (@repository_id, @signal, @kind, @value, @status, @reason, @commit_sha, @evidence, @observed_at)`,
  );
  const history = db.prepare(
    `SELECT * FROM maturity_observations WHERE repository_id = ? AND signal = ? ORDER BY observed_at, id`,
  );
  // The first pass after the last non-pass; NULL when there is no pass after it.
  const passingSince = db
    .prepare(
      `SELECT min(observed_at) FROM maturity_observations
     WHERE repository_id = @id AND signal = @signal AND status = 'pass'
       AND id > coalesce((SELECT max(id) FROM maturity_observations
                          WHERE repository_id = @id AND signal = @signal AND status <> 'pass'), 0)`,
    )
    .pluck();
  const append = db.transaction((rows: readonly NewObservation[]) => {
    for (const row of rows) insert.run(row);
  });
  return {
    latest: (repositoryId) => latest.all(repositoryId) as ObservationRow[],
    append: (rows) => append(rows),
    history: (repositoryId, signal) => history.all(repositoryId, signal) as ObservationRow[],
    passingSince: (repositoryId, signal) =>
      (passingSince.get({ id: repositoryId, signal }) as string | null) ?? undefined,
  };
}
