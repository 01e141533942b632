import { constants } from 'node:fs';
import { access, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import type {
  CommitteeData,
  DraftLang,
  PreviousManifest,
  ProvenanceMode,
  SourceRole,
  StandardType,
} from '../../content/draft/draft-types.ts';
import { parsePreviousManifest } from '../../content/draft/parse-previous-manifest.ts';
import { CCS_CODE, ICS_CODE, type SourceList } from '../../content/draft/parse-sources.ts';
import { readConfig } from '../../kernel/config/read-config.ts';
import { describePathProblem } from '../../kernel/fs/describe-path-problem.ts';
import { parseCalendarDate } from '../../kernel/time/parse-date.ts';
import { runGit as defaultRunGit, type RunGit } from '../../kernel/git/run-git.ts';
import { createDraftsService, type DraftsService } from '../../sync/drafts/drafts-service.ts';
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
  provenance: ProvenanceMode;
  previous?: string;
  cacheDir?: string;
  proposer?: string;
  committee?: string;
  draftingUnit?: string[];
  drafter?: string[];
  ics?: string;
  ccs?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The committee's data: the command line's options over the sources file's fields. */
function committeeOf(options: DraftOptions, fromSources: CommitteeData | undefined): CommitteeData {
  if (options.ics !== undefined && !ICS_CODE.test(options.ics))
    throw new CliError(`--ics must be an ICS code such as 35.240.60 (got ${options.ics})`);
  if (options.ccs !== undefined && !CCS_CODE.test(options.ccs))
    throw new CliError(`--ccs must be a CCS code, a capital letter and two digits such as L67 (got ${options.ccs})`);
  return {
    proposer: options.proposer ?? fromSources?.proposer,
    committee: options.committee ?? fromSources?.committee,
    draftingUnits: options.draftingUnit ?? fromSources?.draftingUnits,
    drafters: options.drafter ?? fromSources?.drafters,
    ics: options.ics ?? fromSources?.ics,
    ccs: options.ccs ?? fromSources?.ccs,
  };
}

/** Reads the previous revision's manifest (`--previous`). */
async function loadPrevious(file: string, io: CliIO): Promise<PreviousManifest> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch {
    throw new CliError(
      `--previous ${file} cannot be read: give the manifest a previous draft wrote with --manifest`,
      'not-found',
    );
  }
  return parsePreviousManifest(text, file);
}

/** Reads sources.yml from the local disk, else from the repository at the ref (it often lives beside the spec). */
async function loadSources(file: string, options: DraftOptions, io: CliIO, drafts: DraftsService): Promise<SourceList> {
  const text =
    (await readFile(path.resolve(io.cwd, file), 'utf8').catch(() => undefined)) ??
    (await drafts.fileAt(options.repo, options.ref, file, io.cwd));
  if (text === undefined)
    throw new CliError(
      `sources file ${file} was found neither on disk nor in the repository at ${options.ref}: check the path`,
    );
  return drafts.parseSources(text, file);
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
      'project name in permalinks (default: from the origin remote or the clone URL; required when neither names one)',
    )
    .addOption(
      new Option('--lang <lang>', 'language of the fixed wording, the generated titles and the lint report')
        .choices(['zh', 'en'])
        .default('zh'),
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
    .addOption(
      new Option(
        '--provenance <where>',
        'annex: clause-ID anchors in the body, origins in the annex; body: a source note under each clause',
      )
        .choices(['annex', 'body'])
        .default('annex'),
    )
    .option('--previous <manifest.json>', "the previous revision's manifest: clause IDs are carried forward from it")
    .option(
      '--cache-dir <dir>',
      'keep parsed files and blames here by blob id, so the next draft redoes only what changed',
    )
    .option('--proposer <unit>', 'proposing unit (提出单位)')
    .option('--committee <committee>', 'responsible committee (归口单位)')
    .option('--drafting-unit <unit>', 'a drafting unit (起草单位); repeat for several', collect)
    .option('--drafter <name>', 'a drafter (起草人); repeat for several', collect)
    .option('--ics <code>', 'ICS code of the standard, e.g. 35.240.60')
    .option('--ccs <code>', 'CCS code of the standard, e.g. L67')
    .action(async (specPaths: string[], options: DraftOptions) => {
      if (specPaths.length > 0 && options.sources) throw new CliError('give either spec paths or --sources, not both');
      // Only GITHUB_URL matters here; the rest of the configuration is read (and checked) only when needed.
      const drafts = createDraftsService({ runGit, clock: io.clock, githubUrl: readConfig(io.env, io.cwd).githubUrl });
      if (options.permalinkBase !== undefined && !/^https?:\/\/\S+$/i.test(options.permalinkBase.replace(/\/+$/, '')))
        throw new CliError(
          `--permalink-base must be an http(s) URL, for example https://github.com (got ${options.permalinkBase})`,
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
      let fromSources: CommitteeData | undefined;
      if (options.sources) {
        const list = await loadSources(options.sources, options, io, drafts);
        sources = list.files;
        titles = { titleZh: list.titleZh, titleEn: list.titleEn };
        fromSources = list.committee;
      }
      const committee = committeeOf(options, fromSources);
      const previous = options.previous ? await loadPrevious(options.previous, io) : undefined;
      if (sources.length === 0)
        throw new CliError(
          'name at least one spec file (magnolia draft --repo . --ref main SPEC.md) or give --sources sources.yml',
        );

      const result = await drafts.generate({
        repo: options.repo,
        ref: options.ref,
        sources,
        name: options.name,
        permalinkBase: options.permalinkBase,
        lang: options.lang,
        type: options.type,
        titleZh: options.titleZh ?? titles.titleZh,
        titleEn: options.titleEn ?? titles.titleEn,
        date: options.date,
        cwd: io.cwd,
        provenance: options.provenance,
        committee,
        previous,
        cacheDir: options.cacheDir === undefined ? undefined : path.resolve(io.cwd, options.cacheDir),
      });

      if (out !== undefined) await writeOutput('--out', out, result.markdown);
      else io.stdout.write(result.markdown);
      if (manifest !== undefined)
        await writeOutput('--manifest', manifest, `${JSON.stringify(result.manifest, null, 2)}\n`);
      for (const issue of result.lint)
        io.stderr.write(`lint: ${issue.path ? `${issue.path}:${issue.line} ` : ''}[${issue.rule}] ${issue.message}\n`);
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
