import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import type { Store } from '../../db/store.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { imageFacts, type ImageFacts } from '../../content/figures/image-facts.ts';
import { readObjects } from '../../kernel/git/read-objects.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';
import type { Blame } from './parse-blame-porcelain.ts';
import { pinAllRevisionCommits, type PinBackfill } from './pin-all-revision-commits.ts';
import { readBlame } from './read-blame.ts';
import { readCommitInfo, type CommitInfo } from './read-commit-info.ts';
import { checkSourcePath } from './source-path.ts';
import { upstreamWebBase } from './upstream-web-base.ts';

/** Files larger than this are offered for download, not listed (nor blamed). */
export const SOURCE_VIEW_MAX_BYTES = 1024 * 1024;
/** The raw download reads the blob whole: larger ones are refused. */
export const SOURCE_RAW_MAX_BYTES = 100 * 1024 * 1024;
/** An image a draft shows is read whole, and larger ones are not shown. */
export const SOURCE_IMAGE_MAX_BYTES = 20 * 1024 * 1024;
/** A NUL byte in this many first bytes makes a file binary (as git and GitHub decide). */
const BINARY_PROBE_BYTES = 8192;

/** How a file is shown: its lines, or a download link. */
export type SourceKind = 'text' | 'binary' | 'too-large';

/** A file of a member project's mirror at one commit, as the source view shows it. */
export interface SourceFile {
  /** `owner/repo` as registered. */
  repository: string;
  commit: CommitInfo;
  path: string;
  size: number;
  kind: SourceKind;
  /** The file's lines (text files only; decoded as UTF-8, line ends removed). */
  lines: string[];
  /** Blame at the commit (text files only). */
  blame: Blame | null;
  /** The upstream's web base for permalinks (`https://github.com/owner/repo`), or null when not on GitHub. */
  upstream: string | null;
}

/** An image file at a commit: what its bytes are, and the bytes. */
export interface SourceImage {
  /** The blob's id: the same bytes have the same id at every commit. */
  blob: string;
  facts: ImageFacts;
  bytes: Buffer;
}

/** A file's bytes for the raw download. */
export interface RawSource {
  name: string;
  content: Buffer;
}

export interface SourcesDeps {
  store: Store;
  runGit: RunGit;
  /** GITHUB_URL: where projects registered without a clone URL live. */
  githubUrl: string;
}

/** Files of the mirrors at a commit (never the network), and the pinned commits that keep them there. */
export interface SourcesService {
  /** The full SHA of a commit (full or abbreviated, at least 7 hex digits) of a member's mirror. */
  resolveCommit(fullName: string, sha: string): Promise<string>;
  /** A file at a commit with its commit, lines and blame, or what to offer instead of the lines. */
  file(fullName: string, sha: string, filePath: string): Promise<SourceFile>;
  /** A file's bytes at a commit. */
  raw(fullName: string, sha: string, filePath: string): Promise<RawSource>;
  /** An image file at a commit, refused unless its bytes are an image of a type drafts show (`imageFacts`). */
  image(fullName: string, sha: string, filePath: string): Promise<SourceImage>;
  /** Writes the pinned ref of every revision's commit (once at start). */
  pinAllRevisionCommits(): Promise<PinBackfill>;
}

