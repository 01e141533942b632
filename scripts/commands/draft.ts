import { isoNow } from '../../kernel/clock.ts';
import { constants } from 'node:fs';
import { access, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { DraftLang, SourceRole, StandardType } from '../../content/draft/draft-types.ts';
import { draftFromGit } from '../../content/draft/git/draft-from-git.ts';
import { openRepository } from '../../content/draft/git/open-repository.ts';
import { readBlobs } from '../../content/draft/git/read-blobs.ts';
import { resolveCommit } from '../../content/draft/git/resolve-commit.ts';
import { parseSources, SourcesError, type SourceList } from '../../content/draft/parse-sources.ts';
import { readConfig } from '../../kernel/config/read-config.ts';
import { describePathProblem } from '../../kernel/fs/describe-path-problem.ts';
import { parseCalendarDate } from '../../kernel/time/parse-date.ts';
import { runGit as defaultRunGit, type RunGit } from '../../kernel/git/run-git.ts';
import { CliError, type CliIO } from '../cli-io.ts';
import { plural } from '../../content/i18n/plural.ts';

/** Options of `magnolia draft` as commander parses them. */
interface DraftOptions {
  repo: string;
  ref: string;
  name?: string;
  lang: DraftLang;
  type: StandardType;
  titleZh?: string;
  titleEn?: string;
  out?: string;
  manifest?: string;
  sources?: string;
  permalinkBase?: string;
  date?: string;
}

/** Reads sources.yml from the local disk, else from the repository at the ref (it often lives beside the spec). */
async function loadSources(file: string, options: DraftOptions, io: CliIO, runGit: RunGit): Promise<SourceList> {
  let text: string | undefined;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch {
    const repository = await openRepository(runGit, options.repo, io.cwd);
    try {
      const commit = await resolveCommit(runGit, repository.gitDir, options.ref);
      const read = await readBlobs(runGit, repository.gitDir, commit, [file], { requireMarkdown: false }).catch(
        () => undefined,
      );
      text = read?.files[0]?.text;
    } finally {
      await repository.close();
    }
  }
  if (text === undefined)
    throw new CliError(
      `sources file ${file} was found neither on disk nor in the repository at ${options.ref}: check the path`,
    );
  try {
    return parseSources(text);
  } catch (error) {
    if (error instanceof SourcesError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

/** The CliError for an output path that cannot be written: which option, which path, why, and what to do. */
function outputError(option: string, file: string, error: unknown): CliError {
  const reason = describePathProblem(error, file) ?? String((error as Error)?.message ?? error);
  return new CliError(
    `cannot write ${option} ${file}: ${reason}; give ${option} a file path in an existing folder you can write to`,
  );
}

/** Refuses an output path that cannot be written before the draft is generated, so no work is lost at the end. */
async function checkOutput(option: string, file: string): Promise<void> {
  try {
    const existing = await stat(file).catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
      throw error;
    });
    if (existing?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    const folder = await stat(path.dirname(file));
    if (!folder.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    await access(existing ? file : path.dirname(file), constants.W_OK);
  } catch (error) {
    throw outputError(option, file, error);
  }
}

/** Writes one output file; a failure (disk full, a folder that went away) says which option and path. */
async function writeOutput(option: string, file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (error) {
    throw outputError(option, file, error);
  }
}

/**
 * Adds `magnolia draft`: generates a standard draft with clause-level provenance from spec files of a git
 * repository at a ref. The draft goes to --out (or stdout), the manifest to --manifest, the lint report to stderr.
 */
export function registerDraftCommand(program: Command, io: CliIO, runGit: RunGit = defaultRunGit): void {
  program
    .command('draft')
    .description(
      'generate a standard draft (GB/T 1.1-2020 structure) with clause-level provenance from spec files at a git ref',
    )
    .argument('[spec-paths...]', 'Markdown spec files in the repository, in draft order')
    .requiredOption('--repo <path-or-url>', 'local git repository (bare or not) or clone URL')
    .requiredOption('--ref <ref>', 'tag, branch or commit SHA to pin the draft to')
    .option(
      '--name <owner/repo>',
      'project name in permalinks (default: from the origin remote, the clone URL or the folder name)',
    )
    .addOption(
      new Option('--lang <lang>', 'language of the fixed lead-in sentences').choices(['zh', 'en']).default('zh'),
    )
    .addOption(
      new Option('--type <type>', 'kind of standard')
        .choices(['association', 'industry', 'national'])
        .default('association'),
    )
    .option('--title-zh <title>', 'Chinese title of the standard')
    .option('--title-en <title>', 'English title of the standard')
    .option('--out <file>', 'write the draft here instead of stdout')
    .option('--manifest <file>', 'write the provenance manifest (JSON) here')
    .option('--sources <file>', 'sources.yml listing spec files with roles (instead of spec paths)')
    .option('--permalink-base <url>', 'web base of permalinks (default: GITHUB_URL, else https://github.com)')
    .option('--date <yyyy-mm-dd>', 'date of the draft (default: today)')
    .action(async (specPaths: string[], options: DraftOptions) => {
      if (specPaths.length > 0 && options.sources) throw new CliError('give either spec paths or --sources, not both');
      // Only GITHUB_URL matters here; the rest of the configuration is read (and checked) only when needed.
      const permalinkBase = (options.permalinkBase ?? readConfig(io.env, io.cwd).githubUrl).replace(/\/+$/, '');
      if (!/^https?:\/\/\S+$/i.test(permalinkBase))
        throw new CliError(
          `--permalink-base must be an http(s) URL, for example https://github.com (got ${permalinkBase})`,
        );
      if (options.date !== undefined) {
        const date = parseCalendarDate(options.date);
        if (!date.ok) throw new CliError(`--date ${date.problem}: give a real calendar date such as 2025-01-31`);
      }
      if (options.name !== undefined && !/^[\w.-]+(\/[\w.-]+)?$/.test(options.name))
        throw new CliError('--name must look like owner/repo');
      const out = options.out === undefined ? undefined : path.resolve(io.cwd, options.out);
      const manifest = options.manifest === undefined ? undefined : path.resolve(io.cwd, options.manifest);
      if (out !== undefined) await checkOutput('--out', out);
      if (manifest !== undefined) await checkOutput('--manifest', manifest);
      let sources: { path: string; role: SourceRole }[] = specPaths.map((p) => ({ path: p, role: 'clauses' }));
      let titles: { titleZh?: string | undefined; titleEn?: string | undefined } = {};
      if (options.sources) {
        const list = await loadSources(options.sources, options, io, runGit);
        sources = list.files;
        titles = { titleZh: list.titleZh, titleEn: list.titleEn };
      }
      if (sources.length === 0)
        throw new CliError(
          'name at least one spec file (magnolia draft --repo . --ref main SPEC.md) or give --sources sources.yml',
        );

      const result = await draftFromGit({
        runGit,
        repo: options.repo,
        ref: options.ref,
        sources,
        name: options.name,
        permalinkBase,
        lang: options.lang,
        type: options.type,
        titleZh: options.titleZh ?? titles.titleZh,
        titleEn: options.titleEn ?? titles.titleEn,
        date: options.date ?? isoNow(io.clock).slice(0, 10),
        cwd: io.cwd,
      });

      if (out !== undefined) await writeOutput('--out', out, result.markdown);
      else io.stdout.write(result.markdown);
      if (manifest !== undefined)
        await writeOutput('--manifest', manifest, `${JSON.stringify(result.manifest, null, 2)}\n`);
      for (const issue of result.lint)
        io.stderr.write(`lint: ${issue.path}:${issue.line} [${issue.rule}] ${issue.message}\n`);
      const { clauses, requirements, source } = result.manifest;
      io.stderr.write(
        `draft: ${[
          plural('en', { one: '{count} clause', other: '{count} clauses' }, clauses.length),
          plural('en', { one: '{count} requirement', other: '{count} requirements' }, requirements.length),
          plural('en', { one: '{count} lint issue', other: '{count} lint issues' }, result.lint.length),
        ].join(
          ', ',
        )} from ${plural('en', { one: '{count} file', other: '{count} files' }, source.files.length)} at ${source.commit.slice(0, 12)}${options.out ? ` -> ${options.out}` : ''}\n`,
      );
    });
}
