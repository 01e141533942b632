import type { Db } from '../open-database.ts';

/**
 * A token that changes whenever anything is written to the database, by this connection or by any other (the
 * webhook ingest thread has its own): `PRAGMA data_version` moves on other connections' commits,
 * `total_changes()` on this connection's writes. Two cheap reads, so callers may check it on every request and
 * keep whatever they derived from the data for as long as the token stays the same.
 */
export function createDataVersion(db: Db): () => string {
  const others = db.prepare('PRAGMA data_version').pluck();
  const ours = db.prepare('SELECT total_changes()').pluck();
  return () => `${others.get() as number}.${ours.get() as number}`;
}
