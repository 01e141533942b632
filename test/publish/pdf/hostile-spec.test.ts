// Spec text is untrusted: a spec that writes a script, an event handler, an external image, a stylesheet and a
// frame prints as text, runs nothing and fetches nothing. A server on loopback stands for the network and counts
// every request that reaches it; the printer's route handler counts every request it aborted.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfPrinter } from '../../../content/publish/pdf/create-pdf-printer.ts';
import { printDocumentHtml } from '../../../content/publish/pdf/print-document-html.ts';
import type { PrintMeta } from '../../../content/publish/pdf/print-meta.ts';
import { printPdf } from '../../../content/publish/pdf/print-pdf.ts';
import { launchChromium } from '../../support/launch-chromium.ts';
import { hostileSpec } from './fixtures.ts';
import { makeDraftHtml } from './make-draft-html.ts';
import { readPdf } from './read-pdf.ts';

const META: PrintMeta = {
  proposalNumber: 'MP-2026-009',
  revisionLabel: 'MP-2026-009-00',
  draftName: 'Working draft',
  lang: 'en',
};

describe('a hostile spec printed to PDF', () => {
  let server: Server;
  let origin: string;
  const reached: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      reached.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('fetched');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('prints the spec’s script and tags as text, running and fetching nothing', async () => {
    const draftHtml = await makeDraftHtml({ path: 'spec/hostile.md', text: hostileSpec(origin), lang: 'en' });
    // The draft page keeps the spec's image as an image: the print must not load it.
    expect(draftHtml).toContain(`<img src="${origin}/spec-image.png"`);
    const blocked: string[] = [];
    const printer = createPdfPrinter({ onBlockedRequest: (url) => blocked.push(url) });
    try {
      const pdf = await printer.print(printDocumentHtml({ draftHtml, meta: META }), META);
      const text = (await readPdf(pdf)).pages.join('\n');
      expect(text).toContain("<script>document.body.append('SCRIPT' + 'RAN');");
      expect(text).toContain('<iframe src=');
      expect(text).toContain('A bus shall deliver every event.');
      expect(text).not.toContain('SCRIPTRAN');
      expect(text).not.toContain('ONERRORRAN');
      expect(text).not.toContain('fetched');
    } finally {
      await printer.close();
    }
    // The document's own policy stops the image before it is even asked for; nothing left the browser.
    expect(blocked.filter((url) => url.startsWith(origin))).toEqual([]);
    expect(reached).toEqual([]);
  });

  describe('printPdf on a document with no policy of its own, in a browser it was given', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium(); // not the printer's: its host names resolve
    });
    afterAll(() => browser?.close());

    it('runs no script or handler and aborts every request, so none reaches the network', async () => {
      const raw = [
        '<!DOCTYPE html><html lang="en"><head>',
        `<link rel="stylesheet" href="${origin}/style.css">`,
        `<style>@import url("${origin}/import.css"); body { background: url("${origin}/bg.png") }</style>`,
        '</head><body><h2>Raw</h2><p>A page of text.</p>',
        `<script>document.body.append('SCRIPT' + 'RAN'); fetch('${origin}/script-fetch');</script>`,
        `<img src="${origin}/img.png" onerror="document.body.append('ONERROR' + 'RAN')">`,
        `<img src="x" onerror="document.body.append('ONERROR' + 'RAN')">`,
        `<iframe src="${origin}/frame"></iframe>`,
        `<meta http-equiv="refresh" content="0; url=${origin}/refresh">`,
        '</body></html>',
      ].join('\n');
      const blocked: string[] = [];
      const pdf = await printPdf(raw, META, { browser, onBlockedRequest: (url) => blocked.push(url) });
      const text = (await readPdf(pdf)).pages.join('\n');
      expect(text).toContain('A page of text.');
      expect(text).not.toContain('SCRIPTRAN');
      expect(text).not.toContain('ONERRORRAN');
      // The route saw what the document asked for and aborted each one.
      expect(blocked).toEqual(expect.arrayContaining([`${origin}/style.css`, `${origin}/img.png`, `${origin}/frame`]));
      expect(blocked.some((url) => url.includes('script-fetch'))).toBe(false);
      expect(reached).toEqual([]);
      expect(browser.isConnected()).toBe(true); // the caller's browser stays open
    });
  });
});
