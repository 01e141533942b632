import path from 'node:path';
import type { Command } from 'commander';
import { readConfig } from '../../kernel/config/read-config.ts';
import { createLogger } from '../../kernel/log/create-logger.ts';
import { backupInstance } from '../../sync/backup/backup-instance.ts';
import { restoreInstance } from '../../sync/backup/restore-instance.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import type { CliIO } from '../cli-io.ts';

/** `magnolia backup <dir>` and `magnolia restore <dir> [--force]`: the instance named by MAGNOLIA_DATA_DIR. */
export function registerBackupCommands(program: Command, io: CliIO): void {
  const deps = () => {
    const config = readConfig(io.env, io.cwd);
    const log = createLogger(io.env.LOG_LEVEL ?? 'warn', { write: (line: string) => void io.stderr.write(line) });
    return { dataDir: config.dataDir, databaseFile: config.databaseFile, runGit, clock: io.clock, log };
  };
  program
    .command('backup <dir>')
    .description('back up the instance (database and git mirrors) into a new folder; safe while serving')
    .action(async (dir: string) => {
      const manifest = await backupInstance(deps(), dir);
      const { counts } = manifest;
      const bundles = manifest.git.filter((g) => g.bundle !== null).length;
      io.stderr.write(
        `backup of ${manifest.sourceDataDir} written in ${manifest.tookMs} ms: database ${(manifest.database.bytes / 1_048_576).toFixed(1)} MB ` +
          `(${counts.projects} projects, ${counts.commits} commits, ${counts.deliveries} deliveries, ${counts.maturityResults} maturity results), ` +
          `${manifest.git.length} git repositories (${bundles} bundles)\n`,
      );
      io.stdout.write(`${path.resolve(io.cwd, dir)}\n`);
    });
  program
    .command('restore <dir>')
    .description('restore a backup into MAGNOLIA_DATA_DIR (which must be empty, unless --force)')
    .option('--force', 'replace the instance in MAGNOLIA_DATA_DIR (refused while a process serves it)')
    .action(async (dir: string, options: { force?: boolean }) => {
      const d = deps();
      const restored = await restoreInstance(d, path.resolve(io.cwd, dir), { force: options.force === true });
      const { manifest } = restored;
      io.stderr.write(
        `restored the backup of ${manifest.createdAt} (${manifest.counts.projects} projects, ${manifest.counts.deliveries} deliveries, ` +
          `${manifest.git.length} git repositories) into ${d.dataDir}${restored.replaced ? ', replacing the instance that was there' : ''}; ` +
          `${manifest.counts.deliveriesUnfinished} deliveries and ${manifest.counts.jobsPending} jobs were still queued and run at the next start\n`,
      );
      io.stdout.write(`${d.dataDir}\n`);
    });
}
