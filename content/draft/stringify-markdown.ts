import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const stringifier = unified()
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fence: '`', rule: '-', listItemIndent: 'one' })
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkFrontmatter, ['yaml'])
  .freeze();

/** Serialises the assembled draft tree to Markdown; text is escaped by remark, so no HTML passes through. */
export function stringifyMarkdown(tree: Root): string {
  return stringifier.stringify(tree);
}
