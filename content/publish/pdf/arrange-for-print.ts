import type { DraftLang } from '../../draft/draft-types.ts';
import type { DraftImageFile } from '../../figures/image-facts.ts';
import { MARKED_FIGURE, markFigures } from '../../figures/mark-figures.ts';
import { imageOfTag, imageTag, imageText, replaceImages } from '../../figures/replace-images.ts';
import { escapeHtml } from '../../render/escape-html.ts';
import {
  createCaptionNumbering,
  figureCaption,
  figureTitleOf,
  FIGURE_NUMBER_PATTERN,
  TABLE_NUMBER_PATTERN,
} from '../caption-numbering.ts';

// The draft page's HTML (renderDraftHtml's, sanitised when the revision was made) rearranged in the order of a
// printed GB/T document, by string edits on the renderer's own markup (spec text can hold none of it: the
// sanitiser drops buttons and classes, and escapes what a spec writes as HTML):
// - the cover comes first (on the page the contents come first), with the stage's draft name and the revision, and
//   at its foot the 发布 and 实施 dates under a rule and the issuing body;
// - the provenance controls and popovers go (a printout opens nothing);
// - each entry of the contents gets a dotted leader and a slot for its page number, of one width whether it is
//   filled or not, so the pages of a print that fills them (`contentsPages`) fall as in the one that measured them;
// - headings without a number (前言, 引言, 参考文献) and annex headings get a class, so each begins a page;
// - the standard's title opens its first page again, above clause 1, as GB/T 1.1 sets it;
// - when the source captions none of its tables, each table of the standard (not the portal's requirements register
//   after it) gets its number as GB/T sets it: 表1 … in the body, 表A.1 … in annex A (createCaptionNumbering);
// - a paragraph of one image is a figure, centred, and (when the source captions none of its figures) gets its
//   caption under it: 图1　<the image's title or alternative text>, 图A.1 … in annex A;
// - each image read from the mirror is embedded as a `data:` URL (the print fetches nothing); any other shows its
//   alternative text;
// - a long hexadecimal run in the text (a commit SHA) may break every 8 digits (`<wbr>`, no character added), so a
//   justified line before it is not stretched letter by letter.
//   <nav class="draft-toc">…</nav><article …><header class="draft-cover">…</header><h2 id="s-1">前言</h2>…
//     → <header class="draft-cover">…<p class="cover-stage">征求意见稿</p>…</header><nav …>…<h2 id="s-1" class="unnumbered">

/** What the cover says beyond the draft's own front matter. */
export interface CoverAdditions {
  /** The stage's draft name: `征求意见稿`. */
  draftName: string;
  /** The revision's label: `MP-2026-001-02`. */
  revisionLabel: string;
  /** The foot of the cover, as GB/T sets it under a rule: `XXXX-XX-XX发布`, `XXXX-XX-XX实施`, the issuing body. */
  issued: string;
  implemented: string;
  issuedBy: string;
  /** The draft's language, in which its tables are numbered (表1, Table 1); default Chinese. */
  lang?: string | undefined;
  /** The page each contents entry's heading is set on, by heading id (read back from a first print). */
  contentsPages?: ReadonlyMap<string, number> | undefined;
  /** The draft's images read from the mirror. */
  images?: readonly DraftImageFile[] | undefined;
}

const COVER = /<header class="draft-cover">[\s\S]*?<\/header>/;
const COVER_TITLE = /<p class="cover-title">([\s\S]*?)<\/p>/;
const BUTTON = /\s?<button class="prov-btn"[^>]*>[^<]*<\/button>\s?/g;
const BUTTON_ROW = /<div class="prov-row">[^<]*<button[^>]*>[^<]*<\/button>[^<]*<\/div>/g;
const POPOVERS = '<div class="prov-pops">';
// Headings the renderer writes: `<h2 id="…">` then the number's span, if any.
const ANNEX_HEADING = /<h2 id="([^"]+)"><span class="clause-num">((?:附录|Annex)\s*[A-Z])<\/span>/g;
const UNNUMBERED_HEADING = /<h2 id="((?!draft-contents"|register-title")[^"]+)">(?!<span class="clause-num">)/g;
const FIRST_CLAUSE = /<h2 id="[^"]+"><span class="clause-num">1<\/span>/;
const CONTENTS = /<nav class="draft-toc"[\s\S]*?<\/nav>/;
const CONTENTS_ENTRY = /<a href="#([^"]+)">([\s\S]*?)<\/a>/g;
const REGISTER = '<section class="draft-register-section"';
// A paragraph that starts with a table number, right before a table: the source's own caption.
const SOURCE_CAPTION = new RegExp(
  String.raw`<p\b[^>]*>\s*(?:<(?:strong|b|em|span)\b[^>]*>\s*)?${TABLE_NUMBER_PATTERN}(?=[\s　：:—<-])(?:(?!<\/p>)[\s\S])*<\/p>\s*<table\b`,
  'u',
);
// A paragraph of one image (markFigures).
const FIGURE = MARKED_FIGURE;
// A caption the source wrote for its figure: a paragraph starting with a figure number, right after or before one.
const FIGURE_CAPTION_START = String.raw`<p\b[^>]*>\s*(?:<(?:strong|b|em|span)\b[^>]*>\s*)?${FIGURE_NUMBER_PATTERN}(?=[\s　：:—.<-])`;
const SOURCE_FIGURE_CAPTION = new RegExp(
  String.raw`${FIGURE}\s*${FIGURE_CAPTION_START}|${FIGURE_CAPTION_START}(?:(?!<\/p>)[\s\S])*<\/p>\s*${FIGURE}`,
  'u',
);
const NUMBERED = new RegExp(
  String.raw`<h2 id="[^"]+"><span class="clause-num">(?:附录|Annex)\s*([A-Z])<\/span>|<table\b|${FIGURE}`,
  'g',
);
const TEXT = />([^<]+)</g;
const LONG_HEX = /\b[0-9a-f]{16,}\b/g;

