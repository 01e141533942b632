import type { Processor } from 'unified';

/** Labels defined somewhere in a file, normalised as micromark compares them (`normalizeLabel`). */
export interface DefinedLabels {
  /** Link reference definitions (`[label]: url`). */
  definitions: ReadonlySet<string>;
  /** Footnote definitions (`[^label]: text`), without the caret. */
  footnotes: ReadonlySet<string>;
}

/** What micromark's parser keeps of the definitions seen (`ParseContext.defined`, and the GFM footnote list). */
interface ParserDefinitions {
  defined: string[];
  gfmFootnotes?: string[];
}

/** A label as micromark compares it: whitespace runs collapsed, trimmed, case-folded (micromark's own steps). */
export function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

/**
 * Tells the parser of one piece of a file which labels the whole file defines. micromark decides whether
 * `[text][label]` is a link (and `[^label]` a footnote call) by whether the label is defined anywhere in the
 * document; a piece parsed alone would not see definitions in other pieces. A text construct on `[` and `]`
 * fills micromark's lists once per parse and then declines, so the ordinary constructs run as before.
 *
 * Before: piece `See [RFC 9110][http].` alone → text
 * After:  with `http` seeded → linkReference (resolved later by `resolveReferences`)
 */
export function remarkSeedDefinitions(this: Processor, labels: DefinedLabels): void {
  const seeded = new WeakSet<object>();
  const construct = {
    name: 'magnoliaSeedDefinitions',
    tokenize(this: { parser: ParserDefinitions }, _effects: unknown, _ok: unknown, nok: unknown): unknown {
      const parser = this.parser;
      if (!seeded.has(parser)) {
        seeded.add(parser);
        for (const label of labels.definitions) parser.defined.push(label);
        const footnotes = (parser.gfmFootnotes ??= []);
        for (const label of labels.footnotes) footnotes.push(label);
      }
      return nok;
    },
  };
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ text: { 91: construct, 93: construct } });
}
