import type Database from 'better-sqlite3';

const HOUR = 3_600_000;

/**
 * How much work an instance still has: jobs running or due within the hour (retries included) and deliveries not
 * yet processed. A job set for a later date is not work left: the demo's open ballot closes days after the seeding.
 */
export function workLeft(db: Database.Database): () => number {
  const count = db
    .prepare(
      `SELECT (SELECT count(*) FROM jobs WHERE state = 'running' OR (state = 'pending' AND run_at <= ?))
            + (SELECT count(*) FROM deliveries WHERE status NOT IN ('processed', 'ignored'))`,
    )
    .pluck();
  return () => count.get(Date.now() + HOUR) as number;
}

/** The jobs that are neither done nor set for a later date: after a drain, failed or stuck ones. */
export function jobsNotDone(db: Database.Database): { state: string; kind: string }[] {
  return db
    .prepare(`SELECT state, kind FROM jobs WHERE state != 'done' AND NOT (state = 'pending' AND run_at > ?)`)
    .all(Date.now() + HOUR) as { state: string; kind: string }[];
}
