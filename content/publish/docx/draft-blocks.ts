import { BorderStyle, Paragraph, type FileChild, type ParagraphChild, type Table } from 'docx';
import type { Element, ElementContent, RootContent } from 'hast';
import { textOf } from '../../render/draft/hast-builder.ts';
import type { DocxContext } from './docx-context.ts';
import { STYLE } from './gbt-styles.ts';
import { clauseIdOf, draftHeading } from './draft-heading.ts';
import { draftList } from './draft-list.ts';
import { draftTable } from './draft-table.ts';
import { bookmarked, inlineRuns } from './inline-runs.ts';
import { figureCaption, figureTitleOf, SOURCE_FIGURE_CAPTION, SOURCE_TABLE_CAPTION } from '../caption-numbering.ts';
import { textRun } from './text-run.ts';

// The blocks of the sanitised draft as Word paragraphs and tables, in order. Each block that carries a clause ID
// holds that ID's bookmark; notes and examples (the manifest's kinds, or the draft's 注：/NOTE and 示例：/EXAMPLE)
// take their GB/T styles; a paragraph "表1 …" / "Table 1 …" right before a table is its caption, and when the source
// captions no table, each table gets its number ("表1", "表A.1") as a caption of its own (createCaptionNumbering).
// A paragraph of one image is a figure: the picture centred, and under it its caption, "图1　<its title>" (the
// image's title or alternative text), unless the source captions its figures ("图1 …" next to one), whose
// captions then take the caption style.
//   <p data-clause-id="c-6d68…">注：帧可以拆分。</p> → Paragraph(style GbtNote, Bookmark c_6d68… "注：帧可以拆分。")

const PHRASING = new Set(['a', 'strong', 'b', 'em', 'i', 'code', 'del', 's', 'sup', 'sub', 'br', 'img', 'span', 'kbd']);

/** Options for a run of blocks: the paragraph style to use instead of Normal (inside a note, a quote). */
export interface BlockOptions {
  style?: string;
  /** Left indent in twips. */
  indent?: number;
  /** Hanging indent in twips (a list item's text after its mark). */
  hanging?: number;
}

/** Which informative element a paragraph or quote is, from its clause's kind or its label. */
function informativeStyle(node: Element, ctx: DocxContext): string | undefined {
  const id = clauseIdOf(node);
  const kind = id === undefined ? undefined : ctx.clauses.get(id)?.kind;
  const text = textOf(node).trimStart();
  if (kind === 'note' || text.startsWith(ctx.L.note)) return STYLE.note;
  if (kind === 'example' || text.startsWith(ctx.L.example)) return STYLE.example;
  return undefined;
}

const previousElement = (nodes: readonly (RootContent | ElementContent)[], i: number): Element | undefined => {
  for (let k = i - 1; k >= 0; k--) {
    const n = nodes[k]!;
    if (n.type === 'element') return n;
    if (n.type === 'text' && n.value.trim() !== '') return undefined;
  }
  return undefined;
};

const nextElement = (nodes: readonly (RootContent | ElementContent)[], i: number): Element | undefined => {
  for (let k = i + 1; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (n.type === 'element') return n;
    if (n.type === 'text' && n.value.trim() !== '') return undefined;
  }
  return undefined;
};

/** A marker on a quote or list item stands for all of it: its bookmark goes on its first paragraph. */
export function passIdToFirstParagraph(node: Element): void {
  const id = clauseIdOf(node);
  const first = node.children.find((c): c is Element => c.type === 'element');
  if (id !== undefined && first?.tagName === 'p' && clauseIdOf(first) === undefined) {
    first.properties['dataClauseId'] = id;
    delete node.properties['dataClauseId'];
  }
}

/** One paragraph of phrasing content, bookmarked when it carries a clause ID. */
export function paragraphOf(
  children: readonly ElementContent[],
  ctx: DocxContext,
  id: string | undefined,
  options: BlockOptions = {},
  lead: ParagraphChild[] = [],
): Paragraph {
  return new Paragraph({
    ...(options.style ? { style: options.style } : {}),
    ...(options.indent
      ? { indent: { left: options.indent, ...(options.hanging ? { hanging: options.hanging } : { firstLine: 0 }) } }
      : {}),
    children: bookmarked(id, [...lead, ...inlineRuns(children, ctx)], ctx),
  });
}

/** A code block: one monospace paragraph a line, the first bookmarked. */
function codeBlock(node: Element, ctx: DocxContext): Paragraph[] {
  const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const id = clauseIdOf(node) ?? (code ? clauseIdOf(code) : undefined);
  const lines = textOf(code ?? node)
    .replace(/\r\n?/g, '\n')
    .replace(/\n$/, '')
    .split('\n');
  return lines.map(
    (line, i) =>
      new Paragraph({ style: STYLE.code, children: bookmarked(i === 0 ? id : undefined, [textRun(line)], ctx) }),
  );
}

