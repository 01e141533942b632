import { DomainError } from '../../kernel/errors/domain-error.ts';
import { parseCalendarDate } from '../../kernel/time/parse-date.ts';
import { buildOutline, type SpecOutline } from './build-outline.ts';
import { checkFileSize, checkNestingInText, checkSetSize, checkTree } from './draft-limits.ts';
import type { DraftInput, DraftResult, SourceRole } from './draft-types.ts';
import { dropTableOfContents } from './drop-table-of-contents.ts';
import { escapeRawHtml } from './escape-raw-html.ts';
import { findStageLabels } from './find-stage-labels.ts';
import { interpretHtml } from './interpret-html.ts';
import type { DeclaredKeywords } from './map-keywords.ts';
import { parseMarkdown, type ParseOptions } from './parse-markdown.ts';
import { planDraft } from './plan-draft.ts';
import { readKeywordDeclarations } from './read-keyword-declarations.ts';
import { renderDraft } from './render-draft.ts';
import { resolveReferences } from './resolve-references.ts';
import { msg } from '../../kernel/i18n/message.ts';
import type { SpecNotice } from './spec-notice.ts';
import { stringifyMarkdown } from './stringify-markdown.ts';
import { trimEdgeSpaces } from './trim-edge-spaces.ts';

/** How a spec file is prepared: the parse options, and the keyword words the spec set declared. */
export interface PrepareOptions extends ParseOptions {
  declared?: DeclaredKeywords | undefined;
}

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
  options: PrepareOptions = {},
): SpecOutline {
  checkFileSize(path, text);
  checkNestingInText(path, text);
  const tree = parseMarkdown(text, options);
  // Before any recursive walk of the tree.
  checkTree(path, tree);
  // Each transform walks the whole tree; skip the walk when the text cannot contain what it looks for.
  if (text.includes(']:')) resolveReferences(tree);
  const notices: SpecNotice[] = dropTableOfContents(tree);
  let frontMatter: Record<string, unknown> | undefined;
  if (text.includes('<')) {
    const html = interpretHtml(tree);
    frontMatter = html.frontMatter;
    for (const notice of html.notices) notices.push(notice);
    escapeRawHtml(tree);
  }
  if (text.includes('&') || text.includes('<')) trimEdgeSpaces(tree);
  for (const { label, line } of findStageLabels(text))
    notices.push({ rule: 'stage-label', message: msg('draft.lint.stage-label', { label }), line });
  const outline = buildOutline(tree, text, index, takeTitle, { declared: options.declared, frontMatter, notices });
  const selfReferences = countSelfReferences(outline);
  if (selfReferences > 0)
    notices.push({
      rule: 'self-reference',
      message: msg('draft.lint.self-reference', { count: selfReferences }),
      line: 1,
    });
  return outline;
}

/** How many "本规范" / "本标准" the keyword mapping of a file turned into "本文件". */
function countSelfReferences(outline: SpecOutline): number {
  let count = 0;
  const blocks = (list: SpecOutline['preamble']): void => {
    for (const block of list) for (const entry of block.entries) count += entry.scan.selfReferences;
  };
  const walk = (sections: SpecOutline['sections']): void => {
    for (const section of sections) {
      count += section.entry.scan.selfReferences;
      blocks(section.blocks);
      walk(section.children);
    }
  };
  blocks(outline.preamble);
  walk(outline.sections);
  return count;
}

/**
 * Generates a standard draft (Markdown), its provenance manifest and the lint report from spec files read at
 * a pinned commit with their blame. Pure and synchronous: no I/O, no clock, so it runs the same in a worker.
 * `outlines`, when given, are `prepareSpec` of exactly `input.files`, with the keywords the set declares
 * (`readKeywordDeclarations` of the texts).
 */
export function generateDraft(input: DraftInput, outlines?: SpecOutline[]): DraftResult {
  const date = parseCalendarDate(input.date);
  if (!date.ok)
    throw new DomainError('invalid', 'bad_date', `the draft date ${date.problem}: give a date such as 2025-01-31`);
  checkSetSize(input.files);
  const texts = input.files.map((f) => f.text);
  const declaration = readKeywordDeclarations(texts);
  const titleFile = titleFileIndex(input.files);
  const prepared =
    outlines ??
    input.files.map((file, i) =>
      prepareSpec(file.text, i, i === titleFile, file.path, { declared: declaration?.words }),
    );
  const plan = planDraft(input.files, prepared, texts);
  const rendered = renderDraft(input, plan, prepared, declaration);
  return {
    markdown: rendered.finish(stringifyMarkdown(rendered.tree)),
    manifest: rendered.manifest,
    lint: rendered.manifest.lint,
  };
}
