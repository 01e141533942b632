import type { Command } from 'commander';
import { parseFullName } from '../../sync/projects/add-project.ts';
import { CliError, type CliIO } from '../cli-io.ts';
import { openInstanceStore } from '../open-instance-store.ts';
import { createProgress } from '../progress.ts';

/** `magnolia sync [owner/repo ...]`: reconcile now (ls-remote, fetch when changed, metadata refresh). */
export function registerSyncCommand(program: Command, io: CliIO): void {
  program
    .command('sync [projects...]')
    .description(
      'reconcile member projects now (all when none is named): git fetch when the upstream changed, metadata refresh',
    )
    .action(async (names: string[]) => {
      const instance = openInstanceStore(io);
      try {
        const members = instance.store.repositories.listMembers();
        const chosen =
          names.length === 0
            ? members
            : names.map((name) => {
                const { owner, repo } = parseFullName(name);
                const row = instance.store.repositories.findMember(`${owner}/${repo}`);
                if (!row)
                  throw new CliError(`${owner}/${repo} is not a member project (see \`npx magnolia project list\`)`);
                return row;
              });
        const progress = createProgress(io, chosen.length, 'sync');
        let failed = 0;
        for (const row of chosen) {
          try {
            const result = await instance.sync.reconcile(row.id);
            const metadata = await instance.sync.refreshMetadata(row.id);
            const git =
              'unchanged' in result
                ? 'unchanged'
                : `${result.newCommits} new commits, ${result.refsChanged} refs changed`;
            progress.step(row.full_name, `${git}; metadata ${metadata.status}`);
          } catch (error) {
            failed += 1;
            progress.step(row.full_name, `failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        progress.stop();
        if (failed > 0) throw new CliError(`${failed} of ${chosen.length} projects failed to sync (see above)`);
      } finally {
        instance.close();
      }
    });
}
