// remark-frontmatter reads front matter only from a fence on the first line (`---` for YAML, `+++` for TOML) to
// the next line holding the same fence. When no such line follows, micromark-extension-frontmatter's failed
// attempt leaves the document tokenizer unable to start lists, block quotes and footnotes for the rest of the
// file, so the parser is told not to look for front matter then (`parseMarkdown`).

const FENCE = /^(---|\+\+\+)[ \t]*$/;

/** The line starting at `start` (without its ending), and where the next one starts (CRLF, CR, LF). */
function lineAt(text: string, start: number): { content: string; next: number; ended: boolean } {
  let i = start;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  const next = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : Math.min(i + 1, text.length);
  return { content: text.slice(start, i), next, ended: i < text.length };
}

/**
 * Offset just after the front matter's closing fence line, or 0 when the text does not start with front matter
 * (no fence line first, or no closing fence after it).
 *
 * Before: `---\ntitle: x\n---\n# T\n`   After: 16
 */
export function frontMatterEnd(text: string): number {
  const first = lineAt(text, 0);
  const fence = FENCE.exec(first.content)?.[1];
  if (!fence || !first.ended) return 0;
  for (let start = first.next; start < text.length;) {
    const line = lineAt(text, start);
    if (FENCE.exec(line.content)?.[1] === fence) return line.next;
    start = line.next;
  }
  return 0;
}