/** The sources service over one store and git runner. */
export function createSourcesService(deps: SourcesDeps): SourcesService {
  const { store, runGit, githubUrl } = deps;

  const mirrorOf = (fullName: string): { row: RepositoryRow; gitDir: string } => {
    const row = store.repositories.findMember(fullName);
    if (!row)
      throw new DomainError(
        'not-found',
        'source_repository_unknown',
        `${fullName} is not a member project of this portal: check the owner and repository name`,
        { repository: fullName },
      );
    // Never say where the mirror is: only whether there is one.
    if (!row.mirror_path || !existsSync(path.join(row.mirror_path, 'HEAD')))
      throw new DomainError(
        'not-found',
        'source_not_mirrored',
        `${row.full_name} has no mirror yet: wait for its first sync, or run magnolia sync ${row.full_name}`,
        { repository: row.full_name },
      );
    return { row, gitDir: row.mirror_path };
  };

  const commitOf = async (gitDir: string, fullName: string, sha: string): Promise<CommitInfo> => {
    const commit = /^[0-9a-f]{7,64}$/.test(sha) ? await readCommitInfo(runGit, gitDir, sha) : undefined;
    if (!commit)
      throw new DomainError(
        'not-found',
        'source_commit_unknown',
        `${fullName} has no commit ${sha} in its mirror: give a full commit SHA, or at least its first 7 hex digits`,
        { repository: fullName, commit: sha },
      );
    return commit;
  };

  // Type and size of the entry at `<sha>:<path>`: a file, a folder, or nothing.
  const entryOf = async (gitDir: string, fullName: string, sha: string, filePath: string) => {
    const [entry] = await readObjects(runGit, gitDir, [`${sha}:${filePath}`], { content: false, timeoutMs: 30_000 });
    if (entry?.type === 'tree')
      throw new DomainError(
        'not-found',
        'source_path_tree',
        `${filePath} is a folder at ${sha.slice(0, 12)}, not a file: give the path of a file in it`,
        { repository: fullName, commit: sha, path: filePath },
      );
    if (entry?.type !== 'blob')
      throw new DomainError(
        'not-found',
        'source_path_missing',
        `${filePath} is not a file of ${fullName} at ${sha.slice(0, 12)}: check the path, or the commit`,
        { repository: fullName, commit: sha, path: filePath },
      );
    return entry;
  };

  // The member's mirror, the commit and the file's entry at `<sha>:<path>`, each refused with what to give instead.
  const locate = async (fullName: string, sha: string, filePath: string) => {
    checkSourcePath(filePath);
    const { row, gitDir } = mirrorOf(fullName);
    const commit = await commitOf(gitDir, row.full_name, sha);
    const entry = await entryOf(gitDir, row.full_name, commit.sha, filePath);
    return { row, gitDir, commit, entry };
  };

  return {
    async resolveCommit(fullName, sha) {
      const { row, gitDir } = mirrorOf(fullName);
      return (await commitOf(gitDir, row.full_name, sha)).sha;
    },

    async file(fullName, sha, filePath) {
      const { row, gitDir, commit, entry } = await locate(fullName, sha, filePath);
      const upstream = upstreamWebBase(githubUrl, row);
      const base = { repository: row.full_name, commit, path: filePath, size: entry.size, upstream };
      if (entry.size > SOURCE_VIEW_MAX_BYTES) return { ...base, kind: 'too-large', lines: [], blame: null };
      // The blob and its blame are read at once, in two git processes.
      const [[blob], blame] = await Promise.all([
        readObjects(runGit, gitDir, [entry.id], { timeoutMs: 30_000 }),
        readBlame(runGit, gitDir, commit.sha, filePath).catch(() => null),
      ]);
      const content = blob?.content ?? Buffer.alloc(0);
      if (content.subarray(0, BINARY_PROBE_BYTES).includes(0))
        return { ...base, kind: 'binary', lines: [], blame: null };
      const lines = content.length === 0 ? [] : content.toString('utf8').split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      return { ...base, kind: 'text', lines: lines.map((l) => l.replace(/\r$/, '')), blame };
    },

    async raw(fullName, sha, filePath) {
      const { gitDir, entry } = await locate(fullName, sha, filePath);
      if (entry.size > SOURCE_RAW_MAX_BYTES)
        throw new DomainError(
          'too-large',
          'source_raw_too_large',
          `${filePath} is larger than ${SOURCE_RAW_MAX_BYTES / 1024 / 1024} MB: clone the repository to get it`,
          { path: filePath },
        );
      const [blob] = await readObjects(runGit, gitDir, [entry.id], { timeoutMs: 120_000 });
      return { name: path.posix.basename(filePath), content: blob?.content ?? Buffer.alloc(0) };
    },

    async image(fullName, sha, filePath) {
      const { row, gitDir, entry } = await locate(fullName, sha, filePath);
      if (entry.size > SOURCE_IMAGE_MAX_BYTES)
        throw new DomainError(
          'too-large',
          'source_image_too_large',
          `${filePath} is larger than ${SOURCE_IMAGE_MAX_BYTES / 1024 / 1024} MB, too large to show in a draft: make it smaller in the repository`,
          { repository: row.full_name, path: filePath },
        );
      const [blob] = await readObjects(runGit, gitDir, [entry.id], { timeoutMs: 60_000 });
      const bytes = blob?.content ?? Buffer.alloc(0);
      const facts = imageFacts(bytes);
      if (!facts)
        throw new DomainError(
          'invalid',
          'source_not_image',
          `${filePath} is not a PNG, JPEG, GIF, WebP or SVG image (read from its bytes): drafts show only these`,
          { repository: row.full_name, path: filePath },
        );
      return { blob: entry.id, facts, bytes };
    },

    pinAllRevisionCommits: () => pinAllRevisionCommits(store, runGit),
  };
}
