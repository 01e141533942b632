import type { Command } from 'commander';
import { isoNow, systemClock } from '../../kernel/clock.ts';
import { parseFullName } from '../../sync/projects/add-project.ts';
import { registerProject } from '../../sync/projects/register-project.ts';
import { CliError, type CliIO } from '../cli-io.ts';
import { openInstanceStore } from '../open-instance-store.ts';

/** `magnolia project add|remove|list`: the member projects. */
export function registerProjectCommand(program: Command, io: CliIO): void {
  const project = program.command('project').description('manage member projects');
  project
    .command('add <owner/repo>')
    .description('register a member project and backfill it (git mirror, then metadata)')
    .option(
      '--clone-url <url>',
      'clone from here instead of ${GITHUB_URL}/<owner>/<repo>.git: an https, http, ssh, git or file URL, git@host:path, or a local path; no credentials in it (use GITHUB_TOKEN or a git credential helper)',
    )
    .option('--domain <slug>', 'domain, e.g. cloud-computing, big-data, blockchain')
    .action(async (fullName: string, options: { cloneUrl?: string; domain?: string }) => {
      const instance = openInstanceStore(io);
      try {
        const { added, mirrored, metadata } = await registerProject(
          {
            store: instance.store,
            clock: systemClock,
            lookup: instance.sync.lookup,
            fetch: instance.sync.fetch,
            refreshMetadata: instance.sync.refreshMetadata,
            onRegistered: (project) => {
              if (project.domainCreated)
                io.stderr.write(`new domain "${options.domain}" created (name it in the admin pages)\n`);
              io.stderr.write(
                `${project.fullName}: registered${project.provisional ? ' (GitHub id not known yet)' : ''}; mirroring…\n`,
              );
            },
          },
          { fullName, cloneUrl: options.cloneUrl, domain: options.domain, cwd: io.cwd },
        );
        io.stderr.write(
          `${added.fullName}: ${mirrored.newCommits} commits indexed, head ${mirrored.headSha?.slice(0, 12) ?? '(empty)'}\n`,
        );
        if (metadata.status !== 'ok')
          io.stderr.write(
            `${added.fullName}: metadata ${metadata.status}${'reason' in metadata ? `: ${metadata.reason}` : ''}\n`,
          );
        io.stdout.write(`${added.fullName}\n`);
      } finally {
        instance.close();
      }
    });
  project
    .command('remove <owner/repo>')
    .description('stop tracking a member project (its history stays in the database)')
    .action((fullName: string) => {
      const { owner, repo } = parseFullName(fullName);
      const instance = openInstanceStore(io);
      try {
        const row = instance.store.repositories.findMember(`${owner}/${repo}`);
        if (!row) throw new CliError(`${owner}/${repo} is not a member project (see \`npx magnolia project list\`)`);
        instance.store.repositories.remove(row.id, isoNow(systemClock));
        io.stderr.write(`${row.full_name} removed\n`);
      } finally {
        instance.close();
      }
    });
  project
    .command('list')
    .description('list member projects: name, domain, commits, head')
    .action(() => {
      const instance = openInstanceStore(io);
      try {
        for (const row of instance.store.repositories.listMembers()) {
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
      } finally {
        instance.close();
      }
    });
}
