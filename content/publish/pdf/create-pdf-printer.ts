import type { Browser } from 'playwright-core';
import { launchPrintBrowser } from './launch-print-browser.ts';
import type { PrintMeta } from './print-meta.ts';
import { printPdf } from './print-pdf.ts';

// One Chromium for many PDFs: launched at the first print (a portal that never prints never starts it), reused by
// every print after, one document at a time (a browser printing two large drafts at once only makes both slow),
// launched again when it went away, closed by `close()`. A print that fails (no browser, a crash) rejects that
// print alone; the queue goes on.

/** Prints HTML documents to PDF through one lazily launched browser. */
export interface PdfPrinter {
  /** Prints one document (printDocumentHtml's); waits for the prints queued before it. */
  print(html: string, meta: PrintMeta): Promise<Buffer>;
  /** Closes the browser once the queued prints are done; a print after it launches a new one. */
  close(): Promise<void>;
}

/** How the printer finds its browser and reports what documents tried to fetch. */
export interface PdfPrinterOptions {
  /** Where Chromium is (default /usr/bin/chromium). */
  executablePath?: string | undefined;
  /** Told of every request a document tried to make (each one was aborted). */
  onBlockedRequest?: ((url: string) => void) | undefined;
  /** Starts the browser (default launchPrintBrowser); tests count launches through it. */
  launch?: ((executablePath?: string) => Promise<Browser>) | undefined;
}

/** A printer that owns its browser. */
export function createPdfPrinter(options: PdfPrinterOptions = {}): PdfPrinter {
  let browser: Promise<Browser> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const open = (): Promise<Browser> => {
    if (browser === undefined) {
      const launching = (options.launch ?? launchPrintBrowser)(options.executablePath);
      browser = launching;
      launching.then(
        (b) => b.on('disconnected', () => browser === launching && (browser = undefined)),
        () => browser === launching && (browser = undefined), // the next print tries again
      );
    }
    return browser;
  };

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    print: (html, meta) =>
      enqueue(async () => printPdf(html, meta, { browser: await open(), onBlockedRequest: options.onBlockedRequest })),
    close: () =>
      enqueue(async () => {
        const current = browser;
        browser = undefined;
        const b = await current?.catch(() => undefined);
        await b?.close();
      }),
  };
}
