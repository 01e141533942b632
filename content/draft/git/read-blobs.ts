import { DomainError } from '../../../kernel/errors/domain-error.ts';
import { readObjects } from '../../../kernel/git/read-objects.ts';
import type { RunGit } from '../../../kernel/git/run-git.ts';

/** A file read at a commit. */
export interface BlobFile {
  path: string;
  blob: string;
  text: string;
}

const MARKDOWN = /\.(md|markdown|mdown|mkd|mkdn)$/i;

/** Normalises a user-given repository path: no leading `./` or `/`, forward slashes. */
export function normaliseSpecPath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
}

/** Refuses paths git's batch input cannot carry and, when asked, anything but Markdown files. */
export function checkSpecPaths(paths: readonly string[], requireMarkdown = true): void {
  for (const path of paths) {
    if (/[\n\r]/.test(path))
      throw new DomainError(
        'invalid',
        'bad_path',
        `path ${JSON.stringify(path)} contains a line break: rename the file`,
      );
    if (requireMarkdown && !MARKDOWN.test(path)) {
      throw new DomainError(
        'invalid',
        'not_markdown',
        `${path} is not Markdown: give .md files (or list other files' roles in a sources.yml)`,
      );
    }
  }
}

/** Files read at a commit: the required ones, and the first optional candidate that exists. */
export interface ReadBlobsResult {
  files: BlobFile[];
  optional: BlobFile | undefined;
}

/**
 * Reads files at a commit from the object database (never a working tree) with one `git cat-file --batch`
 * run for the whole set (`readObjects`). `requireMarkdown` refuses anything but Markdown; a missing path is a
 * `path_not_found`. `optionalCandidates` (e.g. LICENSE, COPYING) ride along; the first that exists is returned.
 */
export async function readBlobs(
  runGit: RunGit,
  gitDir: string,
  commit: string,
  paths: readonly string[],
  options: { requireMarkdown?: boolean; optionalCandidates?: readonly string[] } = {},
): Promise<ReadBlobsResult> {
  const { requireMarkdown = true, optionalCandidates = [] } = options;
  checkSpecPaths(paths, requireMarkdown);
  const names = [...paths, ...optionalCandidates];
  const found = await readObjects(
    runGit,
    gitDir,
    names.map((p) => `${commit}:${p}`),
  );
  const files = paths.map((path, i): BlobFile => {
    const object = found[i];
    if (!object) {
      throw new DomainError(
        'not-found',
        'path_not_found',
        `${path} does not exist at commit ${commit.slice(0, 12)}: check the path (git ls-tree -r --name-only ${commit.slice(0, 12)})`,
      );
    }
    if (object.type !== 'blob')
      throw new DomainError(
        'invalid',
        'not_a_file',
        `${path} is a ${object.type} at commit ${commit.slice(0, 12)}, not a file: list the Markdown files inside it`,
      );
    const content = object.content ?? Buffer.alloc(0);
    if (requireMarkdown && content.includes(0))
      throw new DomainError('invalid', 'not_markdown', `${path} is binary, not Markdown`);
    return { path, blob: object.id, text: content.toString('utf8') };
  });
  const optionalIndex = optionalCandidates.findIndex((_, i) => found[paths.length + i]?.type === 'blob');
  const optional = found[paths.length + optionalIndex];
  return {
    files,
    optional:
      optionalIndex !== -1 && optional
        ? {
            path: optionalCandidates[optionalIndex]!,
            blob: optional.id,
            text: optional.content?.toString('utf8') ?? '',
          }
        : undefined,
  };
}
