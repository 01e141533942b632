import type { Element, ElementContent } from 'hast';
import { parse } from 'yaml';
import { el, textOf, txt } from './hast-builder.ts';

// The cover of the draft from its YAML front matter, laid out as GB/T 1.1 places it: ICS and CCS codes, the kind
// of standard (团体标准) and its number, the titles, the date. The draft's `# title` becomes the cover title.
//   standard: { name: 团体标准, number: T/XXX XXXX—XXXX }, title: { zh: 编解码协议, en: Codec protocol }
//     → <header class="draft-cover"><p class="cover-kind">团体标准</p>…<p class="cover-title">编解码协议</p>…

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const field = (data: unknown, ...path: string[]): string | null => {
  let at: unknown = data;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : null;
  return str(at);
};

/** The cover; `title` is the content of the draft's first `#` heading, when it has one. */
export function draftCover(frontMatter: string | null, title: ElementContent[] | null): Element {
  let data: unknown = null;
  try {
    data = frontMatter === null ? null : (parse(frontMatter) as unknown);
  } catch {
    data = null; // a cover without data is still a cover: the generator always writes valid YAML
  }
  const p = (className: string, text: string | null): Element[] =>
    text === null ? [] : [el('p', { className: [className] }, [txt(text)])];
  const codes = [field(data, 'standard', 'ics'), field(data, 'standard', 'ccs')];
  const zh = field(data, 'title', 'zh');
  const en = field(data, 'title', 'en');
  const mainText = title ? title.map(textOf).join('').trim() : (zh ?? en ?? '');
  const main = title ?? (mainText ? [txt(mainText)] : []);
  const other = [zh, en].find((t) => t !== null && t !== mainText) ?? null;
  return el('header', { className: ['draft-cover'] }, [
    ...p('cover-codes', codes[0] || codes[1] ? `ICS ${codes[0] ?? '—'}　CCS ${codes[1] ?? '—'}` : null),
    ...p('cover-kind', field(data, 'standard', 'name')),
    ...p('cover-number', field(data, 'standard', 'number')),
    ...(main.length ? [el('p', { className: ['cover-title'] }, main)] : []),
    ...p('cover-subtitle', other),
    ...p('cover-date', field(data, 'date')),
  ]);
}
