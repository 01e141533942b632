import type { PrintMeta } from './print-meta.ts';

// The running header and the page numbers of a printed draft, as CSS page-margin boxes (Chromium prints them since
// version 131): GB/T 1.1 sets the document's label at the outer edge of the header above a rule, and the page
// number at the outer edge of the footer, so odd (right) pages carry them at the right and even (left) pages at the
// left; the cover carries neither. Chromium's own header templates cannot leave the first page out, margin boxes
// can. The meta texts become CSS strings: quotes, backslashes and line breaks escaped, `<` written as `\3c` so no
// text can close the style element.
//   { revisionLabel: MP-2026-001-02, draftName: 征求意见稿 }
//     → @page :right { @top-right { content: "MP-2026-001-02　征求意见稿"; … } @bottom-right { content: counter(page) " / " counter(pages) } }

/** `text` as a CSS string literal that is safe inside a `<style>` element. */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"<>]|[\u0000-\u001f\u007f]/g, (c) =>
    c === '\\' || c === '"' ? `\\${c}` : `\\${c.charCodeAt(0).toString(16)} `,
  );
  return `"${escaped}"`;
}

const FONT = "font-family: 'WenQuanYi Zen Hei', 'Noto Sans CJK SC', 'Liberation Sans', sans-serif; font-size: 9pt;";
const RULE = 'border-bottom: 0.5pt solid #000; vertical-align: bottom; padding-bottom: 1mm; margin-bottom: 4mm;';
const NUMBER = 'counter(page) " / " counter(pages)';

/** The margin boxes of every page but the cover: the revision label and stage, and "page / pages". */
export function runningHeaderCss(meta: Pick<PrintMeta, 'revisionLabel' | 'draftName'>): string {
  const header = cssString(`${meta.revisionLabel}　${meta.draftName}`);
  const side = (edge: 'left' | 'right') =>
    `  @top-${edge} { content: ${header}; text-align: ${edge}; ${FONT} ${RULE} }\n` +
    `  @bottom-${edge} { content: ${NUMBER}; text-align: ${edge}; vertical-align: top; padding-top: 4mm; ${FONT} }\n`;
  return [
    `@page :right {\n${side('right')}}`,
    `@page :left {\n${side('left')}}`,
    '@page :first {\n  @top-right { content: none; border: none; }\n  @bottom-right { content: none; }\n}',
    '',
  ].join('\n');
}
