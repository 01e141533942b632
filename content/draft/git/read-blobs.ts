import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { RunGit } from '../../../sync/git/run-git.ts';

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
 * run for the whole set. `requireMarkdown` refuses anything but Markdown; a missing path is a
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
  const { stdout: out } = await runGit(['cat-file', '--batch'], {
    cwd: gitDir,
    input: names.map((p) => `${commit}:${p}\n`).join(''),
  });
  const found: ({ sha: string; type: string; content: Buffer } | undefined)[] = [];
  let pos = 0;
  for (let i = 0; i < names.length; i++) {
    const eol = out.indexOf(0x0a, pos);
    const header = out.subarray(pos, eol === -1 ? out.length : eol).toString('utf8');
    pos = eol + 1;
    // `<sha> <type> <size>` then the content and a newline; anything else (`<name> missing`) has no body.
    const match = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(header);
    if (!match) {
      found.push(undefined);
      continue;
    }
    const size = Number(match[3]);
    found.push({ sha: match[1]!, type: match[2]!, content: out.subarray(pos, pos + size) });
    pos += size + 1;
  }
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
    if (requireMarkdown && object.content.includes(0))
      throw new DomainError('invalid', 'not_markdown', `${path} is binary, not Markdown`);
    return { path, blob: object.sha, text: object.content.toString('utf8') };
  });
  const optionalIndex = optionalCandidates.findIndex((_, i) => found[paths.length + i]?.type === 'blob');
  const optional = found[paths.length + optionalIndex];
  return {
    files,
    optional:
      optionalIndex !== -1 && optional
        ? { path: optionalCandidates[optionalIndex]!, blob: optional.sha, text: optional.content.toString('utf8') }
        : undefined,
  };
}
