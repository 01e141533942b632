import { escapeMarkdownText } from '../../../content/draft/escape-markdown-text.ts';

/**
 * People's text (names, comments, statements) as inline Markdown: markup escaped, line breaks folded, and a
 * leading `#`, `>`, `-`, `+` or `=` escaped too, so a text cannot open a heading or a list wherever it lands.
 *
 * Before: `# x <b>`   After: `\# x \<b\>`
 */
export function inlineText(text: string): string {
  return escapeMarkdownText(text.trim()).replace(/^([#>+=-])/, '\\$1');
}

/** A multi-paragraph text (an IPR statement) as Markdown paragraphs, each escaped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(inlineText);
}

/** A link to an http(s) address, or the escaped label alone for anything else. */
export function link(label: string, url: string | undefined): string {
  const text = inlineText(label);
  if (!url || !/^https?:\/\//i.test(url)) return text;
  return `[${text}](${url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

/** A GFM table whose cells are Markdown already (escaped by the caller). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)];
}

/** The first `max` items joined, and how many were left out. */
export function some(items: readonly string[], max: number, sep: string): { list: string; more: number } {
  return { list: items.slice(0, max).join(sep), more: Math.max(0, items.length - max) };
}
