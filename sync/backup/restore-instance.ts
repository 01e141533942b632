import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createSnapshotQueries, readRunningOwners } from '../../db/backup/snapshot-queries.ts';
import { listMigrations } from '../../db/migrate.ts';
import { openDatabase } from '../../db/open-database.ts';
import type { Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';
import { DEFAULT_LEASE_MS } from '../queue/job-worker.ts';
import { currentProcessOwner, isOwnerGone } from '../queue/queue-owner.ts';
import { sha256OfFile } from './backup-instance.ts';
import { DATABASE_FILE, readBackupManifest, type BackupManifest } from './backup-manifest.ts';
import { unbundleRepository } from './git-bundles.ts';
import { cloneUrlLike, insideDir } from './instance-paths.ts';

export interface RestoreDeps {
  /** The instance to restore into (MAGNOLIA_DATA_DIR) and its database file. */
  dataDir: string;
  databaseFile: string;
  runGit: RunGit;
  clock: Clock;
  log: Logger;
}

/** What a restore did. */
export interface RestoreOutcome {
  manifest: BackupManifest;
  /** True when an existing instance was replaced (`--force`). */
  replaced: boolean;
  /** Jobs the backed-up instance was running, queued again for the restored one. */
  releasedJobs: number;
}

const STAGING_PREFIX = '.restore-';

/** Refuses to replace an instance that a live process still serves, even with --force. */
function refuseIfServed(databaseFile: string, now: number): void {
  if (!existsSync(databaseFile)) return;
  const self = currentProcessOwner();
  const live = readRunningOwners(databaseFile).filter((o) => !isOwnerGone(o, { self, now, staleMs: DEFAULT_LEASE_MS }));
  if (live.length > 0) {
    throw new DomainError(
      'conflict',
      'instance_in_use',
      `a Magnolia process (pid ${live.map((o) => o.pid).join(', ')} on ${live[0]!.host.split(' ')[0]}) is using ${path.dirname(databaseFile)}: stop it before restoring over it`,
    );
  }
}

/**
 * `magnolia restore <dir>`: rebuilds an instance from a backup into MAGNOLIA_DATA_DIR. Everything is built and
 * checked in a staging folder inside the data dir first (database checksum and migrations, each bundle verified
 * and its refs compared with the manifest, paths rebased into the new data dir, the old instance's leases
 * released); only then is an existing instance (with `force`) removed and the staged one moved into place.
 */
export async function restoreInstance(
  deps: RestoreDeps,
  backupDir: string,
  options: { force?: boolean } = {},
): Promise<RestoreOutcome> {
  const { dataDir, databaseFile, runGit, clock, log } = deps;
  const source = path.resolve(backupDir);
  const manifest = readBackupManifest(source);
  const known = Math.max(...listMigrations().map((m) => m.version));
  if (manifest.schemaVersion > known) {
    throw new DomainError(
      'unsupported',
      'backup_schema_too_new',
      `the backup's database is at schema version ${manifest.schemaVersion}; this Magnolia knows up to ${known}: restore it with Magnolia ${manifest.magnoliaVersion} or newer`,
    );
  }
  const dbCopy = path.join(source, DATABASE_FILE);
  if (!existsSync(dbCopy) || (await sha256OfFile(dbCopy)) !== manifest.database.sha256) {
    throw new DomainError(
      'invalid',
      'backup_damaged',
      `${dbCopy} is missing or differs from the manifest: the backup is damaged`,
    );
  }
  for (const entry of manifest.git) {
    if (entry.bundle && !existsSync(path.join(source, entry.bundle)))
      throw new DomainError(
        'invalid',
        'backup_damaged',
        `${path.join(source, entry.bundle)} is missing: the backup is damaged`,
      );
  }
  if (insideDir(source, dataDir) || insideDir(dataDir, source)) {
    throw new DomainError(
      'invalid',
      'restore_overlaps_backup',
      `MAGNOLIA_DATA_DIR (${dataDir}) and the backup (${source}) overlap: restore into another folder`,
    );
  }

  if (existsSync(dataDir) && !statSync(dataDir).isDirectory())
    throw new DomainError('invalid', 'data_dir_not_a_folder', `MAGNOLIA_DATA_DIR (${dataDir}) is a file, not a folder`);
  mkdirSync(dataDir, { recursive: true });
  // A staging folder left by an interrupted restore is not an instance.
  for (const entry of readdirSync(dataDir))
    if (entry.startsWith(STAGING_PREFIX)) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  const existing = readdirSync(dataDir);
  if (existing.length > 0 && !options.force) {
    throw new DomainError(
      'conflict',
      'data_dir_not_empty',
      `MAGNOLIA_DATA_DIR (${dataDir}) is not empty${existsSync(databaseFile) ? ' (it holds an instance)' : ''}: restore into a new or empty folder, or pass --force to replace what is there`,
    );
  }
  if (existing.length > 0) refuseIfServed(databaseFile, clock.now());

  const staging = path.join(dataDir, `${STAGING_PREFIX}${randomBytes(4).toString('hex')}`);
  mkdirSync(staging);
  try {
    const stagedDb = path.join(staging, DATABASE_FILE);
    copyFileSync(dbCopy, stagedDb);
    for (const entry of manifest.git) {
      await unbundleRepository(
        runGit,
        { ...entry, bundled: entry.bundle !== null, bundleFile: entry.bundle ? path.join(source, entry.bundle) : null },
        path.join(staging, entry.path),
      );
    }
    // Migrations bring an older backup up to this version; then every path moves into the new data dir.
    const db = openDatabase(stagedDb);
    let releasedJobs: number;
    try {
      const queries = createSnapshotQueries(db);
      const restored = new Set<number>();
      for (const entry of manifest.git) {
        const gitDir = path.join(dataDir, entry.path);
        for (const use of entry.usedBy) {
          if (use.field === 'mirror_path') {
            queries.setMirrorPath(use.repositoryId, gitDir);
            restored.add(use.repositoryId);
          } else queries.setCloneUrl(use.repositoryId, cloneUrlLike(use.value, gitDir));
        }
      }
      // A mirror not cloned yet at backup time is cloned into the new data dir, not the old one.
      for (const row of queries.repositories())
        if (row.mirror_path && !restored.has(row.id))
          queries.setMirrorPath(row.id, path.join(dataDir, 'mirrors', path.basename(row.mirror_path)));
      releasedJobs = queries.releaseQueue();
      const check = db.pragma('integrity_check', { simple: true });
      if (check !== 'ok')
        throw new DomainError('invalid', 'backup_damaged', `the restored database fails its check: ${String(check)}`);
    } finally {
      db.close();
    }

    if (existing.length > 0) {
      // Listed again: looking for a live process may have added the old database's -wal and -shm.
      const old = readdirSync(dataDir).filter((entry) => entry !== path.basename(staging));
      log.warn({ dataDir, entries: old }, 'replacing the instance in the data dir (--force)');
      for (const entry of old) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    }
    for (const entry of readdirSync(staging)) renameSync(path.join(staging, entry), path.join(dataDir, entry));
    rmSync(staging, { recursive: true, force: true });
    return { manifest, replaced: existing.length > 0, releasedJobs };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof Error && /schema version/.test(error.message) && !(error instanceof DomainError))
      throw new DomainError('unsupported', 'backup_schema_too_new', error.message);
    throw error;
  }
}
