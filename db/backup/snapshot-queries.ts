import Database from 'better-sqlite3';
import type { QueueOwnerRow } from '../jobs/queue-owner-queries.ts';
import type { Db } from '../open-database.ts';

/** What a database snapshot holds, for a backup's manifest and to compare a restore with. */
export interface SnapshotCounts {
  /** Member projects (not removed, not deleted on GitHub). */
  projects: number;
  repositories: number;
  commits: number;
  deliveries: number;
  /** Deliveries not processed or ignored yet: the restored instance processes them. */
  deliveriesUnfinished: number;
  jobsPending: number;
  maturityResults: number;
  users: number;
}

/** A repository row with the paths a restore must move into the new data dir. */
export interface SnapshotRepository {
  id: number;
  full_name: string;
  mirror_path: string | null;
  clone_url: string | null;
}

/** Reads a backup's facts from a database copy and rebases it into a new data dir. */
export interface SnapshotQueries {
  /** The newest migration the database has seen. */
  schemaVersion(): number;
  counts(): SnapshotCounts;
  repositories(): SnapshotRepository[];
  setMirrorPath(id: number, mirrorPath: string): void;
  setCloneUrl(id: number, cloneUrl: string): void;
  /**
   * Forgets the processes of the instance the copy came from: their leases are released (the restored instance
   * runs those jobs again at once) and their owner records dropped. Returns how many jobs were released.
   */
  releaseQueue(): number;
}

/** Builds the snapshot statements on `db` (a backup copy, or a database being restored). */
export function createSnapshotQueries(db: Db): SnapshotQueries {
  const version = db.prepare(`SELECT coalesce(max(version), 0) FROM schema_migrations`).pluck();
  const counts = db.prepare(
    `SELECT
       (SELECT count(*) FROM repositories WHERE removed_at IS NULL AND deleted_at IS NULL) AS projects,
       (SELECT count(*) FROM repositories) AS repositories,
       (SELECT count(*) FROM commits) AS commits,
       (SELECT count(*) FROM deliveries) AS deliveries,
       (SELECT count(*) FROM deliveries WHERE status NOT IN ('processed', 'ignored')) AS deliveriesUnfinished,
       (SELECT count(*) FROM jobs WHERE state IN ('pending', 'running')) AS jobsPending,
       (SELECT count(*) FROM maturity_results) AS maturityResults,
       (SELECT count(*) FROM users) AS users`,
  );
  const repositories = db.prepare(`SELECT id, full_name, mirror_path, clone_url FROM repositories ORDER BY id`);
  const setMirrorPath = db.prepare(`UPDATE repositories SET mirror_path = ? WHERE id = ?`);
  const setCloneUrl = db.prepare(`UPDATE repositories SET clone_url = ? WHERE id = ?`);
  const release = db.prepare(
    `UPDATE OR IGNORE jobs SET state = 'pending', lease_until = NULL, owner = NULL WHERE state = 'running'`,
  );
  const endShadowed = db.prepare(
    `UPDATE jobs SET state = 'done', lease_until = NULL, owner = NULL,
       last_error = coalesce(last_error, 'superseded by a pending job')
     WHERE state = 'running'`,
  );
  const dropOwners = db.prepare(`DELETE FROM queue_owners`);
  const releaseQueue = db.transaction((): number => {
    const released = release.run().changes + endShadowed.run().changes;
    dropOwners.run();
    return released;
  });

  return {
    schemaVersion: () => version.get() as number,
    counts: () => counts.get() as SnapshotCounts,
    repositories: () => repositories.all() as SnapshotRepository[],
    setMirrorPath: (id, mirrorPath) => void setMirrorPath.run(mirrorPath, id),
    setCloneUrl: (id, cloneUrl) => void setCloneUrl.run(cloneUrl, id),
    releaseQueue: () => releaseQueue.immediate(),
  };
}

/** The facts a backup's manifest records, read from a database copy (opened read-only, then closed). */
export function readSnapshotFacts(file: string): {
  schemaVersion: number;
  counts: SnapshotCounts;
  repositories: SnapshotRepository[];
} {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const queries = createSnapshotQueries(db);
    return { schemaVersion: queries.schemaVersion(), counts: queries.counts(), repositories: queries.repositories() };
  } finally {
    db.close();
  }
}

/** The queue owners (worker processes) recorded in an instance's database that have not stopped; [] without any. */
export function readRunningOwners(file: string): QueueOwnerRow[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'queue_owners'`).get();
    if (!table) return [];
    return db.prepare(`SELECT * FROM queue_owners WHERE stopped_at IS NULL`).all() as QueueOwnerRow[];
  } finally {
    db.close();
  }
}
