// The Word and PDF downloads of real revisions through the app: made once in the background after a revision is
// ready (MAGNOLIA_REVISION_FILES=on), else on the first download (503 with Retry-After until the queue made them),
// kept in the store, sent as attachments cached for a day (no-cache while an earlier layout's file is made again); a PDF that cannot be printed (no Chromium) says what to install.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfPrinter } from '../../content/publish/pdf/create-pdf-printer.ts';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { bookmarkNameOf } from '../../content/publish/docx/bookmark-name.ts';
import { createDownloadsService, REVISION_FILES_LAYOUT } from '../../sync/downloads/downloads-service.ts';
import { proposeAndApprove } from '../support/demo-proposal.ts';
import { captureLog } from '../support/capture-log.ts';
import { demoSessions } from '../support/demo-sessions.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { openDocx } from './docx/read-docx.ts';
import { readPdf } from './pdf/read-pdf.ts';

let lazy: TestInstance;
let eager: TestInstance;
beforeAll(async () => {
  [lazy, eager] = await Promise.all([
    startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_DEMO_PROPOSALS: 'on' } }),
    startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_REVISION_FILES: 'on' } }),
  ]);
  await lazy.worker.drain();
}, 240_000);
afterAll(async () => {
  await lazy?.destroy();
  await eager?.destroy();
});

const get = (app: TestInstance, path: string) => fetch(`${app.url}${path}`);
const manifestOf = async (app: TestInstance, number: string, rev: number) =>
  (await (await get(app, `/api/proposals/${number}/revisions/${rev}/manifest.json`)).json()) as DraftManifest;

/** A downloads service over the lazy instance's store whose printer finds no Chromium. */
const withoutChromium = () =>
  createDownloadsService({
    store: lazy.store,
    clock: lazy.clock,
    log: captureLog().log,
    workflow: () => lazy.services.proposals.workflow().workflow,
    printer: createPdfPrinter({ executablePath: '/nonexistent/chromium' }),
  });

