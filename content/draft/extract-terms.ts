import type { List, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { msg } from '../../kernel/i18n/message.ts';
import type { SpecBlock, SpecEntry, SpecSection } from './build-outline.ts';
import type { KeywordScan } from './map-keywords.ts';
import type { PlanNotice } from './plan-notice.ts';
import { splitTermParagraph } from './split-term-paragraph.ts';
import { termsFromTable } from './terms-from-table.ts';

/** One term of clause 3 with its definition and the source it came from. */
export interface TermEntry {
  term: string;
  definition: RootContent[];
  file: number;
  startLine: number;
  endLine: number;
  sourceText: string;
  scan: KeywordScan;
  headingPath: readonly string[];
}

/** What a terminology section holds: term entries, other blocks kept as they are, and what was reported. */
export interface TermsPart {
  entries: TermEntry[];
  other: SpecBlock[];
  notices: PlanNotice[];
}

// "This specification defines the following terms:": the standard's own lead-in replaces it.
const LEAD_IN =
  /following terms|defines (?:the )?terms|terms (?:are|is) defined|terms used in this|下列术语|以下术语|术语和定义适用于|本文件使用的术语/i;

const merge = (scans: KeywordScan[]): KeywordScan => ({
  hits: scans.flatMap((s) => s.hits),
  ambiguous: scans.flatMap((s) => s.ambiguous),
  changes: scans.flatMap((s) => s.changes),
  selfReferences: scans.reduce((n, s) => n + s.selfReferences, 0),
});

function fromEntry(entry: SpecEntry, term: string, definition: RootContent[]): TermEntry {
  return {
    term,
    definition,
    file: entry.file,
    startLine: entry.startLine,
    endLine: entry.endLine,
    sourceText: entry.sourceText,
    scan: entry.scan,
    headingPath: entry.headingPath,
  };
}

/** All blocks of a section and its subsections, depth first. */
function allBlocks(section: SpecSection): SpecBlock[] {
  return [...section.blocks, ...section.children.flatMap(allBlocks)];
}

const isLeadIn = (block: SpecBlock): boolean =>
  block.node.type === 'paragraph' && LEAD_IN.test(toString(block.node)) && toString(block.node).length < 200;

/** Term entries in one block (a definition paragraph, a list of them, a term table); none for prose. */
function termsOfBlock(block: SpecBlock, text: string, part: TermsPart): boolean {
  if (block.node.type === 'list') {
    const list: List = block.node;
    let found = false;
    list.children.forEach((item, i) => {
      const entry = block.entries[i]!;
      const [head, ...more] = item.children;
      const split = head?.type === 'paragraph' ? splitTermParagraph(head) : null;
      if (split && (split.rest || more.length > 0)) {
        part.entries.push(fromEntry(entry, split.term, [...(split.rest ? [split.rest] : []), ...more]));
        found = true;
      } else part.other.push({ kind: 'list-item', node: { ...list, children: [item] }, entries: [entry] });
    });
    return found;
  }
  const entry = block.entries[0]!;
  if (block.node.type === 'table') {
    const rows = termsFromTable(block.node, entry, text);
    if (!rows) return false;
    for (const row of rows) part.entries.push(row);
    return true;
  }
  const split = block.node.type === 'paragraph' && !entry.conventions ? splitTermParagraph(block.node) : null;
  // A bold line alone ("**Common terms**") labels a group; it defines nothing.
  if (!split?.rest) return false;
  part.entries.push(fromEntry(entry, split.term, [split.rest]));
  return true;
}

/** True when a block is a term entry, without taking it apart. */
function holdsTerms(block: SpecBlock, text: string): boolean {
  return termsOfBlock(structuredClone(block), text, { entries: [], other: [], notices: [] });
}

/**
 * Reads the term entries of a terminology section or glossary: `**term**: definition` / `term: definition`
 * paragraphs and list items, term tables (Term | Definition), and sub-headings that are terms. A sub-heading whose
 * content is itself term entries or further headings ("Common", "User roles") groups terms and is not one; its
 * entries join the flat list 3.1, 3.2, … and the group is reported.
 *
 * Before: `## Terminology\n- **Frame**: a unit of transfer.\n### Stream\nA sequence of frames.`
 * After:  entries [Frame → "a unit of transfer.", Stream → "A sequence of frames."]
 */
export function extractTerms(blocks: SpecBlock[], subsections: SpecSection[], text: string): TermsPart {
  const part: TermsPart = { entries: [], other: [], notices: [] };
  collect(blocks, subsections, text, part);
  return part;
}

function collect(blocks: SpecBlock[], subsections: SpecSection[], text: string, part: TermsPart): void {
  for (const block of blocks) {
    if (isLeadIn(block)) {
      const entry = block.entries[0]!;
      part.notices.push({
        rule: 'terms-lead-in',
        message: msg('draft.lint.terms-lead-in', { text: toString(block.node).slice(0, 80) }),
        file: entry.file,
        line: entry.startLine,
      });
      continue;
    }
    if (!termsOfBlock(block, text, part) && block.node.type !== 'list') part.other.push(block);
  }
  for (const section of subsections) {
    const group =
      section.blocks.some((b) => holdsTerms(b, text)) ||
      (section.children.length > 0 && section.blocks.every((b) => isLeadIn(b) || b.node.type === 'list'));
    if (group) {
      const before = part.entries.length;
      collect(section.blocks, section.children, text, part);
      part.notices.push({
        rule: 'term-group',
        message: msg('draft.lint.term-group', { title: section.title, count: part.entries.length - before }),
        file: section.file,
        line: section.entry.startLine,
      });
      continue;
    }
    const blocksOf = allBlocks(section);
    const last = blocksOf[blocksOf.length - 1]?.entries.at(-1) ?? section.entry;
    const start = section.heading.position?.start.offset ?? 0;
    const lastNode = blocksOf[blocksOf.length - 1]?.node ?? section.heading;
    const end = lastNode.position?.end.offset ?? start;
    part.entries.push({
      term: section.title,
      definition: blocksOf.map((b) => b.node),
      file: section.file,
      startLine: section.entry.startLine,
      endLine: Math.max(last.endLine, section.entry.endLine),
      sourceText: text.slice(start, end),
      scan: merge(blocksOf.flatMap((b) => b.entries.map((e) => e.scan))),
      headingPath: section.entry.headingPath,
    });
  }
}
