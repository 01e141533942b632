import type { Nodes, Text } from 'mdast';

/** The running text of one paragraph, heading or table row of a block, as the draft shows it. */
export interface TextUnit {
  text: string;
  /** `text` with code spans and URLs blanked (same length), for cutting sentences. */
  mask: string;
  /** Where each text node of the unit starts in `text`. */
  starts: Map<Text, number>;
}

const BARE_URL = /\bhttps?:\/\/\S+/g;
const LEAVES = new Set(['paragraph', 'heading', 'tableRow']);
const blank = (s: string): string => 'x'.repeat(s.length);

/** Appends the phrasing content of `node` to the unit being built. */
function append(node: Nodes, unit: TextUnit, parts: { text: string[]; mask: string[]; length: number }): void {
  const add = (value: string, masked: string): void => {
    parts.text.push(value);
    parts.mask.push(masked);
    parts.length += value.length;
  };
  if (node.type === 'text') {
    unit.starts.set(node, parts.length);
    add(node.value, node.value.includes('://') ? node.value.replace(BARE_URL, blank) : node.value);
  } else if (node.type === 'inlineCode') add(node.value, blank(node.value));
  else if (node.type === 'break') add(' ', ' ');
  else if (node.type === 'tableCell') {
    if (parts.length > 0) add(' | ', ' | ');
    for (const child of node.children) append(child, unit, parts);
  } else if ('children' in node) for (const child of node.children as Nodes[]) append(child, unit, parts);
  else if ('value' in node && typeof node.value === 'string') add(node.value, blank(node.value));
}

/**
 * Splits the nodes of a block into its units of running text: each paragraph, heading and table row on its own
 * (a nested list item's paragraph is a unit of its own, so list items never run into each other), code left out.
 *
 * Before: list item [paragraph `Constraints:`, list [`REQUIRED`, `MUST be unique`]]
 * After:  units `Constraints:`, `REQUIRED`, `MUST be unique`
 */
export function textUnits(nodes: readonly Nodes[]): TextUnit[] {
  const units: TextUnit[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return;
    if (LEAVES.has(node.type)) {
      const unit: TextUnit = { text: '', mask: '', starts: new Map() };
      const parts = { text: [] as string[], mask: [] as string[], length: 0 };
      append(node, unit, parts);
      unit.text = parts.text.join('');
      unit.mask = parts.mask.join('');
      units.push(unit);
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  for (const node of nodes) walk(node);
  return units;
}
