import { msg, type Message } from '../../kernel/i18n/message.ts';
import { addGeneralSubclause } from './add-general-subclause.ts';
import type { SpecEntry, SpecSection } from './build-outline.ts';
import { foldSection } from './fold-section.ts';
import { mergeLoneSubclause } from './merge-lone-subclause.ts';
import { headingAnchor } from './provenance-anchor.ts';
import { recordBlock, renderBlocks, sourceNote } from './render-blocks.ts';
import { heading, type RenderContext } from './render-context.ts';

/** GB/T 1.1-2020: clauses have at most five levels of subclauses below them (5.1.1.1.1.1 counts the clause). */
const MAX_LEVEL = 5;

/**
 * Writes a spec section as a numbered clause (`level` 1 for clause 4, 2 for 4.1 …) and its subclauses, repairing
 * the GB/T 1.1 structure on the way, each repair reported with its source line: a lone subclause is merged into its
 * parent, text before subclauses moves into a first subclause "General", and sections deeper than five levels are
 * folded into the fifth.
 *
 * Before: `## Wire` → [text, `### Frames`, `### Streams`]
 * After:  `## 4 Wire`, `### 4.1 General` + text, `### 4.2 Frames`, `### 4.3 Streams`
 */
export function renderSection(
  ctx: RenderContext,
  section: SpecSection,
  number: string,
  level: number,
  context: Message | null,
): void {
  const headingText = `${number} ${section.title}`;
  const node = heading(level + 1, headingText);
  ctx.out.push(node);
  ctx.headings.set(section, headingText);
  const id = section.generated
    ? undefined
    : recordBlock(ctx, section.entry, [section.heading], number, section.title, { informative: context });
  if (id !== undefined) {
    ctx.headingIds.set(section, id);
    if (ctx.annexMode) node.children.push(headingAnchor(id));
  }
  const line = section.entry.startLine;
  const pointHere = (folded: readonly SpecSection[]): void => {
    for (const s of folded) {
      ctx.headings.set(s, headingText);
      if (id !== undefined) ctx.headingIds.set(s, id);
    }
  };
  if (level >= MAX_LEVEL) {
    for (const child of section.children) {
      const { blocks, folded } = foldSection(child);
      for (const s of folded)
        ctx.recorder.issue(
          'depth-over-five',
          msg('draft.lint.depth-over-five', { title: s.title, number }),
          null,
          s.file,
          s.entry.startLine,
        );
      section.blocks = [...section.blocks, ...blocks];
      pointHere(folded);
    }
    section.children = [];
  } else {
    for (let lone = mergeLoneSubclause(section); lone; lone = mergeLoneSubclause(section)) {
      ctx.recorder.issue(
        'lone-subclause',
        msg('draft.lint.lone-subclause', { number, title: lone.title }),
        id ?? null,
        section.file,
        line,
      );
      pointHere([lone]);
    }
    const general = addGeneralSubclause(section, ctx.L.general);
    if (general)
      ctx.recorder.issue(
        'hanging-paragraph',
        msg('draft.lint.hanging-paragraph', { number, title: general.title }),
        id ?? null,
        section.file,
        line,
      );
  }
  const firstBlock = ctx.recorder.clauses.length;
  const entries: SpecEntry[] = renderBlocks(ctx, section.blocks, number, section.title, context);
  if (!ctx.annexMode) {
    // A generated "General" has no heading of its own: its note names its first block.
    const items = section.generated ? entries : [section.entry, ...entries];
    const noteId = id ?? ctx.recorder.clauses[firstBlock]?.id;
    if (items.length > 0 && noteId) ctx.out.push(sourceNote(ctx, items, noteId));
  }
  section.children.forEach((child, i) => renderSection(ctx, child, `${number}.${i + 1}`, level + 1, context));
}
