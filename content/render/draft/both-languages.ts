import type { Element } from 'hast';
import { messagesFor, type Messages } from '../../i18n/messages.ts';
import { el, txt } from './hast-builder.ts';

// The draft's HTML is rendered once, at generation, but read in either language: its few interface words (the
// provenance labels, the table headings) go in both, and the stylesheet shows the page's own (`.l:lang(...)`).
//   both((t) => t.draftPage.file)  →  <span class="l" lang="zh-CN">文件</span><span class="l" lang="en">File</span>

/** One interface word of the draft page in both languages, each in a span the page's language picks. */
export function both(pick: (t: Messages) => string): Element[] {
  return [
    el('span', { className: ['l'], lang: 'zh-CN' }, [txt(pick(messagesFor('zh-CN')))]),
    el('span', { className: ['l'], lang: 'en' }, [txt(pick(messagesFor('en')))]),
  ];
}
