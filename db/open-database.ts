import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { systemClock, type Clock } from '../kernel/clock.ts';
import { migrate } from './migrate.ts';

/** The database handle every query module is built on. */
export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite store in WAL mode with a busy timeout and applies pending migrations.
 * `synchronous = FULL` makes each commit durable before a webhook is acknowledged.
 */
export function openDatabase(file: string, clock: Clock = systemClock): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, clock);
  return db;
}
