import { isoNow, type Clock } from '../kernel/clock.ts';
import { DomainError } from '../kernel/errors/domain-error.ts';
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/** One numbered schema change, `NNN-name.sql` in `db/migrations/`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Lists the migrations shipped with this version, in order. */
export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8'),
    }));
}

/**
 * Applies the migrations this database has not seen, each in its own transaction, and returns their versions.
 * Refuses a database written by a newer Magnolia instead of guessing.
 */
export function migrate(db: Database, clock: Clock, migrations: Migration[] = listMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known) {
    throw new DomainError(
      'conflict',
      'schema_too_new',
      `the database is at schema version ${newest} but this Magnolia knows only up to ${known}: upgrade Magnolia or use another MAGNOLIA_DATA_DIR`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const ran: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, isoNow(clock));
    })();
    ran.push(migration.version);
  }
  return ran;
}