/** Lets long hexadecimal runs in text (never in attributes) break every 8 digits. */
const breakLongHex = (html: string): string =>
  html.replace(TEXT, (text) => text.replace(LONG_HEX, (hex) => hex.replace(/.{8}(?=.)/g, '$&<wbr>')));

/** Each contents entry as title, leader and page number (empty until the pages are known). */
const withPageSlots = (html: string, pages: ReadonlyMap<string, number> | undefined): string =>
  html.replace(CONTENTS, (nav) =>
    nav.replace(
      CONTENTS_ENTRY,
      (_, id: string, inner: string) =>
        `<a href="#${id}"><span class="toc-title">${inner}</span><span class="toc-leader"></span>` +
        `<span class="toc-page">${pages?.get(id) ?? ''}</span></a>`,
    ),
  );

/**
 * Each table of the standard with its number above it and each figure centred with its caption under it, unless the
 * source captions that kind itself.
 */
function numberTablesAndFigures(html: string, lang: DraftLang): string {
  const at = html.indexOf(REGISTER);
  const standard = markFigures(at < 0 ? html : html.slice(0, at));
  const numberTables = !SOURCE_CAPTION.test(standard);
  const numberFigures = !SOURCE_FIGURE_CAPTION.test(standard);
  const numbers = createCaptionNumbering(lang);
  const numbered = standard.replace(
    NUMBERED,
    (found, letter: string | undefined, _id: string | undefined, content: string | undefined) => {
      if (letter !== undefined) {
        numbers.enterAnnex(letter);
        return found;
      }
      if (content === undefined)
        return numberTables ? `<p class="table-caption">${escapeHtml(numbers.next('table'))}</p>${found}` : found;
      if (!numberFigures) return found;
      const caption = figureCaption(numbers.next('figure'), figureTitleOf(imageOfTag(content)), lang);
      return `${found}<p class="figure-caption">${escapeHtml(caption)}</p>`;
    },
  );
  return at < 0 ? numbered : numbered + html.slice(at);
}

/** Each image as a `data:` URL of its bytes, or its alternative text when it was not read. */
function embedImages(html: string, images: readonly DraftImageFile[]): string {
  const bySrc = new Map(images.map((image) => [image.src, image]));
  return replaceImages(html, (image) => {
    const file = bySrc.get(image.src);
    if (!file) return imageText(image, false);
    const data = `data:${file.facts.mime};base64,${Buffer.from(file.bytes).toString('base64')}`;
    return imageTag(data, image, { width: file.facts.width, height: file.facts.height });
  });
}

/** The heading ids the contents link to, in order. */
export function contentsEntryIds(draftHtml: string): string[] {
  const nav = CONTENTS.exec(draftHtml)?.[0] ?? '';
  return [...nav.matchAll(CONTENTS_ENTRY)].map((m) => m[1]!);
}

/** Cuts the element that opens at `start` (a `div`) with everything nested in it. */
function cutDiv(html: string, start: number): string {
  const tags = /<div\b|<\/div>/g;
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0] === '</div>' ? -1 : 1;
    if (depth === 0) return html.slice(0, start) + html.slice(m.index + m[0].length);
  }
  return html.slice(0, start);
}

/** The draft HTML in print order, without anything interactive; HTML from elsewhere passes through unchanged. */
export function arrangeForPrint(draftHtml: string, cover: CoverAdditions): string {
  let html = draftHtml.replace(BUTTON_ROW, '').replace(BUTTON, (found) => (/^\s.*\s$/s.test(found) ? ' ' : ''));
  const popovers = html.indexOf(POPOVERS);
  if (popovers >= 0) html = cutDiv(html, popovers);

  const found = COVER.exec(html);
  if (found) {
    html = html.slice(0, found.index) + html.slice(found.index + found[0].length);
    const title = COVER_TITLE.exec(found[0])?.[1];
    if (title !== undefined) html = html.replace(FIRST_CLAUSE, (h2) => `<p class="body-title">${title}</p>${h2}`);
    const stage =
      `<p class="cover-stage">${escapeHtml(cover.draftName)}</p>` +
      `<p class="cover-revision">${escapeHtml(cover.revisionLabel)}</p>`;
    const date = found[0].indexOf('<p class="cover-date">');
    const foot =
      `<p class="cover-dates"><span>${escapeHtml(cover.issued)}</span><span>${escapeHtml(cover.implemented)}</span></p>` +
      `<p class="cover-issuer">${escapeHtml(cover.issuedBy)}</p>`;
    const withStage = (
      date >= 0
        ? found[0].slice(0, date) + stage + found[0].slice(date)
        : found[0].replace(/<\/header>$/, `${stage}</header>`)
    ).replace(/<\/header>$/, `${foot}</header>`);
    const marker = html.startsWith('<!--') ? html.indexOf('-->') + 3 : 0;
    html = html.slice(0, marker) + withStage + html.slice(marker);
  }
  html = embedImages(numberTablesAndFigures(html, cover.lang === 'en' ? 'en' : 'zh'), cover.images ?? []);
  return breakLongHex(withPageSlots(html, cover.contentsPages))
    .replace(ANNEX_HEADING, '<h2 id="$1" class="annex"><span class="clause-num">$2</span>')
    .replace(UNNUMBERED_HEADING, '<h2 id="$1" class="unnumbered">');
}
