import { renderMessage } from '../../content/i18n/render-message.ts';
import type { Command } from 'commander';
import { addProject, parseFullName } from '../../sync/projects/add-project.ts';
import { CliError, type CliIO } from '../cli-io.ts';
import { openInstanceStore, withInstance } from '../open-instance-store.ts';

/** `magnolia project add|remove|list`: the member projects. */
export function registerProjectCommand(program: Command, io: CliIO): void {
  const project = program.command('project').description('manage member projects');
  project
    .command('add <owner/repo>')
    .description('register a member project and backfill it (git mirror, then metadata)')
    .option(
      '--clone-url <url>',
      'clone from here instead of ${GITHUB_URL}/<owner>/<repo>.git (a path or file:// works)',
    )
    .option('--domain <slug>', 'domain, e.g. cloud-computing, big-data, blockchain')
    .action(async (fullName: string, options: { cloneUrl?: string; domain?: string }) => {
      const instance = openInstanceStore(io);
      try {
        const added = await addProject(
          { store: instance.store, clock: instance.clock, lookup: instance.services.sync.lookup },
          { fullName, cloneUrl: options.cloneUrl, domain: options.domain },
        );
        if (added.domainCreated)
          io.stderr.write(`new domain "${options.domain}" created (name it in the admin pages)\n`);
        io.stderr.write(
          `${added.fullName}: registered${added.provisional ? ' (GitHub id not known yet)' : ''}; mirroring…\n`,
        );
        const mirrored = await instance.services.sync.fetch(added.id);
        io.stderr.write(
          `${added.fullName}: ${mirrored.newCommits} commits indexed, head ${mirrored.headSha?.slice(0, 12) ?? '(empty)'}\n`,
        );
        const metadata = await instance.services.sync.refreshMetadata(added.id);
        if (metadata.status !== 'ok')
          io.stderr.write(
            `${added.fullName}: metadata ${metadata.status}${'reason' in metadata ? `: ${renderMessage(metadata.reason, 'en')}` : ''}\n`,
          );
        io.stdout.write(`${added.fullName}\n`);
      } finally {
        instance.close();
      }
    });
  project
    .command('remove <owner/repo>')
    .description('stop tracking a member project (its history stays in the database)')
    .action((fullName: string) =>
      withInstance(io, ({ services }) => {
        const row = services.projects.remove(fullName);
        io.stderr.write(`${row.full_name} removed\n`);
      }),
    );
  project
    .command('list')
    .description('list member projects: name, domain, commits, head')
    .action(() =>
      withInstance(io, ({ services }) => {
        for (const row of services.projects.members()) {
          io.stdout.write(
            [
              row.full_name,
              row.domain ?? '-',
              String(row.commit_count ?? 0),
              row.head_sha?.slice(0, 12) ?? '-',
              row.last_fetch_error ? 'fetch-error' : 'ok',
            ].join('\t') + '\n',
          );
        }
      }),
    );
}
