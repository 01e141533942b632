import type { Paragraph } from 'mdast';
import type { SpecBlock, SpecSection } from './build-outline.ts';

/** A section's heading as a bold line, kept as the block of its heading entry (kind `clause`: no requirements). */
export function headingLine(section: SpecSection): SpecBlock {
  const node: Paragraph = {
    type: 'paragraph',
    children: [{ type: 'strong', children: [{ type: 'text', value: section.title }] }],
  };
  return { kind: 'clause', node, entries: [{ ...section.entry, node }] };
}

/**
 * Folds a section into the blocks of its parent: its heading becomes a bold line, followed by its blocks and, folded
 * the same way, its subsections. Used for headings deeper than GB/T 1.1's five levels, and for a lone subclause.
 * Returns the blocks, and every section folded (so links to them can point at the parent).
 *
 * Before: `###### F` → [`six deep`]   After: [`**F**`, `six deep`], folded [F]
 */
export function foldSection(section: SpecSection): { blocks: SpecBlock[]; folded: SpecSection[] } {
  const blocks: SpecBlock[] = [headingLine(section), ...section.blocks];
  const folded: SpecSection[] = [section];
  for (const child of section.children) {
    const inner = foldSection(child);
    for (const block of inner.blocks) blocks.push(block);
    for (const s of inner.folded) folded.push(s);
  }
  return { blocks, folded };
}
