import { readFileSync } from 'node:fs';
import { fill, messagesFor } from '../../i18n/messages.ts';
import { draftLabelCss } from '../../render/draft/draft-label-css.ts';
import { DATE_PLACEHOLDER } from '../docx/revision-docx-meta.ts';
import type { DraftImageFile } from '../../figures/image-facts.ts';
import { arrangeForPrint } from './arrange-for-print.ts';
import { escapeHtml } from '../../render/escape-html.ts';
import type { PrintMeta } from './print-meta.ts';
import { runningHeaderCss } from './running-header-css.ts';

// A draft revision as one standalone HTML document for Chromium's print: the draft HTML in print order, the print
// stylesheet, the running header (the revision label and stage) and the draft's label words inlined, and a Content-Security-Policy that lets nothing load (no script,
// no image, font or style from anywhere: the document is all there is).
//   { draftHtml: "<!-- magnolia-draft-html 2 -->\n<nav …", meta: { revisionLabel: "MP-2026-001-02", … } }
//     → "<!DOCTYPE html><html lang="zh-CN"><head>…<title>MP-2026-001-02 征求意见稿</title><style>@page { size: A4 }…"

const PRINT_CSS = readFileSync(new URL('./print.css', import.meta.url), 'utf8');

/** The policy of the printed document: inline styles and inline (data:) images only. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The cover's foot in the draft's language: the dates a draft prints as XXXX-XX-XX, the issuer's placeholder. */
function coverFoot(meta: PrintMeta): { issued: string; implemented: string; issuedBy: string } {
  const w = messagesFor(meta.lang).draftDocx;
  return {
    issued: fill(w.issued, { date: DATE_PLACEHOLDER }),
    implemented: fill(w.implemented, { date: DATE_PLACEHOLDER }),
    issuedBy: fill(w.issuedBy, { issuer: w.issuerPlaceholder }),
  };
}

/** The complete HTML document to print for a draft revision's HTML (`draft_html`). */
export function printDocumentHtml(input: {
  draftHtml: string;
  meta: PrintMeta;
  /** The contents' page numbers by heading id, once a first print has set the pages (`printDraftPdf`). */
  contentsPages?: ReadonlyMap<string, number> | undefined;
  /** The draft's images read from the mirror, embedded as `data:` URLs. */
  images?: readonly DraftImageFile[] | undefined;
}): string {
  const { draftHtml, meta, contentsPages, images } = input;
  const title = `${meta.revisionLabel} ${meta.draftName}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(meta.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(`${meta.proposalNumber} · ${title}`)}">`,
    `<style>\n${PRINT_CSS}\n${runningHeaderCss(meta)}\n${draftLabelCss()}</style>`,
    '</head>',
    '<body>',
    arrangeForPrint(draftHtml, { ...meta, ...coverFoot(meta), contentsPages, images }),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
