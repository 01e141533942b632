import type { Command } from 'commander';
import { plural } from '../../content/i18n/plural.ts';
import { CliError, type CliIO } from '../cli-io.ts';
import { openInstanceStore } from '../open-instance-store.ts';
import { createProgress } from '../progress.ts';

// The CLI speaks English (its output is read by operators and scripts); counts still agree with their nouns.
const COMMITS = { one: '{count} new commit', other: '{count} new commits' };
const REFS = { one: '{count} ref', other: '{count} refs' };

/** `magnolia sync [owner/repo ...]`: bring projects up to date now (ls-remote, fetch when changed, metadata, evaluation). */
export function registerSyncCommand(program: Command, io: CliIO): void {
  program
    .command('sync [projects...]')
    .description(
      'reconcile member projects now (all when none is named): git fetch when the upstream changed, metadata refresh, evaluation',
    )
    .action(async (names: string[]) => {
      const instance = openInstanceStore(io);
      try {
        const { projects, sync } = instance.services;
        const chosen = names.length === 0 ? projects.members() : names.map(projects.member);
        const progress = createProgress(io, chosen.length, 'sync');
        let failed = 0;
        for (const row of chosen) {
          try {
            const { git: result, metadata } = await sync.syncNow(row.id);
            const git =
              'unchanged' in result
                ? 'unchanged'
                : `${plural('en', COMMITS, result.newCommits)}, ${plural('en', REFS, result.refsChanged)} changed`;
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
