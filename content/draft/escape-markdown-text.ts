/**
 * Escapes plain text for inline Markdown (not at a line start) by backslash-escaping every character that
 * can open markup, HTML, an entity, a table cell or a link (CommonMark honours the escape for any ASCII
 * punctuation), and folding line breaks. Used for the large generated tables and source notes, where it is
 * much faster than the serializer.
 *
 * Before: `a|b <script> *x*`   After: `a\|b \<script\> \*x\*`
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>!&|~]/g, '\\$&');
}

/** A GFM table as Markdown, every cell escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdownText).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}
