import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { buildRequirements } from '../../../content/draft/build-requirements.ts';
import { classifyBlock } from '../../../content/draft/classify-block.ts';
import type { RequirementForm } from '../../../content/draft/draft-types.ts';
import { isChineseText, mapKeywords, type DeclaredKeywords } from '../../../content/draft/map-keywords.ts';
import { parseMarkdown } from '../../../content/draft/parse-markdown.ts';
import { declaresKeywords } from '../../../content/draft/read-keyword-declarations.ts';

/** One requirement sentence found in a piece of a spec file, worded as a draft would word it. */
export interface DetectedRequirement {
  /** The file line its block starts on. */
  line: number;
  keyword: string;
  form: RequirementForm;
  text: string;
}

/** Where the piece sits and how its keywords are read. */
export interface DetectOptions {
  /** The file line of the piece's first line. */
  firstLine: number;
  /** Chinese words the spec set declared as keywords. */
  declared: DeclaredKeywords;
  /** The clause title a block on this file line is under (a sentence that is a keyword alone is named after it). */
  titleAt: (line: number) => string;
}

// The same test as the outline's: a paragraph on the RFC 2119 conventions quotes every keyword and states none.
const CONVENTIONS = /\b(?:RFC\s*2119|BCP\s*14|RFC\s*8174)\b/i;
const KEY_WORDS = /key\s*words|keywords|关键词|关键字/i;
// Blocks whose keywords the draft reports instead of registering (notes, examples, footnotes), and blocks that
// hold no running text; headings state no requirement either.
const NO_REQUIREMENTS = new Set(['note', 'example', 'footnote', 'code']);

/** The blocks the draft records one by one: a list gives one per item. */
function blocksOf(nodes: readonly RootContent[]): RootContent[] {
  return nodes.flatMap((node) => (node.type === 'list' ? node.children : [node]));
}

/**
 * The requirement sentences of a piece of Markdown (whole blocks), read with the draft's own keyword mapping and
 * sentence cutting (`mapKeywords`, `buildRequirements`), so that a sentence reads exactly as the draft has it.
 * Labels ("REQUIRED parameters:") lending their strength to the list after them are not followed.
 *
 * Before: `Peers SHOULD retry. They MAY log.` at line 10
 * After:  [{ line 10, SHOULD, should, "Peers should retry." }, { line 10, MAY, may, "They may log." }]
 */
export function detectRequirements(markdown: string, options: DetectOptions): DetectedRequirement[] {
  if (markdown.trim() === '') return [];
  const found: DetectedRequirement[] = [];
  for (const node of blocksOf(parseMarkdown(markdown).children)) {
    if (node.type === 'heading' || node.type === 'html' || node.type === 'definition' || node.type === 'yaml') continue;
    const kind = node.type === 'listItem' ? 'list-item' : classifyBlock(node);
    if (NO_REQUIREMENTS.has(kind)) continue;
    const plain = toString(node);
    if (kind === 'paragraph' && ((CONVENTIONS.test(plain) && KEY_WORDS.test(plain)) || declaresKeywords(plain)))
      continue;
    const line = options.firstLine + (node.position?.start.line ?? 1) - 1;
    const scan = mapKeywords(node, isChineseText(plain), options.declared);
    const title = options.titleAt(line);
    for (const r of buildRequirements([node], scan.hits, { table: kind === 'table', title })) {
      found.push({ line, keyword: r.keyword, form: r.form, text: r.text });
    }
  }
  return found;
}
