import path from 'node:path';
import type { Command } from 'commander';
import { CliError, type CliIO } from '../cli-io.ts';
import { withInstance } from '../open-instance-store.ts';

interface SiteBuildFlags {
  out: string;
  basePath?: string;
  siteUrl?: string;
  include: string;
  pagefind: boolean;
}

/** `magnolia site build --out DIR`: the static site of the instance's public standards and drafts. */
export function registerSiteCommand(program: Command, io: CliIO): void {
  const site = program.command('site').description('the static site of standards and drafts');
  site
    .command('build')
    .description(
      'build the static site of public standards and drafts into a folder (incremental: a rebuild writes only what changed)',
    )
    .requiredOption('--out <dir>', 'the output folder')
    .option(
      '--base-path <path>',
      'serve the site under this path (e.g. /standards/): links become absolute under it; without it links are relative and the folder also works opened from disk (file://)',
    )
    .option(
      '--site-url <url>',
      'the absolute URL the site is served at (e.g. https://std.example.org/standards): the sitemap and the feed name absolute URLs; without it they hold paths relative to the base path',
    )
    .option('--include <which>', 'public: every public revision; published: only published standards', 'public')
    .option(
      '--no-pagefind',
      'skip the Pagefind full-text index (the search page then works only after a build with it)',
    )
    .addHelpText(
      'after',
      "\nThe site is in Chinese at the root and in English under en/; every page has a language switch. Pagefind's search page works over HTTP only; each draft's page has its own search that also works from file://.\n",
    )
    .action(async (flags: SiteBuildFlags) => {
      if (flags.include !== 'public' && flags.include !== 'published')
        throw new CliError(`--include is public or published, not "${flags.include}"`);
      const outDir = path.resolve(io.cwd, flags.out);
      const report = await withInstance(io, ({ services }) =>
        services.publication.build({
          outDir,
          basePath: flags.basePath,
          siteUrl: flags.siteUrl,
          include: flags.include as 'public' | 'published',
          pagefind: flags.pagefind,
        }),
      );
      for (const warning of report.warnings) io.stderr.write(`warning: ${warning}\n`);
      io.stderr.write(
        `site of ${report.proposals} proposals and ${report.revisions} revisions built in ${report.ms} ms: ` +
          `${report.written.length} written, ${report.unchanged} unchanged, ${report.deleted.length} deleted; ` +
          `pagefind ${report.pagefind}\n`,
      );
      io.stdout.write(`${outDir}\n`);
    });
}
