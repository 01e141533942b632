import { systemClock, type Clock } from '../kernel/clock.ts';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../kernel/errors/domain-error.ts';
import { describePathProblem, errorCode } from '../kernel/fs/describe-path-problem.ts';
import { migrate } from './migrate.ts';

/** The database handle every query module is built on. */
export type Db = Database.Database;

/** How long a connection waits for another one's write lock before it gives up, unless told otherwise. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

export interface OpenDatabaseOptions {
  /** Longest wait for another connection's lock; callers with a deadline (webhook ingest) keep it under theirs. */
  busyTimeoutMs?: number;
  /** The clock that dates the migrations applied now. */
  clock?: Clock;
}

// SQLite's own words for a file it cannot use, for when the folder itself looked fine.
const SQLITE_REASONS: ReadonlyMap<string, string> = new Map([
  ['SQLITE_CANTOPEN', 'SQLite cannot open or create the file there'],
  ['SQLITE_READONLY', 'the database file is read-only'],
  ['SQLITE_NOTADB', 'the file is not a SQLite database'],
  ['SQLITE_CORRUPT', 'the database file is damaged'],
  ['SQLITE_FULL', 'the disk is full'],
  ['SQLITE_PERM', 'this user has no permission to use the file'],
]);

/**
 * The data folder cannot hold the database: a DomainError that names the path, says why and what to do, so the
 * CLI prints one line instead of a stack. Errors that are not about the folder or the file pass unchanged.
 */
function unusable(file: string, error: unknown): unknown {
  const folder = path.dirname(file);
  const code = errorCode(error) ?? '';
  if (code.startsWith('SQLITE_BUSY')) {
    return new DomainError(
      'unavailable',
      'database_locked',
      `the database ${file} is locked by another process: start again when that process has finished`,
      { file },
    );
  }
  const sqlite = [...SQLITE_REASONS].find(([prefix]) => code.startsWith(prefix))?.[1];
  const reason = describePathProblem(error, folder) ?? (sqlite ? `${sqlite} (${code})` : undefined);
  // Not a problem of the folder or the file (a broken install, say): the original error says more.
  if (reason === undefined) return error;
  return new DomainError(
    'unavailable',
    'data_dir_unusable',
    `cannot use the database ${file}: ${reason}. Make ${folder} a folder this user can write to ` +
      `(or set MAGNOLIA_DATA_DIR to one) and start again`,
    { file, folder, reason },
  );
}

// Creates the folder and proves it (and the file, when there) writable before SQLite is asked, which otherwise
// says only "unable to open database file" or fails later on the first write.
function prepareFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  accessSync(path.dirname(file), constants.W_OK);
  if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
}

/**
 * Opens (creating if needed) the SQLite store in WAL mode with a busy timeout and applies pending migrations.
 * `synchronous = FULL` makes each commit durable before a webhook is acknowledged. A folder or file that cannot be
 * used is a DomainError (`data_dir_unusable`) naming the path and what to do.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  let db: Db | undefined;
  try {
    if (file !== ':memory:') prepareFile(file);
    db = new Database(file);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
    // The first write: a read-only file or folder shows here, not at the first webhook.
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db?.close();
    throw unusable(file, error);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, options.clock ?? systemClock);
  return db;
}
