import type { DraftImageFile } from '../../figures/image-facts.ts';
import { contentsEntryIds } from './arrange-for-print.ts';
import type { PdfPrinter } from './create-pdf-printer.ts';
import { destinationPages } from './destination-pages.ts';
import { printDocumentHtml } from './print-document-html.ts';
import type { PrintMeta } from './print-meta.ts';

// A draft revision's PDF whose contents (目次) give each entry's page, as GB/T 1.1 sets them: Chromium's print
// cannot number pages it has not laid out yet (no `target-counter`), so the draft is printed once with empty page
// slots of a fixed width, the page of every heading the contents link to is read back from that PDF's named
// destinations, and the draft is printed again with the numbers in the slots. The slots keep the layout, so the
// second print's pages are the first's; that is checked, and a print whose pages still moved is made again (at
// most `MAX_PRINTS` prints in all).
//   printDraftPdf(printer, draftHtml, meta) → %PDF… whose page 2 reads "目 次 前言 …… 3  1 范围 …… 5 …"

const MAX_PRINTS = 3;

const samePages = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean =>
  a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);

/** Prints a draft revision's HTML (`draft_html`) to PDF with the contents' page numbers filled in and its images. */
export async function printDraftPdf(
  printer: PdfPrinter,
  draftHtml: string,
  meta: PrintMeta,
  images: readonly DraftImageFile[] = [],
): Promise<Buffer> {
  const ids = contentsEntryIds(draftHtml);
  let pdf = await printer.print(printDocumentHtml({ draftHtml, meta, images }), meta);
  if (ids.length === 0) return pdf;
  let printed: ReadonlyMap<string, number> | undefined;
  for (let prints = 1; prints < MAX_PRINTS; prints++) {
    const pages = await destinationPages(pdf, ids);
    if (pages.size === 0 || (printed && samePages(pages, printed))) return pdf;
    pdf = await printer.print(printDocumentHtml({ draftHtml, meta, contentsPages: pages, images }), meta);
    printed = pages;
  }
  return pdf;
}
