import type { Paragraph, RootContent } from 'mdast';
import type { ClauseKind } from './draft-types.ts';

const NOTE = /^\s*(?:\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*|(?:note|注意|注)\s*\d*\s*[:：]\s*)/i;
const EXAMPLE = /^\s*(?:example|示例|例)\s*\d*\s*[:：]\s*/i;

/** Removes a matched label from the first text of a paragraph. */
function stripLabel(paragraph: Paragraph, label: RegExp): boolean {
  const first = paragraph.children[0];
  if (first?.type === 'text' && label.test(first.value)) {
    first.value = first.value.replace(label, '');
    if (first.value === '') paragraph.children.shift();
    return true;
  }
  // `**Note:** text` and `*Example:*` put the label in emphasis.
  if ((first?.type === 'strong' || first?.type === 'emphasis') && first.children[0]?.type === 'text') {
    const inner = first.children[0];
    if (label.test(inner.value) || label.test(`${inner.value} `)) {
      paragraph.children.shift();
      const next = paragraph.children[0];
      if (next?.type === 'text') next.value = next.value.replace(/^\s*[:：]?\s*/, '');
      return true;
    }
  }
  return false;
}

/**
 * Names the kind of a top-level block and removes its "Note:"/"Example:" label (the draft prints its own).
 *
 * Before: `> [!NOTE]\n> Caches may be shared.`  /  `Example: GET /a`
 * After:  `note`, paragraph `Caches may be shared.` /  `example`, paragraph `GET /a`
 */
export function classifyBlock(node: RootContent): ClauseKind {
  switch (node.type) {
    case 'table':
      return 'table';
    case 'code':
      return 'code';
    case 'footnoteDefinition':
      return 'footnote';
    case 'paragraph':
      if (stripLabel(node, NOTE)) return 'note';
      if (stripLabel(node, EXAMPLE)) return 'example';
      return 'paragraph';
    case 'blockquote': {
      const first = node.children[0];
      if (first?.type === 'paragraph') {
        if (stripLabel(first, NOTE)) return 'note';
        if (stripLabel(first, EXAMPLE)) return 'example';
      }
      return 'quote';
    }
    default:
      return 'paragraph';
  }
}
