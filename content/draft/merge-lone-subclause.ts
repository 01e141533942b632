import type { SpecSection } from './build-outline.ts';
import { headingLine } from './fold-section.ts';

/**
 * GB/T 1.1-2020 creates a subclause only when there are at least two at its level: a clause with a single
 * subclause takes that subclause's text (its heading kept as a bold line) and its subclauses. Returns the merged
 * subclause, or undefined when there was nothing to merge.
 *
 * Before: `4 Wire` → [`4.1 Frames` → [text]]   After: `4 Wire` → [**Frames**, text]
 */
export function mergeLoneSubclause(section: SpecSection): SpecSection | undefined {
  if (section.children.length !== 1) return undefined;
  const child = section.children[0]!;
  section.blocks = [...section.blocks, headingLine(child), ...child.blocks];
  section.children = child.children;
  return child;
}
