import type { List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SpecBlock, SpecEntry, SpecSection } from './build-outline.ts';
import type { KeywordScan } from './map-keywords.ts';

/** One term of clause 3 with its definition and the source it came from. */
export interface TermEntry {
  term: string;
  definition: RootContent[];
  file: number;
  startLine: number;
  endLine: number;
  sourceText: string;
  scan: KeywordScan;
}

/** What a terminology section holds: term entries, and other blocks kept as they are. */
export interface TermsPart {
  entries: TermEntry[];
  other: SpecBlock[];
}

const SEPARATOR = /^\s*(?:[:：]|[-–—]\s)\s*/;

/** Splits `**term**: definition` or `term: definition`; null when the paragraph is not a term entry. */
function splitTerm(paragraph: Paragraph): { term: string; rest: Paragraph | null } | null {
  const [first, ...tail] = paragraph.children;
  if (!first) return null;
  if (first.type === 'strong' || first.type === 'emphasis' || first.type === 'inlineCode') {
    const term = toString(first)
      .replace(/[:：]\s*$/, '')
      .trim();
    const rest: PhrasingContent[] = [...tail];
    const head = rest[0];
    if (head?.type === 'text') {
      head.value = head.value.replace(SEPARATOR, '');
      if (head.value === '') rest.shift();
    }
    return term ? { term, rest: rest.length > 0 ? { type: 'paragraph', children: rest } : null } : null;
  }
  if (first.type === 'text') {
    const match = /^([^:：\n]{1,60}?)\s*[:：]\s+/.exec(first.value) ?? /^([^:：\n]{1,60}?)[：]\s*/.exec(first.value);
    if (!match || match[1]!.trim().split(/\s+/).length > 6) return null;
    const restText = first.value.slice(match[0].length);
    const rest: PhrasingContent[] = [...(restText ? [{ type: 'text' as const, value: restText }] : []), ...tail];
    return { term: match[1]!.trim(), rest: rest.length > 0 ? { type: 'paragraph', children: rest } : null };
  }
  return null;
}

const merge = (scans: KeywordScan[]): KeywordScan => ({
  hits: scans.flatMap((s) => s.hits),
  ambiguous: scans.flatMap((s) => s.ambiguous),
  changes: scans.flatMap((s) => s.changes),
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
  };
}

/** All blocks of a section and its subsections, depth first. */
function allBlocks(section: SpecSection): SpecBlock[] {
  return [...section.blocks, ...section.children.flatMap(allBlocks)];
}

/**
 * Reads term entries out of a terminology section: `**term**: definition` paragraphs and list items, and
 * subsections whose heading is the term.
 *
 * Before: `## Terminology\n- **Frame**: a unit of transfer.\n### Stream\nA sequence of frames.`
 * After:  entries [Frame → "a unit of transfer.", Stream → "A sequence of frames."]
 */
export function extractTerms(blocks: SpecBlock[], subsections: SpecSection[], text: string): TermsPart {
  const part: TermsPart = { entries: [], other: [] };
  for (const block of blocks) {
    if (block.node.type === 'list') {
      const list: List = block.node;
      list.children.forEach((item, i) => {
        const entry = block.entries[i]!;
        const [head, ...more] = item.children;
        const split = head?.type === 'paragraph' ? splitTerm(head) : null;
        if (split) part.entries.push(fromEntry(entry, split.term, [...(split.rest ? [split.rest] : []), ...more]));
        else part.other.push({ kind: 'list-item', node: { ...list, children: [item] }, entries: [entry] });
      });
      continue;
    }
    const entry = block.entries[0]!;
    const split = block.node.type === 'paragraph' && !entry.conventions ? splitTerm(block.node) : null;
    if (split) part.entries.push(fromEntry(entry, split.term, split.rest ? [split.rest] : []));
    else part.other.push(block);
  }
  for (const section of subsections) {
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
    });
  }
  return part;
}
