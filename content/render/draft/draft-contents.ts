import type { Element } from 'hast';
import { both } from './both-languages.ts';
import { el, txt } from './hast-builder.ts';
import type { ContentsEntry } from './rehype-clause-anchors.ts';

// The contents (目次) of the draft from its headings: chapters (h2) and their first-level subclauses (h3), each
// with its number in a column of its own and a link to the heading's anchor.
//   <nav class="draft-toc"><ol><li><a href="#c-234e…"><span class="toc-num">4</span> Frames</a><ol>…

/** The contents as a `nav`; `maxDepth` 3 lists chapters and their subclauses. */
export function draftContents(headings: readonly ContentsEntry[], maxDepth = 3): Element {
  const root = el('ol');
  let chapter: Element | undefined;
  for (const h of headings) {
    if (h.depth < 2 || h.depth > maxDepth) continue;
    const item = el('li', {}, [
      el('a', { href: `#${h.id}` }, [
        ...(h.number ? [el('span', { className: ['toc-num'] }, [txt(h.number)]), txt(' ')] : []),
        txt(h.title),
      ]),
    ]);
    if (h.depth === 2 || chapter === undefined) {
      root.children.push(item);
      chapter = item;
    } else {
      let sub = chapter.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol');
      if (!sub) chapter.children.push((sub = el('ol')));
      sub.children.push(item);
    }
  }
  return el('nav', { className: ['draft-toc'], ariaLabelledBy: ['draft-contents'] }, [
    el(
      'h2',
      { id: 'draft-contents' },
      both((t) => t.draftPage.contents),
    ),
    root,
  ]);
}
