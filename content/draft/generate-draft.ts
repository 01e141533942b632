import { DomainError } from '../../kernel/errors/domain-error.ts';
import { parseCalendarDate } from '../../kernel/time/parse-date.ts';
import { buildOutline, type SpecOutline } from './build-outline.ts';
import { checkFileSize, checkNestingInText, checkSetSize, checkTree } from './draft-limits.ts';
import type { DraftInput, DraftResult, SourceRole } from './draft-types.ts';
import { escapeRawHtml } from './escape-raw-html.ts';
import { parseMarkdown, type ParseOptions } from './parse-markdown.ts';
import { planDraft } from './plan-draft.ts';
import { renderDraft } from './render-draft.ts';
import { resolveReferences } from './resolve-references.ts';
import { stringifyMarkdown } from './stringify-markdown.ts';

/** The file whose single top heading is the document's title: the first one holding clauses. */
export function titleFileIndex(files: readonly { role: SourceRole }[]): number {
  return files.findIndex((f) => f.role === 'clauses');
}

/**
 * Parses one spec file and splits it into sections (the costly part, which needs no blame). Exposed so the
 * git adapter can do it while `git blame` runs; an outline is consumed by one `generateDraft` call. Refuses a
 * file past the limits of `draft-limits.ts` with a DomainError naming `path`.
 */
export function prepareSpec(
  text: string,
  index: number,
  takeTitle: boolean,
  path = `spec file ${index + 1}`,
  options: ParseOptions = {},
): SpecOutline {
  checkFileSize(path, text);
  checkNestingInText(path, text);
  const tree = parseMarkdown(text, options);
  // Before any recursive walk of the tree.
  checkTree(path, tree);
  // Each transform walks the whole tree; skip the walk when the text cannot contain what it looks for.
  if (text.includes(']:')) resolveReferences(tree);
  if (text.includes('<')) escapeRawHtml(tree);
  return buildOutline(tree, text, index, takeTitle);
}

/**
 * Generates a standard draft (Markdown), its provenance manifest and the lint report from spec files read at
 * a pinned commit with their blame. Pure and synchronous: no I/O, no clock, so it runs the same in a worker.
 * `outlines`, when given, are `prepareSpec` of exactly `input.files`.
 */
export function generateDraft(input: DraftInput, outlines?: SpecOutline[]): DraftResult {
  const date = parseCalendarDate(input.date);
  if (!date.ok)
    throw new DomainError('invalid', 'bad_date', `the draft date ${date.problem}: give a date such as 2025-01-31`);
  checkSetSize(input.files);
  const titleFile = titleFileIndex(input.files);
  const prepared = outlines ?? input.files.map((file, i) => prepareSpec(file.text, i, i === titleFile, file.path));
  const plan = planDraft(
    input.files,
    prepared,
    input.files.map((f) => f.text),
  );
  const { tree, manifest } = renderDraft(input, plan, prepared);
  return { markdown: stringifyMarkdown(tree), manifest, lint: manifest.lint };
}
