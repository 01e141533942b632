// Spec Markdown rendered by `magnolia draft` (issue 9): the portal has no draft page yet, so the draft itself is
// checked for raw HTML passing through and for active link targets, and the portal's sanitising pipeline is
// checked on the draft and on the hostile spec. The browser suite (xss-requests.browser.test.ts) loads both.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../content/render/render-markdown.ts';
import { draftOf, hostileSpec } from './draft-pages.ts';
import { XSS_VECTORS, type Trap } from './xss-corpus.ts';

const trap = (i: number): Trap => {
  const key = `x${String(i).padStart(2, '0')}.draft`;
  return {
    key,
    js: `__xss('${key}')`,
    jsTick: `__xss(\`${key}\`)`,
    url: `http://127.0.0.1:9/k/${key}`,
    origin: 'http://127.0.0.1:9',
  };
};
const spec = hostileSpec(XSS_VECTORS.map((v, i) => v.payload(trap(i))));
// A scheme that runs or carries a document, after the URL parser's own clean-up (controls and whitespace dropped).
const ACTIVE = /^(?:javascript|vbscript|data):/i;
const scheme = (url: string) => url.replace(/[\x00-\x20\x7f]/g, '');

/** What in a Markdown document would become raw HTML or an active link target. */
function activeMarkdown(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const found: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'html') found.push(`raw HTML at line ${node.position?.start.line}: ${node.value.slice(0, 80)}`);
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && ACTIVE.test(scheme(node.url)))
      found.push(`${node.type} to ${node.url.slice(0, 80)}`);
  });
  return found;
}

// rehype-stringify escapes every "<" of text and every '"' of an attribute value, so in its output each "<" opens
// a real tag and each attribute value runs to the next '"': these two patterns read its tags exactly.
const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*"[^"]*")?)*)\s*\/?>/g;
const ATTRIBUTE = /\s+([^\s"'=<>/]+)(?:\s*=\s*"([^"]*)")?/g;
const SAFE_TAGS = new Set(
  'h1 h2 h3 h4 h5 h6 p a ul ol li blockquote pre code em strong del hr br img table thead tbody tr th td input sup section'.split(
    ' ',
  ),
);
const decode = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&');

/** Active HTML after the sanitiser: elements and attributes the pipeline should never let through, active URLs. */
function activeHtml(html: string): string[] {
  const found: string[] = [];
  for (const [tag, name, attributes] of html.matchAll(TAG)) {
    if (!SAFE_TAGS.has(name!.toLowerCase())) found.push(`element ${tag.slice(0, 80)}`);
    for (const [, attribute, value = ''] of attributes!.matchAll(ATTRIBUTE)) {
      const a = attribute!.toLowerCase();
      if (a.startsWith('on') || ['style', 'srcdoc', 'formaction', 'xlink:href'].includes(a))
        found.push(`${a} in ${tag}`);
      if (['href', 'src', 'action'].includes(a) && ACTIVE.test(scheme(decode(value)))) found.push(`${a} ${value}`);
    }
  }
  return found;
}

describe('spec Markdown in drafts', () => {
  let draft: string;
  beforeAll(async () => {
    draft = await draftOf(spec);
  }, 60_000);

  it(`a draft of ${XSS_VECTORS.length} hostile clauses carries no raw HTML and no active link`, () => {
    expect(draft).toContain('Clause 1');
    expect(activeMarkdown(spec).length).toBeGreaterThan(0); // the spec itself is hostile
    expect(activeMarkdown(draft)).toEqual([]);
  });

  it('the portal pipeline renders neither the draft nor the raw spec into active HTML', () => {
    expect(activeHtml(renderMarkdown(draft))).toEqual([]);
    expect(activeHtml(renderMarkdown(spec))).toEqual([]);
  });
});
