// The bounds of what the draft generator reads, in one place (documented in the README's draft section). Past
// each one the generator refuses with a DomainError naming the file (and line) and what to do, instead of
// running for minutes, exhausting memory or overflowing the stack.
import type { Heading, Root } from 'mdast';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { findDeepNesting } from './find-deep-nesting.ts';
import { findDeepNode } from './find-deep-node.ts';

/** Largest spec file read, in bytes of UTF-8 (generation needs about 100 MB of memory per MiB of spec). */
export const MAX_SPEC_FILE_BYTES = 8 * 1024 * 1024;

/** Largest spec set (every file of one draft together), in bytes of UTF-8. */
export const MAX_SPEC_SET_BYTES = 16 * 1024 * 1024;

/** Deepest nesting of block quotes, list items, footnotes, emphasis and links inside each other. */
export const MAX_NESTING_DEPTH = 32;

/** Most headings (clauses) in one spec file. */
export const MAX_HEADINGS_PER_FILE = 20_000;

/** Size of the pieces a large spec file is parsed in (a tuning constant, not a limit; see `parseInChunks`). */
export const PARSE_CHUNK_CHARS = 16 * 1024;

const MIB = 1024 * 1024;
const mib = (bytes: number): string => `${(bytes / MIB).toFixed(1)} MiB`;

/** Refuses a spec file larger than MAX_SPEC_FILE_BYTES. */
export function checkFileSize(path: string, text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_SPEC_FILE_BYTES)
    throw new DomainError(
      'too-large',
      'spec_file_too_large',
      `${path} is ${mib(bytes)}; a spec file may be at most ${mib(MAX_SPEC_FILE_BYTES)}: split it into several files and list them in draft order (or in a sources.yml)`,
      { path, bytes, limit: MAX_SPEC_FILE_BYTES },
    );
}

/** Refuses a spec set larger than MAX_SPEC_SET_BYTES altogether. */
export function checkSetSize(files: readonly { text: string }[]): void {
  const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text, 'utf8'), 0);
  if (bytes > MAX_SPEC_SET_BYTES)
    throw new DomainError(
      'too-large',
      'spec_set_too_large',
      `the ${files.length} spec files come to ${mib(bytes)}; one draft reads at most ${mib(MAX_SPEC_SET_BYTES)}: leave out files that are not part of the standard, or draft it in parts`,
      { files: files.length, bytes, limit: MAX_SPEC_SET_BYTES },
    );
}

function tooDeep(path: string, found: { line: number; depth: number }): DomainError {
  return new DomainError(
    'invalid',
    'spec_too_deep',
    `${path}:${found.line}: block quotes, lists, emphasis or links are nested ${found.depth} levels deep here; at most ${MAX_NESTING_DEPTH} are read: flatten the nesting`,
    { path, line: found.line, depth: found.depth, limit: MAX_NESTING_DEPTH },
  );
}

/** Refuses, before parsing, a text whose quotes, lists, brackets or emphasis visibly nest deeper than MAX_NESTING_DEPTH. */
export function checkNestingInText(path: string, text: string): void {
  const found = findDeepNesting(text, MAX_NESTING_DEPTH);
  if (found) throw tooDeep(path, found);
}

/** Refuses a parsed file nesting deeper than MAX_NESTING_DEPTH, or with more than MAX_HEADINGS_PER_FILE headings. */
export function checkTree(path: string, tree: Root): void {
  const found = findDeepNode(tree, MAX_NESTING_DEPTH);
  if (found) throw tooDeep(path, found);
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const over = headings[MAX_HEADINGS_PER_FILE];
  if (over)
    throw new DomainError(
      'too-large',
      'spec_too_many_headings',
      `${path} has ${headings.length} headings (line ${over.position?.start.line ?? 1} is heading ${MAX_HEADINGS_PER_FILE + 1}); a spec file may have at most ${MAX_HEADINGS_PER_FILE}: split it into several files`,
      { path, headings: headings.length, limit: MAX_HEADINGS_PER_FILE },
    );
}
