import type { Browser } from 'playwright-core';
import { launchPrintBrowser } from './launch-print-browser.ts';
import type { PrintMeta } from './print-meta.ts';

// An HTML document (printDocumentHtml's) → A4 PDF through Chromium's print. The document is spec text: it is set
// in a fresh context with JavaScript off, and every request it would make (an image, a stylesheet, a frame, a
// prefetch) is aborted, so printing runs nothing and fetches nothing. The page size, margins, running header and
// page numbers are the document's own (`@page` rules and margin boxes: printDocumentHtml writes them, and
// Chromium's header templates could not leave the cover without them); Chromium adds a tagged (accessible) PDF
// and an outline (bookmarks) from the headings.

/** How `printPdf` runs. */
export interface PrintPdfOptions {
  /** A browser to reuse (it stays open); without one, a browser is launched for this document and closed. */
  browser?: Browser | undefined;
  /** Where Chromium is, when a browser is launched (default /usr/bin/chromium). */
  executablePath?: string | undefined;
  /** Told of every request the document tried to make (each one was aborted). */
  onBlockedRequest?: ((url: string) => void) | undefined;
}

/** Prints `html` (printDocumentHtml's) to a PDF, A4 unless the document says otherwise; `meta.lang` is the locale. */
export async function printPdf(html: string, meta: PrintMeta, options: PrintPdfOptions = {}): Promise<Buffer> {
  const own = options.browser === undefined;
  const browser = options.browser ?? (await launchPrintBrowser(options.executablePath));
  try {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      offline: true,
      serviceWorkers: 'block',
      acceptDownloads: false,
      locale: meta.lang,
    });
    try {
      await context.route('**/*', async (route) => {
        options.onBlockedRequest?.(route.request().url());
        // `aborted`, not `blockedbyclient`: a navigation blocked by the client commits Chromium's error page in
        // place of the document (a `<meta http-equiv="refresh">` would print that page); an aborted one leaves it.
        await route.abort('aborted');
      });
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        displayHeaderFooter: false,
        printBackground: true,
        tagged: true,
        outline: true,
      });
    } finally {
      await context.close();
    }
  } finally {
    if (own) await browser.close();
  }
}
