import type { List, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { msg } from '../../kernel/i18n/message.ts';
import type { SpecNotice } from './spec-notice.ts';

const TOC_TITLE = /^\W*(table of contents|contents|toc|目录|目次)\W*$/i;
const DOCTOC = /^<!--\s*(START|END)\s+doctoc\b/i;
// Links into the document or another file of the set; never an external site.
const IN_DOCUMENT = /^(?:#|(?![a-z][a-z0-9+.-]*:|\/\/)[^#]*\.(?:md|markdown)(?:#|$))/i;

/** True when every phrasing node is an in-document link or white space. */
function onlyLinks(nodes: readonly Nodes[]): boolean {
  return nodes.every(
    (n) =>
      (n.type === 'link' && IN_DOCUMENT.test(n.url)) ||
      (n.type === 'text' && n.value.trim() === '') ||
      n.type === 'break',
  );
}

/** True for a list of in-document links only, nested lists included (what doctoc and hand-written TOCs are). */
export function isLinkList(list: List): boolean {
  return list.children.every(
    (item) =>
      item.children.length > 0 &&
      item.children.every((child) =>
        child.type === 'paragraph'
          ? child.children.length > 0 && onlyLinks(child.children)
          : child.type === 'list' && isLinkList(child),
      ),
  );
}

const isTocLabel = (node: RootContent): boolean => node.type === 'paragraph' && TOC_TITLE.test(toString(node));
const lineOf = (node: RootContent): number => node.position?.start.line ?? 1;

/**
 * Drops tables of contents, since the draft has its own: doctoc blocks (`<!-- START doctoc -->` … `<!-- END
 * doctoc -->`), a "Table of Contents" label followed by a list of in-document links, and sections that hold nothing
 * but such lists (whatever their title). Each drop is reported with its line.
 *
 * Before: `## Table of Contents\n\n- [Intro](#intro)\n\n## Intro\n\nText.`   After: `## Intro\n\nText.`
 */
export function dropTableOfContents(tree: Root): SpecNotice[] {
  const notices: SpecNotice[] = [];
  const nodes = tree.children;
  const report = (node: RootContent): void => {
    notices.push({ rule: 'table-of-contents', message: msg('draft.lint.table-of-contents'), line: lineOf(node) });
  };
  const kept: RootContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'html' && DOCTOC.exec(node.value.trim())?.[1]?.toUpperCase() === 'START') {
      const end = nodes.findIndex(
        (n, j) => j > i && n.type === 'html' && DOCTOC.exec(n.value.trim())?.[1]?.toUpperCase() === 'END',
      );
      report(node);
      i = end === -1 ? i : end;
      continue;
    }
    const next = nodes[i + 1];
    if (isTocLabel(node) && next?.type === 'list' && isLinkList(next)) {
      report(node);
      i++;
      continue;
    }
    if (node.type === 'heading') {
      // The section's own content: up to the next heading of any depth.
      let j = i + 1;
      while (j < nodes.length && nodes[j]!.type !== 'heading') j++;
      const body = nodes.slice(i + 1, j);
      const lists = body.filter((n): n is List => n.type === 'list');
      const tocBody = body.every((n) => (n.type === 'list' && isLinkList(n)) || n.type === 'thematicBreak');
      const nextDeeper = nodes[j]?.type === 'heading' && (nodes[j] as { depth: number }).depth > node.depth;
      if (tocBody && ((lists.length > 0 && !nextDeeper) || (TOC_TITLE.test(toString(node)) && !nextDeeper))) {
        report(node);
        i = j - 1;
        continue;
      }
    }
    kept.push(node);
  }
  tree.children = kept;
  return notices;
}
