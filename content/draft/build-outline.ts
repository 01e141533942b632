import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { classifyBlock } from './classify-block.ts';
import { classifySection, type SectionRole } from './classify-section.ts';
import { cleanTitle } from './clean-title.ts';
import type { ClauseKind } from './draft-types.ts';
import { isChineseText, mapKeywords, noScan, type DeclaredKeywords, type KeywordScan } from './map-keywords.ts';
import { declaresKeywords } from './read-keyword-declarations.ts';
import { slugifyHeading } from './slugify-heading.ts';
import type { SpecNotice } from './spec-notice.ts';

/** One piece of the draft with its own provenance (a paragraph, a list item, a heading, ...). */
export interface SpecEntry {
  kind: ClauseKind;
  file: number;
  startLine: number;
  endLine: number;
  /** The Markdown source slice it was made from. */
  sourceText: string;
  /** The (transformed) node whose text appears in the draft. */
  node: Nodes;
  scan: KeywordScan;
  /** Titles of the spec headings it sits under, outermost first (shared by the entries of a section). */
  headingPath: readonly string[];
  /** For a paragraph stating the spec's own RFC 2119 conventions: replaced by the standard's wording. */
  conventions?: boolean;
}

/** One top-level block of a section, printed as a unit (a list prints once, but each item is an entry). */
export interface SpecBlock {
  kind: ClauseKind;
  node: RootContent;
  entries: SpecEntry[];
}

/** A heading of the spec with the content under it. */
export interface SpecSection {
  file: number;
  heading: Heading;
  entry: SpecEntry;
  /** Title without the spec's own numbering. */
  title: string;
  depth: number;
  /** GitHub anchor of the heading in its file. */
  slug: string;
  role: SectionRole;
  blocks: SpecBlock[];
  children: SpecSection[];
  /** A subclause the draft adds (a first "General" for text before subclauses): no heading in the spec. */
  generated?: boolean;
}

/** A parsed spec file as a tree of sections. */
export interface SpecOutline {
  file: number;
  frontMatter: Record<string, unknown>;
  /** The single top heading taken as the document's title, when `takeTitle` was asked. */
  title: string | undefined;
  /** Content before the first (non-title) heading. */
  preamble: SpecBlock[];
  sections: SpecSection[];
  /** Every section of the file by its GitHub anchor. */
  anchors: Map<string, SpecSection>;
  /** What reading the file dropped, repaired or found (reported in the lint report). */
  notices: SpecNotice[];
}

/** What an outline is built with besides the tree. */
export interface OutlineOptions {
  /** Chinese words the spec set declared as keywords. */
  declared?: DeclaredKeywords | undefined;
  /** Front matter found elsewhere (a site generator's, in an HTML comment), used when the file has none. */
  frontMatter?: Record<string, unknown> | undefined;
  notices?: SpecNotice[] | undefined;
}

const CONVENTIONS = /\b(?:RFC\s*2119|BCP\s*14|RFC\s*8174)\b/i;
const KEY_WORDS = /key\s*words|keywords|关键词|关键字/i;

/** How the entries of one file are made. */
interface EntryContext {
  file: number;
  text: string;
  declared: DeclaredKeywords | undefined;
}

/** Builds one provenance entry for a node, mapping its BCP 14 keywords. */
function makeEntry(kind: ClauseKind, node: Nodes, context: EntryContext, headingPath: readonly string[]): SpecEntry {
  const { file, text } = context;
  const start = node.position?.start;
  const end = node.position?.end;
  const sourceText =
    start?.offset !== undefined && end?.offset !== undefined ? text.slice(start.offset, end.offset) : '';
  const plain = toString(node);
  const conventions =
    kind === 'paragraph' && ((CONVENTIONS.test(plain) && KEY_WORDS.test(plain)) || declaresKeywords(plain));
  // The conventions paragraph quotes every keyword: it is replaced, so none of them is a requirement.
  const scan = conventions ? noScan() : mapKeywords(node, isChineseText(plain), context.declared);
  return {
    kind,
    file,
    startLine: start?.line ?? 1,
    endLine: end ? (end.column === 1 && end.line > (start?.line ?? 1) ? end.line - 1 : end.line) : 1,
    sourceText,
    node,
    scan,
    headingPath,
    ...(conventions ? { conventions: true } : {}),
  };
}

