import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { buildRequirements } from '../../../content/draft/build-requirements.ts';
import { classifyBlock } from '../../../content/draft/classify-block.ts';
import type { RequirementForm } from '../../../content/draft/draft-types.ts';
import { isChineseText, mapKeywords, type DeclaredKeywords } from '../../../content/draft/map-keywords.ts';
import { parseMarkdown } from '../../../content/draft/parse-markdown.ts';
import { declaresKeywords } from '../../../content/draft/read-keyword-declarations.ts';
import { requirementLabelOf, type RequirementLabel } from '../../../content/draft/requirement-label.ts';

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
  /** The labels of the whole file (`readLabels`): a piece may hold a list whose label stands above it. */
  labels?: FileLabels;
}

/** The requirement labels of one file ("REQUIRED parameters:") by file line. */
export interface FileLabels {
  /** The label whose list or table holds this line, if any. */
  labelAt(line: number): RequirementLabel | undefined;
  /** The line starts a label paragraph: its keywords belong to the items after it. */
  isLabel(line: number): boolean;
  /** For the first line of a label paragraph, the last line of the list or table it labels. */
  labelledEnd(line: number): number | undefined;
}

const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+\S/;
const FENCE = /^\s{0,3}(?:```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
const ENDS_IN_COLON = /[:：]\s*$/;
const blank = (line: string | undefined): boolean => line === undefined || line.trim() === '';

/**
 * Reads the labels of a whole file as the draft does (`requirementLabelOf`): a paragraph stating a keyword and
 * ending in a colon right before a list or a table lends its strength to the items or rows that state none. Lines
 * are scanned (a full parse of every changed file costs more than the drift); only the candidate paragraphs are
 * parsed, for their keywords.
 *
 * Before: line 3 "REQUIRED parameters:", lines 5–7 a list → After: labelAt(6) = { REQUIRED, shall }, isLabel(3)
 */
export function readLabels(markdown: string, declared: DeclaredKeywords): FileLabels {
  const spans: { start: number; end: number; label: RequirementLabel }[] = [];
  const heads = new Map<number, number>();
  const lines = markdown.split('\n');
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) fenced = !fenced;
    if (fenced || !ENDS_IN_COLON.test(line) || HEADING.test(line) || LIST_ITEM.test(line)) continue;
    let next = i + 1;
    while (next < lines.length && blank(lines[next])) next++;
    const first = lines[next];
    if (first === undefined) continue;
    const table = !LIST_ITEM.test(first) && first.includes('|');
    if (!table && !LIST_ITEM.test(first)) continue;
    let start = i;
    while (
      start > 0 &&
      !blank(lines[start - 1]) &&
      !HEADING.test(lines[start - 1]!) &&
      !LIST_ITEM.test(lines[start - 1]!)
    )
      start--;
    const node = parseMarkdown(lines.slice(start, i + 1).join('\n')).children[0];
    if (node?.type !== 'paragraph') continue;
    const plain = toString(node);
    const label = requirementLabelOf(
      plain,
      mapKeywords(node, isChineseText(plain), declared).hits,
      table ? 'table' : 'list',
    );
    if (!label) continue;
    // The list runs over its items, their indented lines and the blank lines between them; a table over its rows.
    let end = next;
    for (;;) {
      let after = end + 1;
      if (table) {
        if (after < lines.length && !blank(lines[after]) && lines[after]!.includes('|')) end = after;
        else break;
        continue;
      }
      while (after < lines.length && blank(lines[after])) after++;
      const candidate = lines[after];
      if (candidate === undefined) break;
      if (!LIST_ITEM.test(candidate) && !/^\s{2,}\S/.test(candidate)) break;
      end = after;
    }
    heads.set(start + 1, end + 1);
    spans.push({ start: next + 1, end: end + 1, label });
    i = end;
  }
  return {
    labelAt: (line) => spans.find((s) => s.start <= line && line <= s.end)?.label,
    isLabel: (line) => heads.has(line),
    labelledEnd: (line) => heads.get(line),
  };
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
 * With the file's `labels`, a label paragraph ("REQUIRED parameters:") states nothing itself and each item of the
 * list (or row of the table) after it without keywords of its own is one requirement of the label's strength.
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
    if (kind === 'paragraph' && options.labels?.isLabel(line)) continue;
    const scan = mapKeywords(node, isChineseText(plain), options.declared);
    const title = options.titleAt(line);
    const label = kind === 'list-item' || kind === 'table' ? options.labels?.labelAt(line) : undefined;
    for (const r of buildRequirements([node], scan.hits, { table: kind === 'table', title, label })) {
      found.push({ line, keyword: r.keyword, form: r.form, text: r.text });
    }
  }
  return found;
}
