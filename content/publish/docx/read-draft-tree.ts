import type { Element, Root } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { CLAUSE_ID_PATTERN } from '../../draft/clause-id.ts';
import type { DraftManifest } from '../../draft/draft-types.ts';
import { parseMarkdown } from '../../draft/parse-markdown.ts';
import { remarkClauseMarkers } from '../../render/draft/remark-clause-markers.ts';
import { textOf } from '../../render/draft/hast-builder.ts';
import { rehypeJoinCjkLines } from '../../render/join-cjk-lines.ts';

// The draft's Markdown read the way the draft page reads it (content/render/render-draft-html.ts): the generator's
// parser, the clause markers turned into `data-clause-id` on the blocks they anchor, Chinese lines joined, and the
// sanitiser (raw HTML never reaches the Word file either). What comes out is a tree to lay out, not HTML to show.
//   "---\nstandard: …\n---\n# 编解码协议\n\n## 1 范围\n…" → { cover: { standard: … }, title: "编解码协议", body: <h2>… }

/** The draft as a tree: its front matter's data, the text of its `#` title, and the rest (hast, sanitised). */
export interface DraftTree {
  cover: unknown;
  title: string | null;
  body: Root;
}

const ANCHORED_TAGS = ['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'blockquote', 'table', 'code'];
const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    ...Object.fromEntries(
      ANCHORED_TAGS.map((tag) => [
        tag,
        [...(defaultSchema.attributes?.[tag] ?? []), ['dataClauseId', CLAUSE_ID_PATTERN] as [string, RegExp]],
      ]),
    ),
  },
};

/** Parses a generated draft into its cover data, title and body; the clause markers must name `manifest` clauses. */
export function readDraftTree(markdown: string, manifest: DraftManifest): DraftTree {
  const tree = parseMarkdown(markdown);
  let cover: unknown = null;
  const yaml = tree.children.findIndex((n) => n.type === 'yaml');
  if (yaml >= 0) {
    try {
      cover = parseYaml((tree.children[yaml] as { value: string }).value) as unknown;
    } catch {
      cover = null; // a cover without data is still a cover: the generator always writes valid YAML
    }
    tree.children.splice(yaml, 1);
  }
  const processor = unified()
    .use(remarkClauseMarkers, { known: new Set(manifest.clauses.map((c) => c.id)) })
    .use(remarkRehype)
    .use(rehypeJoinCjkLines)
    .use(rehypeSanitize, schema);
  const body = processor.runSync(tree, new VFile(markdown)) as Root;
  const h1 = body.children.findIndex((n) => n.type === 'element' && n.tagName === 'h1');
  const title = h1 >= 0 ? textOf(body.children.splice(h1, 1)[0] as Element).trim() : null;
  return { cover, title, body };
}
