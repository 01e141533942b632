// The printer owns one lazily launched Chromium: many documents one at a time on it, a new one when it went away
// or was closed, and a DomainError that says what to install when there is no Chromium, without crashing anyone.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createPdfPrinter } from '../../../content/publish/pdf/create-pdf-printer.ts';
import { launchPrintBrowser } from '../../../content/publish/pdf/launch-print-browser.ts';
import { printDocumentHtml } from '../../../content/publish/pdf/print-document-html.ts';
import type { PrintMeta } from '../../../content/publish/pdf/print-meta.ts';
import { printPdf } from '../../../content/publish/pdf/print-pdf.ts';
import { isDomainError } from '../../../kernel/errors/domain-error.ts';
import { readPdf } from './read-pdf.ts';

const META: PrintMeta = {
  proposalNumber: 'MP-2026-003',
  revisionLabel: 'MP-2026-003-04',
  draftName: '送审稿',
  lang: 'zh-CN',
};
const doc = (text: string, meta: PrintMeta = META) =>
  printDocumentHtml({ draftHtml: `<article class="standard"><h2 id="s-1">前言</h2><p>${text}</p></article>`, meta });

describe('createPdfPrinter', () => {
  it('launches one browser at the first print and prints every document on it, one at a time', async () => {
    const launched: Browser[] = [];
    const printer = createPdfPrinter({
      launch: async (path) => {
        const browser = await launchPrintBrowser(path);
        launched.push(browser);
        return browser;
      },
    });
    expect(launched).toHaveLength(0); // nothing starts until something is printed
    try {
      const pdfs = await Promise.all(['第一份', '第二份', '第三份'].map((t) => printer.print(doc(t), META)));
      const texts = await Promise.all(pdfs.map(async (pdf) => (await readPdf(pdf)).pages.join('')));
      expect(texts.map((t) => /第.份/.exec(t)?.[0])).toEqual(['第一份', '第二份', '第三份']);
      expect(launched).toHaveLength(1);

      // The browser went away (a crash, someone closed it): the next print starts another.
      await launched[0]!.close();
      expect((await readPdf(await printer.print(doc('第四份'), META))).pages.join('')).toContain('第四份');
      expect(launched).toHaveLength(2);
    } finally {
      await printer.close();
    }
    expect(launched.every((b) => !b.isConnected())).toBe(true);
  });

  it('starts again after close()', async () => {
    const printer = createPdfPrinter();
    await printer.print(doc('一'), META);
    await printer.close();
    expect((await readPdf(await printer.print(doc('二'), META))).pages.join('')).toContain('二');
    await printer.close();
  });

  it('refuses with what to install when Chromium is missing, print after print, without crashing', async () => {
    const printer = createPdfPrinter({ executablePath: '/nonexistent/chromium' });
    for (let i = 0; i < 2; i++) {
      const error: unknown = await printer.print(doc('无'), META).catch((e: unknown) => e);
      expect(isDomainError(error, 'unavailable')).toBe(true);
      expect(error).toMatchObject({ code: 'pdf_browser_missing', params: { executablePath: '/nonexistent/chromium' } });
      expect((error as Error).message).toContain('/nonexistent/chromium');
      expect((error as Error).message).toContain('apt-get install -y chromium');
    }
    await expect(printer.close()).resolves.toBeUndefined();
    await expect(printPdf(doc('无'), META, { executablePath: '/nonexistent/chromium' })).rejects.toMatchObject({
      code: 'pdf_browser_missing',
    });
  });

  it('prints meta texts as text: a label that tries to close the style and open a script is only words', async () => {
    const hostile: PrintMeta = {
      ...META,
      revisionLabel: 'MP-1"} </style><script>document.body.append("PW" + "NED")</script>',
      draftName: '稿\\" \n<b>',
    };
    const html = printDocumentHtml({
      draftHtml: '<article class="standard"><p>封面</p><h2 id="s-1">前言</h2><p>正文。</p></article>',
      meta: hostile,
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    const pdf = await printPdf(html, hostile); // its own browser, launched and closed
    const facts = await readPdf(pdf);
    expect(facts.pages.join('\n')).not.toContain('PWNED');
    // The title is the label as written (HTML folds the line break into a space).
    expect(facts.title).toBe('MP-1"} </style><script>document.body.append("PW" + "NED")</script> 稿\\" <b>');
    // So is the running header of the second page.
    expect(facts.pages[1]).toContain('MP-1"} </style><script>document.body.append("PW" + "NED")</script>');
  });
});
