import type { Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

const SEPARATOR = /^\s*(?:[:：]|[-–—]\s)\s*/;

/** A term and the rest of its paragraph (the definition), or null when the paragraph holds no more. */
export interface SplitTerm {
  term: string;
  rest: Paragraph | null;
}

/**
 * Splits a definition-style paragraph: `**Term**: definition`, `*Term* — definition`, `` `term`: definition ``,
 * `Term: definition`, `Term — definition` (a term of at most six words); null when the paragraph is not a term
 * entry.
 *
 * Before: `**Frame**: a unit of transfer.`   After: { term: 'Frame', rest: `a unit of transfer.` }
 */
export function splitTermParagraph(paragraph: Paragraph): SplitTerm | null {
  const [first, ...tail] = paragraph.children;
  if (!first) return null;
  if (first.type === 'strong' || first.type === 'emphasis' || first.type === 'inlineCode') {
    const term = toString(first)
      .replace(/[:：]\s*$/, '')
      .trim();
    const rest: PhrasingContent[] = [...tail];
    const head = rest[0];
    const labelled = /[:：]\s*$/.test(toString(first));
    if (head?.type === 'text') {
      if (!labelled && !SEPARATOR.test(head.value)) return null;
      head.value = head.value.replace(SEPARATOR, '');
      if (head.value === '') rest.shift();
    } else if (head !== undefined && !labelled) return null;
    return term ? { term, rest: rest.length > 0 ? { type: 'paragraph', children: rest } : null } : null;
  }
  if (first.type === 'text') {
    const match =
      /^([^:：\n]{1,60}?)\s*[:：]\s+/.exec(first.value) ??
      /^([^:：\n]{1,60}?)[：]\s*/.exec(first.value) ??
      /^([^:：\n—–]{1,60}?)\s+(?:[—–]|--?)\s+/.exec(first.value);
    if (!match || match[1]!.trim().split(/\s+/).length > 6) return null;
    const restText = first.value.slice(match[0].length);
    const rest: PhrasingContent[] = [...(restText ? [{ type: 'text' as const, value: restText }] : []), ...tail];
    return { term: match[1]!.trim(), rest: rest.length > 0 ? { type: 'paragraph', children: rest } : null };
  }
  return null;
}
