import { availableParallelism } from 'node:os';
import type { RunGit } from '../../../kernel/git/run-git.ts';
import type { SpecOutline } from '../build-outline.ts';
import { outlineKey, type CachedBlame, type DraftCache } from '../cache/draft-cache.ts';
import { checkSetSize } from '../draft-limits.ts';
import type {
  CommitteeData,
  DraftInput,
  DraftLang,
  DraftResult,
  PreviousManifest,
  ProvenanceMode,
  SourceRole,
  StandardType,
} from '../draft-types.ts';
import { generateDraft, prepareSpec, titleFileIndex } from '../generate-draft.ts';
import { identifyLicense } from '../identify-license.ts';
import { readKeywordDeclarations } from '../read-keyword-declarations.ts';
import { blameFile } from './blame-file.ts';
import { detectProjectName } from './detect-project-name.ts';
import { LICENSE_CANDIDATES } from './license-candidates.ts';
import { openRepository } from './open-repository.ts';
import { createCommitTable, type CommitTable } from './parse-line-porcelain.ts';
import { checkSpecPaths, normaliseSpecPath, readBlobs, type BlobFile } from './read-blobs.ts';
import { resolveCommit } from './resolve-commit.ts';
import { reusableBlames } from './reusable-blames.ts';

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
  /** The repository as the draft names it (a public URL); default the clone URL or path given as `repo`. */
  repositoryUrl?: string | undefined;
  /** Directory relative repository paths are resolved against. */
  cwd: string;
  /** Blame processes run at once (default: the machine's parallelism, at least 2). */
  concurrency?: number;
  provenance?: ProvenanceMode | undefined;
  committee?: CommitteeData | undefined;
  /** The previous revision's manifest: clause IDs are carried forward from it. */
  previous?: PreviousManifest | undefined;
  /**
   * Parsed files and blames kept between drafts by blob id (`createDraftCache`): regenerating after a change parses
   * and blames only the files that changed.
   */
  cache?: DraftCache | undefined;
}

/** A cached blame as indexes into this draft's commit table. */
function fromCache(cached: CachedBlame, table: CommitTable): number[] {
  const indexes = cached.commits.map((commit) => {
    let index = table.index.get(commit.sha);
    if (index === undefined) {
      index = table.commits.length;
      table.commits.push(commit);
      table.index.set(commit.sha, index);
    }
    return index;
  });
  return cached.lines.map((i) => indexes[i]!);
}

/** A blame in the cache's form: only the commits its lines use. */
function toCache(commit: string, lines: readonly number[], table: CommitTable): CachedBlame {
  const own = new Map<number, number>();
  const commits: CachedBlame['commits'] = [];
  const mapped = lines.map((i) => {
    let j = own.get(i);
    if (j === undefined) {
      j = commits.length;
      own.set(i, j);
      commits.push(table.commits[i]!);
    }
    return j;
  });
  return { commit, commits, lines: mapped };
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
  whileBlaming: (files: BlobFile[]) => Promise<T>,
): Promise<{ input: DraftInput; extra: T }> {
  const { runGit, cache } = options;
  const repository = await openRepository(runGit, options.repo, options.cwd);
  const paths = options.sources.map((s) => normaliseSpecPath(s.path));
  checkSpecPaths(paths);
  let blaming: Promise<number[][]> | undefined;
  try {
    const { gitDir } = repository;
    const commit = await resolveCommit(runGit, gitDir, options.ref);
    const table = createCommitTable();
    const limit = options.concurrency ?? Math.max(2, availableParallelism());
    const reading = () => readBlobs(runGit, gitDir, commit, paths, { optionalCandidates: LICENSE_CANDIDATES });
    let read: Awaited<ReturnType<typeof reading>>;
    if (!cache) {
      // Blame is the long pole: start it first (one run per file, several at once), and read meanwhile.
      blaming = mapLimit(paths, limit, (path) => blameFile(runGit, gitDir, commit, path, table));
      blaming.catch(() => undefined);
      read = await reading();
    } else {
      // With a cache the blobs come first: only files whose blame does not hold any more are blamed.
      read = await reading();
      const blobs = read.files;
      const cached = await Promise.all(blobs.map((b) => cache.getBlame(b.path, b.blob)));
      const reusable = await reusableBlames(
        runGit,
        gitDir,
        commit,
        blobs.flatMap((b, i) => (cached[i] ? [{ path: b.path, commit: cached[i]!.commit }] : [])),
      );
      blaming = mapLimit(blobs, limit, async (blob) => {
        const hit = cached[blobs.indexOf(blob)];
        if (hit && reusable.has(blob.path)) return fromCache(hit, table);
        const lines = await blameFile(runGit, gitDir, commit, blob.path, table);
        cache.setBlame(blob.path, blob.blob, toCache(commit, lines, table));
        return lines;
      });
      blaming.catch(() => undefined);
    }
    const { files: blobs, optional } = read;
    const license = optional ? identifyLicense(optional.text) : undefined;
    const [extra, blames] = await Promise.all([whileBlaming(blobs), blaming]);
    // Asked last, so what is wrong with the spec files themselves is said first.
    const name = options.name ?? (await detectProjectName(runGit, gitDir, repository.url, options.repo));
    const input: DraftInput = {
      name,
      repository: options.repositoryUrl ?? repository.url ?? options.repo,
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
      provenance: options.provenance,
      committee: options.committee,
      previous: options.previous,
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
 * Generates a draft from a git repository at a ref. The spec files are parsed while git blames them (one file
 * per event-loop turn, so blame output keeps flowing). The server calls this inside a revision's worker thread.
 */
export async function draftFromGit(options: DraftFromGitOptions): Promise<DraftResult> {
  const titleFile = titleFileIndex(options.sources);
  const { cache } = options;
  const { input, extra: outlines } = await collectInput(options, async (files) => {
    const texts = files.map((f) => f.text);
    checkSetSize(texts.map((text) => ({ text })));
    const declared = readKeywordDeclarations(texts)?.words;
    const prepared: SpecOutline[] = [];
    for (const [i, file] of files.entries()) {
      const key = cache ? outlineKey(file.blob, i, i === titleFile, declared) : '';
      const hit = cache ? await cache.getOutline(key) : undefined;
      if (hit) {
        prepared.push(hit);
        continue;
      }
      await nextTurn();
      const outline = prepareSpec(file.text, i, i === titleFile, file.path, { declared });
      // Stored before rendering changes it.
      cache?.setOutline(key, outline);
      prepared.push(outline);
    }
    return prepared;
  });
  return generateDraft(input, outlines);
}
