import type { Nodes } from 'mdast';
import { normalizeLabel, type DefinedLabels } from './remark-seed-definitions.ts';

// `[label]:` at the start of a line, after any block quote and list markers: where definitions can be.
const DEFINITION_START = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+[ \t>]*)*\[((?:[^\\[\]\n]|\\.){1,999})\]:/gm;

/**
 * The labels a file probably defines, read from its text before it is parsed: every `[label]:` that starts a
 * line. A guess (it also finds `[x]:` inside code, and misses labels broken over lines), so the parse checks it
 * against `labelsDefinedIn` and parses again in the rare case they differ.
 *
 * Before: `See [a][rfc].\n\n[rfc]: https://…\n[^1]: A note.`   After: definitions {RFC}, footnotes {1}
 */
export function guessDefinedLabels(text: string): DefinedLabels {
  const definitions = new Set<string>();
  const footnotes = new Set<string>();
  if (!text.includes(']:')) return { definitions, footnotes };
  for (const match of text.matchAll(DEFINITION_START)) {
    const label = match[1]!;
    if (label.startsWith('^')) footnotes.add(normalizeLabel(label.slice(1)));
    else definitions.add(normalizeLabel(label));
  }
  return { definitions, footnotes };
}

/** Adds the labels of the definitions and footnote definitions in `node` (not its descendants) to `into`. */
export function addDefinedLabel(node: Nodes, into: { definitions: Set<string>; footnotes: Set<string> }): void {
  if (node.type === 'definition') into.definitions.add(normalizeLabel(node.label ?? node.identifier));
  else if (node.type === 'footnoteDefinition') into.footnotes.add(normalizeLabel(node.label ?? node.identifier));
}

/** True when both name exactly the same labels. */
export function sameLabels(a: DefinedLabels, b: DefinedLabels): boolean {
  const same = (x: ReadonlySet<string>, y: ReadonlySet<string>): boolean =>
    x.size === y.size && [...x].every((label) => y.has(label));
  return same(a.definitions, b.definitions) && same(a.footnotes, b.footnotes);
}
