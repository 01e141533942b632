import type { Link, Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { SpecEntry } from './build-outline.ts';
import { plainText } from './plain-text.ts';

/** An external document linked from the spec. */
export interface CitedLink {
  url: string;
  title: string;
  /** The entry it was cited from (its file and lines give the reference's provenance). */
  entry: SpecEntry;
  link: Link;
}

/** External documents split by how they are cited. */
export interface CitedLinks {
  normative: CitedLink[];
  informative: CitedLink[];
}

const EXTERNAL = /^https?:\/\//i;
// Bare URLs stay text (the parser skips GFM autolink literals); trailing punctuation is not part of them.
const BARE_URL = /\bhttps?:\/\/[^\s<>()[\]]*[^\s<>()[\].,;:!?'"]/gi;

/**
 * Finds external links (and bare URLs): those in an entry stating a requirement are normative references,
 * the rest go to the bibliography. Each URL is listed once, normative winning.
 *
 * Before: `Messages MUST follow [RFC 8259](https://www.rfc-editor.org/rfc/rfc8259).` + `See [blog](https://x.org).`
 * After:  normative [RFC 8259], informative [blog]
 */
export function collectCitedLinks(entries: readonly { entry: SpecEntry; normative: boolean }[]): CitedLinks {
  const normative = new Map<string, CitedLink>();
  const informative = new Map<string, CitedLink>();
  for (const { entry, normative: isNormative } of entries) {
    const requires = isNormative && entry.scan.hits.length > 0;
    const add = (cited: CitedLink): void => {
      if (requires) {
        if (!normative.has(cited.url)) normative.set(cited.url, cited);
      } else if (!informative.has(cited.url)) informative.set(cited.url, cited);
    };
    visit(entry.node as Nodes, (node) => {
      if (node.type === 'link' && EXTERNAL.test(node.url))
        add({ url: node.url, title: plainText(node) || node.url, entry, link: node });
      if (node.type === 'text' && node.value.includes('://')) {
        for (const match of node.value.matchAll(BARE_URL)) {
          const url = match[0];
          const link: Link = { type: 'link', url, title: null, children: [{ type: 'text', value: url }] };
          if (node.position) {
            // The URL's own line: the text node may span several.
            const line = node.position.start.line + (node.value.slice(0, match.index).match(/\n/g)?.length ?? 0);
            link.position = { start: { line, column: 1 }, end: { line, column: 1 } };
          }
          add({ url, title: url, entry, link });
        }
      }
    });
  }
  for (const url of normative.keys()) informative.delete(url);
  return { normative: [...normative.values()], informative: [...informative.values()] };
}
