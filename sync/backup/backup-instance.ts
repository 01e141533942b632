import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { backupDatabase } from '../../db/backup/backup-database.ts';
import { readSnapshotFacts, type SnapshotRepository } from '../../db/backup/snapshot-queries.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BUNDLES_DIR,
  DATABASE_FILE,
  MANIFEST_FILE,
  type BackupGitEntry,
  type BackupManifest,
} from './backup-manifest.ts';
import { bundleRepository } from './git-bundles.ts';
import { insideDir, localPathOf, magnoliaVersion } from './instance-paths.ts';

export interface BackupDeps {
  /** The instance to back up (MAGNOLIA_DATA_DIR) and its database file. */
  dataDir: string;
  databaseFile: string;
  runGit: RunGit;
  clock: Clock;
  log: Logger;
}

/** Streams a file through sha256. */
export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

type Planned = Omit<BackupGitEntry, 'bundle' | 'refs' | 'head' | 'remoteUrl'> & { gitDir: string };

/** The git repositories of the data dir the snapshot's rows point at: mirrors, and local upstreams inside it. */
function planGitDirs(dataDir: string, rows: SnapshotRepository[]): Planned[] {
  const byDir = new Map<string, Planned>();
  const add = (kind: Planned['kind'], gitDir: string, use: Planned['usedBy'][number]): void => {
    if (!existsSync(path.join(gitDir, 'HEAD'))) return;
    // A mirror recorded under another path (a data dir that was moved) still goes under mirrors/.
    const relative = insideDir(dataDir, gitDir) ? path.relative(dataDir, gitDir) : `mirrors/${path.basename(gitDir)}`;
    const entry = byDir.get(gitDir) ?? { kind, path: relative.split(path.sep).join('/'), gitDir, usedBy: [] };
    entry.usedBy.push(use);
    byDir.set(gitDir, entry);
  };
  for (const row of rows) {
    if (row.mirror_path)
      add('mirror', row.mirror_path, { repositoryId: row.id, field: 'mirror_path', value: row.mirror_path });
    const local = row.clone_url ? localPathOf(row.clone_url) : null;
    if (local && insideDir(dataDir, local))
      add('upstream', local, { repositoryId: row.id, field: 'clone_url', value: row.clone_url! });
  }
  return [...byDir.values()];
}

/**
 * `magnolia backup <dir>`: a consistent copy of a (possibly serving) instance. First the database through SQLite's
 * online backup (one instant), then a git bundle of every repository its rows point at. The mirrors are bundled
 * after the snapshot, so they hold at least every commit the database knows; anything newer is indexed by the
 * first fetch after a restore. The manifest is written last: a folder without one is an unfinished backup.
 */
export async function backupInstance(deps: BackupDeps, targetDir: string): Promise<BackupManifest> {
  const { dataDir, databaseFile, runGit, clock, log } = deps;
  const target = path.resolve(targetDir);
  const started = clock.now();
  if (!existsSync(databaseFile)) {
    throw new DomainError(
      'not-found',
      'no_instance',
      `there is no Magnolia instance at ${dataDir} (no ${DATABASE_FILE}): set MAGNOLIA_DATA_DIR to the instance to back up`,
    );
  }
  if (insideDir(dataDir, target)) {
    throw new DomainError(
      'invalid',
      'backup_inside_instance',
      `${target} is inside MAGNOLIA_DATA_DIR: back up to a folder outside it`,
    );
  }
  const existed = existsSync(target);
  if (existed && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new DomainError(
      'conflict',
      'backup_target_not_empty',
      `${target} is not an empty folder: give a new or empty folder for the backup`,
    );
  }
  mkdirSync(target, { recursive: true });
  try {
    const dbFile = path.join(target, DATABASE_FILE);
    const pages = await backupDatabase(databaseFile, `${dbFile}.partial`);
    renameSync(`${dbFile}.partial`, dbFile);
    const facts = readSnapshotFacts(dbFile);
    log.info({ pages, ...facts.counts }, 'database copied');

    const git: BackupGitEntry[] = [];
    for (const [i, planned] of planGitDirs(dataDir, facts.repositories).entries()) {
      const bundle = `${BUNDLES_DIR}/${String(i + 1).padStart(4, '0')}-${path.basename(planned.gitDir)}.bundle`;
      const done = await bundleRepository(runGit, planned.gitDir, path.join(target, bundle));
      const { gitDir: _, ...entry } = planned;
      git.push({
        ...entry,
        bundle: done.bundled ? bundle : null,
        refs: done.refs,
        head: done.head,
        remoteUrl: done.remoteUrl,
      });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      magnoliaVersion: magnoliaVersion(),
      schemaVersion: facts.schemaVersion,
      createdAt: isoNow(clock),
      sourceDataDir: dataDir,
      database: { file: DATABASE_FILE, bytes: statSync(dbFile).size, sha256: await sha256OfFile(dbFile), pages },
      counts: facts.counts,
      git,
      tookMs: clock.now() - started,
    };
    writeFileSync(path.join(target, `${MANIFEST_FILE}.partial`), JSON.stringify(manifest, null, 2) + '\n');
    renameSync(path.join(target, `${MANIFEST_FILE}.partial`), path.join(target, MANIFEST_FILE));
    return manifest;
  } catch (error) {
    // Nothing half-written stays behind: the folder is as it was (absent or empty).
    if (existed)
      for (const entry of readdirSync(target)) rmSync(path.join(target, entry), { recursive: true, force: true });
    else rmSync(target, { recursive: true, force: true });
    throw error;
  }
}
