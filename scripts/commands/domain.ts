import type { Command } from 'commander';
import type { CliIO } from '../cli-io.ts';
import { withInstance } from '../open-instance-store.ts';

/** `magnolia domain list|name`: the domains projects belong to, and their names in both languages. */
export function registerDomainCommand(program: Command, io: CliIO): void {
  const domain = program.command('domain').description('list and name the domains of member projects');
  domain
    .command('list')
    .description('list domains: slug, English name, Chinese name (a name equal to the slug is not given yet)')
    .action(() =>
      withInstance(io, ({ services }) => {
        for (const d of services.projects.domains()) {
          io.stdout.write([d.slug, d.name.en, d.name.zh, d.named ? 'named' : 'unnamed'].join('\t') + '\n');
        }
      }),
    );
  domain
    .command('name <slug>')
    .description('give a domain its names, shown on every page instead of the slug')
    .requiredOption('--en <name>', 'English name, e.g. "Industrial internet"')
    .requiredOption('--zh <name>', 'Chinese name, e.g. "工业互联网"')
    .action((slug: string, options: { en: string; zh: string }) =>
      withInstance(io, ({ services }) => {
        const d = services.projects.nameDomain(slug, options);
        io.stderr.write(`${d.slug}: ${d.name.en} / ${d.name.zh}\n`);
      }),
    );
}