describe('Word and PDF downloads of a revision', () => {
  it('are made on the first download when not made in the background, then sent as attachments', async () => {
    const first = await get(lazy, '/api/proposals/MP-2026-001/revisions/1/draft.docx');
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('30');
    expect(((await first.json()) as { error: { code: string } }).error.code).toBe('revision_file_being_made');
    expect((await get(lazy, '/api/proposals/MP-2026-001/revisions/1/draft.pdf')).status).toBe(503);
    await lazy.worker.drain();
    expect(lazy.store.revisionFiles.formats('MP-2026-001', 1).map((f) => [f.format, f.made])).toEqual([
      ['docx', true],
      ['pdf', true],
    ]);

    const docx = await get(lazy, '/api/proposals/MP-2026-001/revisions/1/draft.docx');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers.get('content-disposition')).toContain('MP-2026-001-01.docx');
    expect(docx.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(docx.headers.get('etag')).toBeTruthy();
    const opened = await openDocx(Buffer.from(await docx.arrayBuffer()));
    const bookmarks = new Set(opened.paragraphs.flatMap((p) => p.bookmarks));
    const manifest = await manifestOf(lazy, 'MP-2026-001', 1);
    for (const clause of manifest.clauses) expect(bookmarks.has(bookmarkNameOf(clause.id)), clause.id).toBe(true);

    const pdf = await get(lazy, '/api/proposals/MP-2026-001/revisions/1/draft.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const facts = await readPdf(Buffer.from(await pdf.arrayBuffer()));
    expect(facts.pages.length).toBeGreaterThan(1);
    expect(facts.pages.slice(1).join(' ')).toContain('MP-2026-001-01');
    expect(facts.outline.length).toBeGreaterThan(3);
    // The contents give pages: printed twice, the second time with the pages the first print set.
    expect(facts.pages[1]).toMatch(/1 范围 \d+/);
    expect(facts.fonts.some((f) => f.type === 'Type3')).toBe(false);
  });

  it('are made in the background as soon as a revision is ready, when MAGNOLIA_REVISION_FILES is on', async () => {
    const { number } = await proposeAndApprove(
      eager,
      demoSessions(() => eager),
    );
    expect(eager.store.revisionFiles.formats(number, 0).map((f) => [f.format, f.made])).toEqual([
      ['docx', true],
      ['pdf', true],
    ]);
    expect((await get(eager, `/api/proposals/${number}/revisions/0/draft.pdf`)).status).toBe(200);
    // The proposal page offers both.
    const page = await (await get(eager, `/proposals/${number}?lang=en`)).text();
    expect(page).toContain(`href="/api/proposals/${number}/revisions/0/draft.docx"`);
    expect(page).toContain(`href="/api/proposals/${number}/revisions/0/draft.pdf"`);
  });

  it('refuse a revision that does not exist or is not a revision', async () => {
    expect((await get(lazy, '/api/proposals/MP-2026-001/revisions/99/draft.docx')).status).toBe(404);
    expect((await get(lazy, '/api/proposals/MP-2026-001/revisions/x/draft.pdf')).status).toBe(404);
    expect((await get(lazy, '/api/proposals/MP-2099-001/revisions/0/draft.pdf')).status).toBe(404);
  });

  it('say that Chromium is missing when the PDF cannot be printed, and keep the Word file', async () => {
    const downloads = withoutChromium();
    try {
      expect(await downloads.make('MP-2026-002', 0)).toEqual(['docx']);
      expect(downloads.made('MP-2026-002', 0)).toEqual(['docx']);
      expect(() => downloads.file('MP-2026-002', 0, 'pdf')).toThrow(/apt-get install -y chromium/);
      expect(downloads.file('MP-2026-002', 0, 'docx').filename).toBe('MP-2026-002-00.docx');
      // The refusal is the answer of the app too, until it is tried again.
      const refused = await get(lazy, '/api/proposals/MP-2026-002/revisions/0/draft.pdf');
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('pdf_browser_missing');
    } finally {
      await downloads.close();
    }
  });

  it('are made again in the background when an earlier layout made them, served as they were until then', async () => {
    // As a store from before the layout changed holds them: the same files, stamped by layout 1.
    const stored = lazy.store.revisionFiles.get('MP-2026-001', 1, 'pdf')!;
    const old = { ...stored, bytes: Buffer.from('%PDF-1.4 made by layout 1'), made_at: '2026-01-01T00:00:00.000Z' };
    lazy.store.revisionFiles.put({ ...old, layout: 1 });
    expect(REVISION_FILES_LAYOUT).toBeGreaterThan(1);

    const served = await get(lazy, '/api/proposals/MP-2026-001/revisions/1/draft.pdf');
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('no-cache');
    expect(Buffer.from(await served.arrayBuffer()).toString()).toBe('%PDF-1.4 made by layout 1');
    await lazy.worker.drain();
    const remade = lazy.store.revisionFiles.get('MP-2026-001', 1, 'pdf')!;
    expect(remade.layout).toBe(REVISION_FILES_LAYOUT);
    expect(remade.made_at).not.toBe(old.made_at);
    expect((await readPdf(remade.bytes!)).pages[1]).toMatch(/1 范围 \d+/);
    // The Word file was current: it was left as it was.
    expect(lazy.store.revisionFiles.get('MP-2026-001', 1, 'docx')!.layout).toBe(REVISION_FILES_LAYOUT);

    // Without Chromium the old file stays rather than turning into a refusal.
    lazy.store.revisionFiles.put({ ...old, layout: 1 });
    const downloads = withoutChromium();
    try {
      expect(await downloads.make('MP-2026-001', 1)).toEqual([]);
      expect(downloads.file('MP-2026-001', 1, 'pdf').bytes.toString()).toBe('%PDF-1.4 made by layout 1');
    } finally {
      await downloads.close();
    }
  });

  it('lay out the resolution table as Word on demand', async () => {
    const res = await get(lazy, '/api/proposals/MP-2026-001/resolution?format=docx&rev=01');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('MP-2026-001-01-resolution.docx');
    const opened = await openDocx(Buffer.from(await res.arrayBuffer()));
    expect(opened.document).toContain('意见汇总处理表');
  });
});