/** The image a paragraph is made of alone (maybe inside a link): the paragraph is then a figure. */
export function figureImage(node: Element | undefined): Element | undefined {
  if (node?.tagName !== 'p') return undefined;
  let found: Element | undefined;
  const visit = (children: readonly ElementContent[], depth: number): boolean =>
    children.every((c) => {
      if (c.type === 'text') return c.value.trim() === '';
      if (c.type !== 'element') return true;
      if (c.tagName === 'img' && found === undefined) return ((found = c), true);
      return c.tagName === 'a' && depth === 0 && visit(c.children, 1);
    });
  return visit(node.children, 0) ? found : undefined;
}

/** Whether a paragraph is the caption a source wrote for the figure next to it. */
const isFigureCaption = (nodes: readonly (RootContent | ElementContent)[], i: number, node: Element): boolean =>
  node.tagName === 'p' &&
  (figureImage(nextElement(nodes, i)) !== undefined || figureImage(previousElement(nodes, i)) !== undefined) &&
  SOURCE_FIGURE_CAPTION.test(textOf(node).trim());

/** Whether the source captions any of its figures: a paragraph "图1 …" next to a figure, at any depth. */
export function captionsFigures(nodes: readonly (RootContent | ElementContent)[]): boolean {
  return nodes.some(
    (node, i) => node.type === 'element' && (isFigureCaption(nodes, i, node) || captionsFigures(node.children)),
  );
}

/** Whether the source captions any of its tables: a paragraph "表1 …" right before a table, at any depth. */
export function captionsTables(nodes: readonly (RootContent | ElementContent)[]): boolean {
  return nodes.some(
    (node, i) =>
      node.type === 'element' &&
      ((node.tagName === 'p' &&
        nextElement(nodes, i)?.tagName === 'table' &&
        SOURCE_TABLE_CAPTION.test(textOf(node).trim())) ||
        captionsTables(node.children)),
  );
}

/** The Word blocks of a run of sanitised nodes. */
export function draftBlocks(
  nodes: readonly (RootContent | ElementContent)[],
  ctx: DocxContext,
  options: BlockOptions = {},
): (FileChild | Table)[] {
  const out: (FileChild | Table)[] = [];
  let inline: ElementContent[] = [];
  const flush = (): void => {
    if (inline.some((n) => n.type !== 'text' || n.value.trim() !== ''))
      out.push(paragraphOf(inline, ctx, undefined, options));
    inline = [];
  };
  nodes.forEach((node, i) => {
    if (node.type === 'text') {
      inline.push(node);
      return;
    }
    if (node.type !== 'element') return;
    if (PHRASING.has(node.tagName)) {
      inline.push(node);
      return;
    }
    flush();
    switch (node.tagName) {
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        // GFM's footnotes carry a heading for screen readers only.
        const className = node.properties['className'];
        if (Array.isArray(className) && className.includes('sr-only')) return;
        out.push(...draftHeading(node, ctx));
        return;
      }
      case 'p': {
        const image = figureImage(node);
        if (image) {
          out.push(paragraphOf(node.children, ctx, clauseIdOf(node), { style: STYLE.figure }));
          if (ctx.numbered.figure) {
            const alt = image.properties['alt'];
            const title = image.properties['title'];
            const caption = figureCaption(
              ctx.numbering.next('figure'),
              figureTitleOf({ alt: typeof alt === 'string' ? alt : '', title: typeof title === 'string' ? title : '' }),
              ctx.lang,
            );
            out.push(new Paragraph({ style: STYLE.figureCaption, children: [textRun(caption)] }));
          }
          return;
        }
        const caption = nextElement(nodes, i)?.tagName === 'table' && SOURCE_TABLE_CAPTION.test(textOf(node).trim());
        const style = caption
          ? STYLE.tableCaption
          : isFigureCaption(nodes, i, node)
            ? STYLE.figureCaption
            : (informativeStyle(node, ctx) ?? options.style);
        out.push(paragraphOf(node.children, ctx, clauseIdOf(node), { ...options, ...(style ? { style } : {}) }));
        return;
      }
      case 'blockquote': {
        const style = informativeStyle(node, ctx);
        passIdToFirstParagraph(node);
        out.push(...draftBlocks(node.children, ctx, style ? { style } : { indent: (options.indent ?? 0) + 420 }));
        return;
      }
      case 'ul':
      case 'ol':
        out.push(...draftList(node, ctx, 0, options));
        return;
      case 'pre':
        out.push(...codeBlock(node, ctx));
        return;
      case 'table':
        if (ctx.numbered.table)
          out.push(new Paragraph({ style: STYLE.tableCaption, children: [textRun(ctx.numbering.next('table'))] }));
        out.push(...draftTable(node, ctx));
        return;
      case 'hr':
        out.push(
          new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } } }),
        );
        return;
      default:
        // section (footnotes), div, details, …: their content.
        out.push(...draftBlocks(node.children, ctx, options));
    }
  });
  flush();
  return out;
}
