// Markdown → sanitised HTML, the one pipeline for site pages and for any Markdown that reaches a page.
//   "# Title\n\n<script>x</script> *hi*"  →  "<h1>Title</h1>\n<p> <em>hi</em></p>"
// Chinese lines are joined without a space (join-cjk-lines.ts).
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeJoinCjkLines } from './join-cjk-lines.ts';

// Raw HTML in Markdown is dropped by remark-rehype (no allowDangerousHtml); the sanitiser is the second fence:
// GitHub's schema (no scripts, no event handlers, no javascript: URLs, ids prefixed with "user-content-").
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeJoinCjkLines)
  .use(rehypeSanitize)
  .use(rehypeStringify)
  .freeze();

/** Renders Markdown to HTML that is safe to insert raw into a page. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
