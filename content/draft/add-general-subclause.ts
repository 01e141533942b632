import type { SpecSection } from './build-outline.ts';

/**
 * GB/T 1.1-2020 allows no hanging paragraph (text directly under a clause that also has subclauses): the text moves
 * into a new first subclause "General" (总则). Returns the new subclause, or undefined when there was no such text.
 *
 * Before: `4 Wire` → [text, `4.1 Frames`, `4.2 Streams`]   After: `4 Wire` → [`4.1 General` → [text], `4.2 Frames`, …]
 */
export function addGeneralSubclause(section: SpecSection, title: string): SpecSection | undefined {
  if (section.blocks.length === 0 || section.children.length === 0) return undefined;
  const general: SpecSection = {
    file: section.file,
    heading: { type: 'heading', depth: section.heading.depth, children: [{ type: 'text', value: title }] },
    entry: section.entry,
    title,
    depth: section.depth + 1,
    slug: section.slug,
    role: 'clauses',
    blocks: section.blocks,
    children: [],
    generated: true,
  };
  section.blocks = [];
  section.children = [general, ...section.children];
  return general;
}