/** Turns one top-level node into a block with its entries. */
function makeBlock(node: RootContent, context: EntryContext, headingPath: readonly string[]): SpecBlock {
  if (node.type === 'list') {
    return {
      kind: 'list-item',
      node,
      entries: node.children.map((item) => makeEntry('list-item', item, context, headingPath)),
    };
  }
  const kind = classifyBlock(node);
  return { kind, node, entries: [makeEntry(kind, node, context, headingPath)] };
}

/** Footnote labels are per file; prefix them so files assembled into one draft cannot collide. */
function scopeFootnotes(tree: Root, file: number): void {
  visit(tree, (node) => {
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
      node.identifier = `${file + 1}-${node.identifier}`;
      node.label = `${file + 1}-${node.label ?? node.identifier}`;
    }
  });
}

/**
 * Splits a parsed spec file into front matter, preamble and a tree of sections by heading depth, with every
 * block's keywords mapped and its source lines recorded.
 *
 * Before: `# Spec\nIntro.\n## Wire\nText.\n### Frames\nMore.`
 * After:  title `Spec`, preamble [Intro.], sections [Wire [Text.] → [Frames [More.]]]
 */
export function buildOutline(
  tree: Root,
  text: string,
  file: number,
  takeTitle: boolean,
  options: OutlineOptions = {},
): SpecOutline {
  if (text.includes('[^')) scopeFootnotes(tree, file);
  const context: EntryContext = { file, text, declared: options.declared };
  let frontMatter: Record<string, unknown> = options.frontMatter ?? {};
  const body: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      try {
        const data: unknown = parseYaml(node.value);
        if (data && typeof data === 'object' && !Array.isArray(data)) frontMatter = data as Record<string, unknown>;
      } catch {
        // Broken front matter is the spec's business; the draft simply does not use it.
      }
    } else if ((node.type as string) !== 'toml' && node.type !== 'thematicBreak' && node.type !== 'definition') {
      body.push(node);
    }
  }

  const headings = body.filter((n): n is Heading => n.type === 'heading');
  const titleHeading =
    takeTitle && headings[0]?.depth === 1 && headings.filter((h) => h.depth === 1).length === 1
      ? headings[0]
      : undefined;

  const outline: SpecOutline = {
    file,
    frontMatter,
    title: titleHeading ? toString(titleHeading).trim() : undefined,
    preamble: [],
    sections: [],
    anchors: new Map(),
    notices: options.notices ?? [],
  };
  const slugCounts = new Map<string, number>();
  const stack: SpecSection[] = [];
  const rootPath: readonly string[] = [];
  const paths = new Map<SpecSection, readonly string[]>();
  for (const node of body) {
    if (node === titleHeading) continue;
    if (node.type === 'heading') {
      const raw = toString(node);
      let slug = slugifyHeading(raw);
      const seen = slugCounts.get(slug) ?? 0;
      slugCounts.set(slug, seen + 1);
      if (seen > 0) slug = `${slug}-${seen}`;
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= node.depth) stack.pop();
      const top = stack[stack.length - 1];
      const parentPath = top ? paths.get(top) : undefined;
      // The title is read after the keywords are mapped ("REQUIRED Attributes" → "Required Attributes"); the
      // slug, as GitHub computed it, from the heading as written.
      const entry = makeEntry('clause', node, context, parentPath ?? rootPath);
      const mapped = entry.scan.changes.length > 0 ? toString(node) : raw;
      const title = cleanTitle(mapped) || mapped.trim();
      const ownPath = [...(parentPath ?? rootPath), cleanTitle(raw) || raw.trim()];
      const section: SpecSection = {
        file,
        heading: node,
        entry,
        title,
        depth: node.depth,
        slug,
        role: classifySection(raw),
        blocks: [],
        children: [],
      };
      outline.anchors.set(slug, section);
      paths.set(section, ownPath);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(section);
      else outline.sections.push(section);
      stack.push(section);
      continue;
    }
    const current = stack[stack.length - 1];
    const block = makeBlock(node, context, current ? paths.get(current)! : rootPath);
    if (current) current.blocks.push(block);
    else outline.preamble.push(block);
  }
  return outline;
}
