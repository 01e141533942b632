import { buildOutline, type SpecOutline } from './build-outline.ts';
import type { DraftInput, DraftResult, SourceRole } from './draft-types.ts';
import { escapeRawHtml } from './escape-raw-html.ts';
import { parseMarkdown } from './parse-markdown.ts';
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
 * git adapter can do it while `git blame` runs; an outline is consumed by one `generateDraft` call.
 */
export function prepareSpec(text: string, index: number, takeTitle: boolean): SpecOutline {
  const tree = parseMarkdown(text);
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
  const titleFile = titleFileIndex(input.files);
  const prepared = outlines ?? input.files.map((file, i) => prepareSpec(file.text, i, i === titleFile));
  const plan = planDraft(
    input.files,
    prepared,
    input.files.map((f) => f.text),
  );
  const { tree, manifest } = renderDraft(input, plan, prepared);
  return { markdown: stringifyMarkdown(tree), manifest, lint: manifest.lint };
}
