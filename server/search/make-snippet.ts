/** A piece of a snippet; `hit` pieces are shown highlighted. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

const WIDTH = 160;

/**
 * A window of `text` around the first place a query term occurs, cut into plain and highlighted parts (the view
 * escapes both and wraps hits in `<mark>`). Terms are matched case-insensitively as substrings, which for
 * stemmed English ("placement" for "placements") and Chinese alike is what a reader expects to see marked.
 */
export function makeSnippet(text: string, terms: readonly string[]): SnippetPart[] {
  const lower = text.toLowerCase();
  const wanted = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  let first = -1;
  for (const term of wanted) {
    const at = lower.indexOf(term);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const start = first < 0 ? 0 : Math.max(0, first - WIDTH / 4);
  const end = Math.min(text.length, start + WIDTH);
  const window = text.slice(start, end);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', hit: false });
  const windowLower = window.toLowerCase();
  let plainFrom = 0;
  let i = 0;
  while (i < window.length) {
    const term = wanted.find((t) => windowLower.startsWith(t, i));
    if (term) {
      if (i > plainFrom) parts.push({ text: window.slice(plainFrom, i), hit: false });
      parts.push({ text: window.slice(i, i + term.length), hit: true });
      i += term.length;
      plainFrom = i;
    } else {
      i += 1;
    }
  }
  if (plainFrom < window.length) parts.push({ text: window.slice(plainFrom), hit: false });
  if (end < text.length) parts.push({ text: '…', hit: false });
  return parts;
}
