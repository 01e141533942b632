import type { Command } from 'commander';
import { renderMessage } from '../../content/i18n/render-message.ts';
import { CLI_CONTEXT } from '../../sync/accounts/audit-service.ts';
import type { CliIO } from '../cli-io.ts';
import { withInstance } from '../open-instance-store.ts';
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
    .action((fullName: string, options: { cloneUrl?: string; domain?: string }) =>
      withInstance(io, async ({ services }) => {
        const { added, mirrored, metadata } = await services.admin.addProject(
          { fullName, cloneUrl: options.cloneUrl, domain: options.domain, cwd: io.cwd },
          CLI_CONTEXT,
          (project) => {
            if (project.domainCreated)
              io.stderr.write(
                `new domain "${options.domain}" created: name it with magnolia domain name ${options.domain} --en <name> --zh <名称>\n`,
              );
            io.stderr.write(
              `${project.fullName}: registered${project.provisional ? ' (GitHub id not known yet)' : ''}; mirroring…\n`,
            );
          },
        );
        io.stderr.write(
          `${added.fullName}: ${mirrored.newCommits} commits indexed, head ${mirrored.headSha?.slice(0, 12) ?? '(empty)'}\n`,
        );
        if (metadata.status !== 'ok')
          io.stderr.write(
            `${added.fullName}: metadata ${metadata.status}${'reason' in metadata ? `: ${renderMessage(metadata.reason, 'en')}` : ''}\n`,
          );
        io.stdout.write(`${added.fullName}\n`);
      }),
    );
  project
    .command('remove <owner/repo>')
    .description('stop tracking a member project (its history stays in the database)')
    .action((fullName: string) =>
      withInstance(io, ({ services }) => {
        const row = services.admin.removeProject(fullName, CLI_CONTEXT);
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
