import { Tab, TextRun, type FileChild, type Table } from 'docx';
import type { Element, ElementContent } from 'hast';
import type { DocxContext } from './docx-context.ts';
import { STYLE } from './gbt-styles.ts';
import { draftBlocks, paragraphOf, type BlockOptions } from './draft-blocks.ts';
import { clauseIdOf } from './draft-heading.ts';

// A list as GB/T 1.1 marks 列项: "——" before each item of a bulleted list ("·" one level down), the source's own
// numbers "1)" "2)" for an ordered one (the text may cite them); each level two characters further in, the text
// hanging after its mark. A list item's clause ID is bookmarked on its first paragraph.
//   <ul><li data-clause-id="c-badf…">first item</li></ul> → Paragraph(GbtListItem, "——" ⇥ Bookmark c_badf… "first item")

const STEP = 420;
const HANGING = 630;
const BLOCKS = new Set(['p', 'ul', 'ol', 'pre', 'table', 'blockquote', 'div', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

/** The paragraphs of a `ul` or `ol` at nesting `level` (0 for a list in the text). */
export function draftList(
  node: Element,
  ctx: DocxContext,
  level: number,
  options: BlockOptions,
): (FileChild | Table)[] {
  const ordered = node.tagName === 'ol';
  const given = Number(node.properties['start'] ?? 1);
  const start = Number.isFinite(given) ? given : 1;
  const left = (options.indent ?? 0) + STEP * (level + 1) + HANGING;
  const style = options.style ?? STYLE.listItem;
  const items = node.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
  return items.flatMap((item, i) => {
    const mark = ordered ? `${start + i})` : level === 0 ? '——' : '·';
    const out: (FileChild | Table)[] = [];
    let inline: ElementContent[] = [];
    let marked = false;
    const paragraph = (children: readonly ElementContent[], own: string | undefined): void => {
      if (marked) out.push(paragraphOf(children, ctx, own, { style, indent: left }));
      else {
        // The item's own marker is bookmarked on its first paragraph.
        const lead = [new TextRun({ children: [mark, new Tab()] })];
        out.push(paragraphOf(children, ctx, own ?? clauseIdOf(item), { style, indent: left, hanging: HANGING }, lead));
        marked = true;
      }
    };
    const flush = (): void => {
      if (inline.some((n) => n.type !== 'text' || n.value.trim() !== '')) paragraph(inline, undefined);
      inline = [];
    };
    for (const child of item.children) {
      if (child.type !== 'element' || !BLOCKS.has(child.tagName)) {
        inline.push(child);
        continue;
      }
      flush();
      if (child.tagName === 'p') paragraph(child.children, clauseIdOf(child));
      else if (child.tagName === 'ul' || child.tagName === 'ol') {
        if (!marked) paragraph([], undefined);
        out.push(...draftList(child, ctx, level + 1, options));
      } else {
        if (!marked) paragraph([], undefined);
        out.push(...draftBlocks([child], ctx, { ...options, indent: left }));
      }
    }
    flush();
    if (!marked) paragraph([], undefined);
    return out;
  });
}
