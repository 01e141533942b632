import { availableParallelism } from 'node:os';
import type { RunGit } from '../../../kernel/git/run-git.ts';
import type { SpecOutline } from '../build-outline.ts';
import { checkSetSize } from '../draft-limits.ts';
import type { DraftInput, DraftLang, DraftResult, SourceRole, StandardType } from '../draft-types.ts';
import { generateDraft, prepareSpec, titleFileIndex } from '../generate-draft.ts';
import { identifyLicense } from '../identify-license.ts';
import { blameFile } from './blame-file.ts';
import { detectProjectName } from './detect-project-name.ts';
import { LICENSE_CANDIDATES } from './license-candidates.ts';
import { openRepository } from './open-repository.ts';
import { createCommitTable } from './parse-line-porcelain.ts';
import { checkSpecPaths, normaliseSpecPath, readBlobs } from './read-blobs.ts';
import { resolveCommit } from './resolve-commit.ts';

/** What to generate a draft from and how. */
export interface DraftFromGitOptions {
  runGit: RunGit;
  /** Local repository path (bare or not) or clone URL. */
  repo: string;
  ref: string;
  /** Spec files in draft order, with their roles. */
  sources: readonly { path: string; role: SourceRole }[];
  /** `owner/repo` for permalinks; detected when absent. */
  name?: string | undefined;
  permalinkBase: string;
  lang: DraftLang;
  type: StandardType;
  titleZh?: string | undefined;
  titleEn?: string | undefined;
  /** `YYYY-MM-DD`, from the caller's clock. */
  date: string;
  /** Directory relative repository paths are resolved against. */
  cwd: string;
  /**
   * Runs the pure core on the complete input instead of in process, e.g. `runDraftInWorker` (what the server
   * does, so requests never wait on the remark pipeline). Absent: in process, parsing while git blames.
   */
  generate?: (input: DraftInput) => Promise<DraftResult> | DraftResult;
  /** Blame processes run at once (default: the machine's parallelism, at least 2). */
  concurrency?: number;
}

/**
 * Runs `task` over `items` with at most `limit` in flight, keeping results in order. After a failure no new
 * task starts, and it rejects only once the running ones have ended (no git left running in a removed clone).
 */
async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await task(items[i]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, lane));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}

/**
 * Reads everything the pure core needs from git at the pinned commit (blobs, blame, name, license). While the
 * blame processes run, `whileBlaming` gets the file texts, so CPU work overlaps with git's.
 */
async function collectInput<T>(
  options: DraftFromGitOptions,
  whileBlaming: (texts: string[]) => Promise<T>,
): Promise<{ input: DraftInput; extra: T }> {
  const { runGit } = options;
  const repository = await openRepository(runGit, options.repo, options.cwd);
  const paths = options.sources.map((s) => normaliseSpecPath(s.path));
  checkSpecPaths(paths);
  let blaming: Promise<number[][]> | undefined;
  try {
    const { gitDir } = repository;
    const commit = await resolveCommit(runGit, gitDir, options.ref);
    const table = createCommitTable();
    // Blame is the long pole: start it first (one run per file, several at once), and read meanwhile.
    const limit = options.concurrency ?? Math.max(2, availableParallelism());
    blaming = mapLimit(paths, limit, (path) => blameFile(runGit, gitDir, commit, path, table));
    blaming.catch(() => undefined);
    const [read, name] = await Promise.all([
      readBlobs(runGit, gitDir, commit, paths, { optionalCandidates: LICENSE_CANDIDATES }),
      options.name ?? detectProjectName(runGit, gitDir, repository.url, options.repo),
    ]);
    const blobs = read.files;
    const license = read.optional ? identifyLicense(read.optional.text) : undefined;
    const [extra, blames] = await Promise.all([whileBlaming(blobs.map((b) => b.text)), blaming]);
    const input: DraftInput = {
      name,
      repository: repository.url ?? options.repo,
      commit,
      permalinkBase: options.permalinkBase.replace(/\/+$/, ''),
      files: blobs.map((b, i) => ({
        path: b.path,
        blob: b.blob,
        role: options.sources[i]!.role,
        text: b.text,
        lineCommits: blames[i]!,
      })),
      commits: table.commits,
      lang: options.lang,
      type: options.type,
      titleZh: options.titleZh,
      titleEn: options.titleEn,
      license,
      date: options.date,
    };
    return { input, extra };
  } finally {
    // Never remove a temporary clone under a running git.
    if (blaming) await blaming.catch(() => undefined);
    await repository.close();
  }
}

/** Everything the pure core needs, read from git at the pinned commit (blobs, blame, name, license). */
export async function readDraftInput(options: DraftFromGitOptions): Promise<DraftInput> {
  return (await collectInput(options, async () => undefined)).input;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Generates a draft from a git repository at a ref. In process, the spec files are parsed while git blames
 * them (one file per event-loop turn, so blame output keeps flowing); with `generate` (e.g. a worker) the
 * complete input is handed over instead.
 */
export async function draftFromGit(options: DraftFromGitOptions): Promise<DraftResult> {
  if (options.generate) return options.generate(await readDraftInput(options));
  const titleFile = titleFileIndex(options.sources);
  const { input, extra: outlines } = await collectInput(options, async (texts) => {
    const paths = options.sources.map((s) => normaliseSpecPath(s.path));
    checkSetSize(texts.map((text) => ({ text })));
    const prepared: SpecOutline[] = [];
    for (const [i, text] of texts.entries()) {
      await nextTurn();
      prepared.push(prepareSpec(text, i, i === titleFile, paths[i]));
    }
    return prepared;
  });
  return generateDraft(input, outlines);
}
