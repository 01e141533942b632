// A generated draft's Markdown → the sanitised HTML of the draft page, rendered once when a revision is generated:
// the cover, the contents, the standard with every heading and anchored block carrying its clause ID as a real
// `id` and a provenance popover, and the requirements register. The pandoc anchors leave the text.
//   "## 4 Frames {#c-234e…}\n\n[]{#c-5e86…} A client shall …"
//     → <h2 id="c-234e…"><span class="clause-num">4</span> Frames <button popovertarget="p-c-234e…">…
//       <p id="c-5e86…"><button popovertarget="p-c-5e86…">…</button> A client shall …</p> … <div popover id="p-c-234e…">
import type { Element, ElementContent, Root } from 'hast';
import type { Root as MdRoot } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { CLAUSE_ID_PATTERN } from '../draft/clause-id.ts';
import { parseMarkdown } from '../draft/parse-markdown.ts';
import type { DraftManifest, ManifestClause } from '../draft/draft-types.ts';
import { fill } from '../i18n/messages.ts';
import { both } from './draft/both-languages.ts';
import { draftContents } from './draft/draft-contents.ts';
import { draftCover } from './draft/draft-cover.ts';
import { draftRegister } from './draft/draft-register.ts';
import { el } from './draft/hast-builder.ts';
import { provenancePopover } from './draft/provenance-popover.ts';
import { rehypeClauseAnchors, type AnchorReport } from './draft/rehype-clause-anchors.ts';
import { remarkClauseMarkers } from './draft/remark-clause-markers.ts';
import { rehypeJoinCjkLines } from './join-cjk-lines.ts';

/**
 * The first line of every draft page HTML this renderer makes. Stored HTML without it (the generic pipeline's, or an
 * earlier version of this renderer's) is laid out again from the revision's Markdown and manifest when it is read.
 * Raise the number when what the page shows changes. 2: each popover links to the portal's source view and gives
 * the lines' SWHID (computed from the manifest when it has none).
 */
export const DRAFT_HTML_MARKER = '<!-- magnolia-draft-html 2 -->';

/** Whether stored HTML came from this renderer. */
export const isDraftHtml = (html: string | null): boolean => html !== null && html.startsWith(DRAFT_HTML_MARKER);

// GitHub's schema (no scripts, no event handlers, no javascript: URLs, other ids prefixed "user-content-"), plus
// the one attribute the clause markers set, and only in the clause-ID pattern.
const CLAUSE_ATTRIBUTE: [string, RegExp] = ['dataClauseId', CLAUSE_ID_PATTERN];
const ANCHORED_TAGS = ['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'blockquote', 'table', 'code'];
const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    ...Object.fromEntries(
      ANCHORED_TAGS.map((tag) => [tag, [...(defaultSchema.attributes?.[tag] ?? []), CLAUSE_ATTRIBUTE]]),
    ),
  },
};

/** Takes the YAML front matter out of the tree (it becomes the cover). */
function takeFrontMatter(out: { yaml: string | null }) {
  return (tree: MdRoot): void => {
    const index = tree.children.findIndex((n) => n.type === 'yaml');
    if (index < 0) return;
    out.yaml = (tree.children[index] as { value: string }).value;
    tree.children.splice(index, 1);
  };
}

/** Links each table cell that holds nothing but an anchored clause ID (Annex B's) to that clause. */
function linkClauseIds(node: Root | Element, anchored: ReadonlySet<string>): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const only = child.children.length === 1 ? child.children[0] : undefined;
    if (child.tagName === 'td' && only?.type === 'text' && anchored.has(only.value.trim()))
      child.children = [el('a', { href: `#${only.value.trim()}` }, [only])];
    else linkClauseIds(child, anchored);
  }
}

/** Who wrote each clause's lines: the authors of its commits that the manifest names anywhere. */
function authorsOf(manifest: DraftManifest): (clause: ManifestClause) => string[] {
  const bySha = new Map<string, string>();
  for (const c of manifest.clauses)
    for (const ref of [c.origin.introducedIn, c.origin.lastChangedIn]) if (ref) bySha.set(ref.sha, ref.author);
  return (clause) => [
    ...new Set(clause.origin.commits.map((sha) => bySha.get(sha)).filter((a): a is string => a !== undefined)),
  ];
}

/** Renders a generated draft and its manifest to the draft page's HTML (safe to insert raw into a page). */
export function renderDraftHtml(markdown: string, manifest: DraftManifest): string {
  const clauses = new Map(manifest.clauses.map((c) => [c.id, c]));
  const front: { yaml: string | null } = { yaml: null };
  const report: AnchorReport = { anchored: [], headings: [] };
  // The draft generator's parser: GFM without autolink literals, and large texts parsed in pieces in linear time.
  const processor = unified()
    .use(takeFrontMatter, front)
    .use(remarkClauseMarkers, { known: new Set(clauses.keys()) })
    .use(remarkRehype)
    .use(rehypeJoinCjkLines)
    .use(rehypeSanitize, schema)
    .use(rehypeClauseAnchors, clauses, report);
  const file = new VFile(markdown);
  const body = processor.runSync(parseMarkdown(markdown), file) as Root;

  const h1 = body.children.findIndex((n) => n.type === 'element' && n.tagName === 'h1');
  const title = h1 >= 0 ? (body.children.splice(h1, 1)[0] as Element).children : null;
  const anchored = new Set(report.anchored.map((c) => c.id));
  linkClauseIds(body, anchored);
  const authors = authorsOf(manifest);
  const count = manifest.requirements.length;
  const page: Root = {
    type: 'root',
    children: [
      draftContents(report.headings),
      el('article', { className: ['standard'], lang: manifest.lang === 'en' ? 'en' : 'zh-CN' }, [
        draftCover(front.yaml, title),
        ...(body.children as ElementContent[]),
      ]),
      el('section', { className: ['draft-register-section'], id: 'register', ariaLabelledBy: ['register-title'] }, [
        el(
          'h2',
          { id: 'register-title' },
          both((t) => t.draftPage.register),
        ),
        el(
          'p',
          { className: ['muted'] },
          both((t) => (count ? fill(t.draftPage.registerLead, { count }) : t.draftPage.registerNone)),
        ),
        ...(count ? [draftRegister(manifest.requirements, clauses, anchored)] : []),
      ]),
      el(
        'div',
        { className: ['prov-pops'] },
        report.anchored.map((c) => provenancePopover(c, authors(c), manifest.source.name, manifest.source.repository)),
      ),
    ],
  };
  const html = unified().use(rehypeStringify).stringify(page);
  return `${DRAFT_HTML_MARKER}\n${html}`;
}
