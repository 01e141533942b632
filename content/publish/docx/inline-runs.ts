import { Bookmark, ExternalHyperlink, InternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { Element, ElementContent } from 'hast';
import { CLAUSE_ID_PATTERN } from '../../draft/clause-id.ts';
import { bookmarkNameOf } from './bookmark-name.ts';
import type { DocxContext } from './docx-context.ts';
import { docxImageRun } from './docx-image.ts';
import { TEXT_WIDTH } from './gbt-layout.ts';
import { CODE_CHAR_STYLE } from './gbt-styles.ts';
import { textRun } from './text-run.ts';
import { xmlSafeText } from './xml-safe-text.ts';

// Phrasing content of the sanitised tree as Word runs: emphasis and strong as italic and bold runs, code spans in
// the code character style, links to a clause as links to its bookmark, web links as hyperlinks, `<br>` as a break,
// an image read from the mirror as a picture (else its text in brackets).
//   <p>A <strong>client</strong> shall <a href="#c-234e…">see 4.1</a>.</p>
//     → TextRun "A ", TextRun bold "client", TextRun " shall ", InternalHyperlink(c_234e…) "see 4.1", TextRun "."

/** How the runs of a stretch of text look. */
interface Look {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  superScript?: boolean;
  link?: boolean;
}

const WEB = /^(?:https?:|mailto:)/i;

/** The text's width in CSS pixels (a twip is 1/15 of one): no picture is wider. */
const TEXT_WIDTH_PX = Math.floor(TEXT_WIDTH / 15);

/** Text outside code: a line break of the source is a space (Chinese lines were joined before). */
const flow = (text: string): string => text.replace(/[ \t]*\r?\n[ \t]*/g, ' ');

function runOf(text: string, look: Look): TextRun {
  return textRun(look.code ? text : flow(text), {
    ...(look.bold ? { bold: true } : {}),
    ...(look.italics ? { italics: true } : {}),
    ...(look.strike ? { strike: true } : {}),
    ...(look.superScript ? { superScript: true } : {}),
    ...(look.code ? { style: CODE_CHAR_STYLE } : look.link ? { style: 'Hyperlink' } : {}),
  });
}

/** The clause ID a link points at, when it is an anchored clause's (`#c-…`). */
export function clauseTarget(href: unknown, ctx: DocxContext): string | undefined {
  if (typeof href !== 'string' || !href.startsWith('#')) return undefined;
  const id = decodeURIComponent(href.slice(1));
  return CLAUSE_ID_PATTERN.test(id) && ctx.anchored.has(id) ? id : undefined;
}

/** The runs of phrasing content. */
export function inlineRuns(nodes: readonly ElementContent[], ctx: DocxContext, look: Look = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.value !== '') out.push(runOf(node.value, look));
      continue;
    }
    if (node.type !== 'element') continue;
    const inner = (more: Look): ParagraphChild[] => inlineRuns(node.children, ctx, { ...look, ...more });
    switch (node.tagName) {
      case 'strong':
      case 'b':
        out.push(...inner({ bold: true }));
        break;
      case 'em':
      case 'i':
        out.push(...inner({ italics: true }));
        break;
      case 'del':
      case 's':
        out.push(...inner({ strike: true }));
        break;
      case 'code':
      case 'kbd':
      case 'samp':
        out.push(...inner({ code: true }));
        break;
      case 'sup':
        out.push(...inner({ superScript: true }));
        break;
      case 'br':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'img': {
        const alt = typeof node.properties['alt'] === 'string' ? node.properties['alt'].trim() : '';
        const src = node.properties['src'];
        const file = typeof src === 'string' ? ctx.images.get(src) : undefined;
        const picture = file && docxImageRun(file, TEXT_WIDTH_PX, alt);
        if (picture) out.push(picture);
        else if (alt) out.push(runOf(`[${alt}]`, look));
        break;
      }
      case 'input':
        out.push(runOf(node.properties['checked'] ? '☑ ' : '☐ ', look));
        break;
      case 'a':
        out.push(...link(node, ctx, look));
        break;
      default:
        out.push(...inner({}));
    }
  }
  return out;
}

/** A link: to a clause's bookmark, to the web, or (a footnote's way back, anything else) its text only. */
function link(node: Element, ctx: DocxContext, look: Look): ParagraphChild[] {
  const href = node.properties['href'];
  if (node.properties['dataFootnoteBackref'] !== undefined) return [];
  const clause = clauseTarget(href, ctx);
  if (clause !== undefined)
    return [
      new InternalHyperlink({
        anchor: bookmarkNameOf(clause),
        children: inlineRuns(node.children, ctx, { ...look, link: true }) as TextRun[],
      }),
    ];
  if (typeof href === 'string' && WEB.test(href))
    return [
      new ExternalHyperlink({
        link: xmlSafeText(href),
        children: inlineRuns(node.children, ctx, { ...look, link: true }) as TextRun[],
      }),
    ];
  return inlineRuns(node.children, ctx, look);
}

/** `children` in the bookmark of clause `id`, when it has one and it was not given yet. */
export function bookmarked(id: string | undefined, children: ParagraphChild[], ctx: DocxContext): ParagraphChild[] {
  if (id === undefined || ctx.bookmarked.has(id) || !ctx.clauses.has(id) || !CLAUSE_ID_PATTERN.test(id))
    return children;
  ctx.bookmarked.add(id);
  return [new Bookmark({ id: bookmarkNameOf(id), children })];
}
