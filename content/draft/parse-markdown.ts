import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkGfmLean } from './remark-gfm-lean.ts';

// Frozen once: building a processor is cheap but not free, and it holds no state between parses.
const parser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkGfmLean)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .freeze();

/** Parses a spec file (CommonMark + GFM without autolink literals + front matter) into mdast with positions. */
export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}
