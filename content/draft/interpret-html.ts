import type { Html, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { msg } from '../../kernel/i18n/message.ts';
import type { SpecNotice } from './spec-notice.ts';

// One token of an HTML fragment: a comment (closed or not), a tag, or text.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>|[^<]+|</g;
// Tags whose meaning the draft keeps without HTML: a disclosure keeps its content, a summary becomes a bold line,
// a break ends a line, a paragraph tag only wraps text.
const STRUCTURAL = new Set(['details', 'summary', 'br', 'p']);
const BREAK = /^<br\s*\/?>$/i;
const COMMENT = /^<!--/;
const DOCTOC = /^<!--\s*(START|END)\s+doctoc\b/i;

/** The first line of a comment, short, for the report. */
function excerpt(comment: string): string {
  const inner = comment.replace(/^<!-+/, '').replace(/-+>$/, '').trim();
  const line = inner.split('\n')[0]!.trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** The YAML in a site generator's front matter comment (`<!--- Hugo front matter …:\nlinkTitle: X\n--->`). */
function commentFrontMatter(comment: string): Record<string, unknown> | undefined {
  const inner = comment.replace(/^<!-+/, '').replace(/-+>$/, '');
  if (!/\n\s*[\w-]+\s*:/.test(inner)) return undefined;
  try {
    const data: unknown = parseYaml(inner);
    if (data && typeof data === 'object' && !Array.isArray(data)) return data as Record<string, unknown>;
  } catch {
    // Not YAML: an ordinary comment.
  }
  return undefined;
}

/** What a block of raw HTML becomes: nodes to put in its place, or undefined to leave it (escaped later). */
function interpretBlock(node: Html, notices: SpecNotice[]): RootContent[] | undefined {
  const line = node.position?.start.line ?? 1;
  const out: RootContent[] = [];
  const dropped: string[] = [];
  let text = '';
  let summary: string | undefined;
  const flush = (): void => {
    const value = text.replace(/[ \t]*\n[ \t]*/g, '\n').trim();
    if (value) out.push(withPosition({ type: 'paragraph', children: [{ type: 'text', value }] }, node));
    text = '';
  };
  for (const [token, closing, tag] of node.value.matchAll(TOKEN)) {
    if (COMMENT.test(token)) {
      dropped.push(token);
      continue;
    }
    if (tag === undefined) {
      if (summary !== undefined) summary += token;
      else text += token;
      continue;
    }
    const name = tag.toLowerCase();
    if (!STRUCTURAL.has(name)) return undefined;
    if (name === 'summary') {
      if (!closing) {
        flush();
        summary = '';
      } else if (summary !== undefined) {
        const value = summary.replace(/\s+/g, ' ').trim();
        if (value)
          out.push(
            withPosition(
              { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value }] }] },
              node,
            ),
          );
        summary = undefined;
      }
    } else if (name === 'br') text += '\n';
    else flush();
  }
  if (summary !== undefined) return undefined;
  flush();
  for (const comment of dropped)
    if (!DOCTOC.test(comment))
      notices.push({ rule: 'dropped-html', message: msg('draft.lint.dropped-html', { text: excerpt(comment) }), line });
  return out;
}

function withPosition<T extends Nodes>(created: T, from: Nodes): T {
  if (from.position) created.position = from.position;
  return created;
}

/** Inline HTML in running text: a comment disappears, `<br>` is a line break (a space in a table cell). */
function interpretInline(children: PhrasingContent[], inCell: boolean, notices: SpecNotice[]): void {
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if ('children' in child) interpretInline(child.children as PhrasingContent[], inCell, notices);
    if (child.type !== 'html') continue;
    const value = child.value.trim();
    if (COMMENT.test(value)) {
      notices.push({
        rule: 'dropped-html',
        message: msg('draft.lint.dropped-html', { text: excerpt(value) }),
        line: child.position?.start.line ?? 1,
      });
      children.splice(i--, 1);
    } else if (BREAK.test(value)) {
      children[i] = withPosition(inCell ? { type: 'text', value: ' ' } : { type: 'break' }, child);
    }
  }
}

/** What `interpretHtml` found besides the rewrites. */
export interface HtmlFindings {
  notices: SpecNotice[];
  /** Front matter of a site generator kept in an HTML comment that opens the file. */
  frontMatter: Record<string, unknown> | undefined;
}

/**
 * Reads raw HTML the way a reader of the rendered spec sees it, so none of it is printed: comments (site generator
 * front matter, doctoc markers) are dropped and reported, `<details>` keeps its content, `<summary>` becomes a bold
 * line, `<br>` a line break. Other HTML is left for `escapeRawHtml` (printed as text).
 *
 * Before: `<!-- note -->`, `<details>\n<summary>Example</summary>`, `a<br>b`
 * After:  (nothing; a `dropped-html` notice), `**Example**`, `a` + break + `b`
 */
export function interpretHtml(tree: Root): HtmlFindings {
  const notices: SpecNotice[] = [];
  let frontMatter: Record<string, unknown> | undefined;
  const first = tree.children.find((n) => n.type !== 'yaml');
  if (first?.type === 'html' && COMMENT.test(first.value.trim())) frontMatter = commentFrontMatter(first.value.trim());
  const walk = (parent: { children: RootContent[] }): void => {
    for (let i = 0; i < parent.children.length; i++) {
      const node = parent.children[i]!;
      if (node.type === 'html') {
        const replacement = interpretBlock(node, notices);
        if (replacement) {
          parent.children.splice(i, 1, ...replacement);
          i += replacement.length - 1;
        }
      } else if (node.type === 'paragraph' || node.type === 'heading') interpretInline(node.children, false, notices);
      else if (node.type === 'table')
        for (const row of node.children) for (const cell of row.children) interpretInline(cell.children, true, notices);
      else if (
        'children' in node &&
        (node.type === 'blockquote' ||
          node.type === 'list' ||
          node.type === 'listItem' ||
          node.type === 'footnoteDefinition')
      )
        walk(node as { children: RootContent[] });
    }
  };
  walk(tree);
  return { notices, frontMatter };
}
