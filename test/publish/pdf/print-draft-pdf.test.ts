// A zh and an en draft revision printed to PDF through Chromium and read back with pdfjs: the text, the outline,
// the pages with their running header and numbers, the fonts Chinese is set in, the title, the tags, the links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfPrinter, type PdfPrinter } from '../../../content/publish/pdf/create-pdf-printer.ts';
import { destinationPages } from '../../../content/publish/pdf/destination-pages.ts';
import { printDraftPdf } from '../../../content/publish/pdf/print-draft-pdf.ts';
import type { PrintMeta } from '../../../content/publish/pdf/print-meta.ts';
import { CHINESE_V1 } from '../../draft/fixtures/chinese-spec.ts';
import { ENGLISH_SPEC } from './fixtures.ts';
import { makeDraftHtml } from './make-draft-html.ts';
import { readPdf, type PdfFacts } from './read-pdf.ts';
import { requireWqy } from './require-wqy.ts';

const ZH: PrintMeta = {
  proposalNumber: 'MP-2026-001',
  revisionLabel: 'MP-2026-001-02',
  draftName: '征求意见稿',
  lang: 'zh-CN',
};
const EN: PrintMeta = {
  proposalNumber: 'MP-2026-007',
  revisionLabel: 'MP-2026-007-01',
  draftName: 'Draft for comment',
  lang: 'en',
};

describe('a draft revision printed to PDF', () => {
  let printer: PdfPrinter;
  let zh: PdfFacts;
  let en: PdfFacts;
  let zhPdf: Buffer;
  const blocked: string[] = [];

  beforeAll(async () => {
    requireWqy();
    printer = createPdfPrinter({ onBlockedRequest: (url) => blocked.push(url) });
    const zhHtml = await makeDraftHtml({ path: '规范/数据交换协议.md', text: CHINESE_V1, lang: 'zh' });
    const enHtml = await makeDraftHtml({ path: 'spec/widget-events.md', text: ENGLISH_SPEC, lang: 'en' });
    // Both at once: the printer queues them on its one browser.
    let enPdf: Buffer;
    [zhPdf, enPdf] = await Promise.all([printDraftPdf(printer, zhHtml, ZH), printDraftPdf(printer, enHtml, EN)]);
    expect(zhPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    [zh, en] = await Promise.all([readPdf(zhPdf), readPdf(enPdf)]);
  });
  afterAll(() => printer?.close());

  it('sets the Chinese draft in pages: cover, contents, foreword, the standard, the annexes, each on its own', () => {
    expect(zh.pages.length).toBeGreaterThan(5);
    expect(zh.pages[0]).toMatch(/^团\s?体\s?标\s?准/); // letter-spaced, so pdfjs reads gaps
    expect(zh.pages[0]).toContain('数据交换协议规范');
    expect(zh.pages[0]).toContain('征求意见稿');
    expect(zh.pages[0]).toMatch(/XXXX-XX-XX发布\s*XXXX-XX-XX实施\s*×××（团体名称）\s*发布$/);
    expect(zh.pages[1]).toMatch(/目\s?次/);
    expect(zh.pages[2]).toMatch(/前\s?言/);
    const standard = zh.pages.findIndex((p) => p.includes('1 范围本文件规定了'));
    expect(standard).toBeGreaterThan(2);
    expect(zh.pages[standard]).toContain('数据交换协议规范'); // the title opens the standard's first page
    const text = zh.pages.join('\n');
    for (const heading of ['2 规范性引用文件', '3 术语和定义', '3.1 数据帧', '4 传输', '4.1 连接', '4.2 报文'])
      expect(text).toContain(heading);
    expect(text).toContain('发送方应对每个数据帧签名。接收方宜校验签名；校验失败时不应继续处理。');
    // Each annex begins a page: its heading comes right after the running header and the page number.
    const opening = (heading: string) =>
      zh.pages.filter((p) => new RegExp(`^MP-2026-001-02\\s征求意见稿\\d+ / \\d+${heading}`).test(p));
    expect(opening('附录 A\\s*（规范性）符合性检查表')).toHaveLength(1);
    expect(opening('附录 B\\s*（资料性）来源追溯')).toHaveLength(1);
    expect(opening('前\\s?言')).toHaveLength(1);
  });

  it('gives each contents entry the page its heading is set on, after a dotted leader', async () => {
    // The page each contents link lands on, read from the PDF's own destinations.
    const dests = zh.links.filter((l) => l.page === 2).map((l) => l.dest!);
    const pages = await destinationPages(zhPdf, dests);
    expect(pages.size).toBe(dests.length);
    const opens = (heading: RegExp): number => zh.pages.findIndex((p) => heading.test(p)) + 1;
    const foreword = opens(/^MP-2026-001-02\s征求意见稿\d+ \/ \d+前\s?言/);
    const scope = opens(/1 范围本文件规定了/);
    const annexB = opens(/^MP-2026-001-02\s征求意见稿\d+ \/ \d+附录 B/);
    expect(foreword).toBeGreaterThan(2);
    expect(scope).toBeGreaterThan(foreword);
    expect(zh.pages[1]).toContain(`前言 ${foreword}`);
    expect(zh.pages[1]).toContain(`1 范围 ${scope}`);
    expect(zh.pages[1]).toMatch(new RegExp(`附录 B \\s*（资料性）来源追溯 ${annexB}$`));
    // In contents order, the pages never go back.
    const order = dests.map((d) => pages.get(d)!);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    const enScope = en.pages.findIndex((p) => /\d+ \/ \d+(?:Foreword|Introduction)?[\s\S]*1 Scope[A-Z]/.test(p)) + 1;
    expect(en.pages[1]).toContain(`1 Scope ${enScope}`);
  });

  it('prints no provenance control or popover, and no word of the other language', () => {
    const text = zh.pages.join('\n');
    expect(text).not.toContain('§');
    expect(text).not.toContain('Permalink');
    expect(text).not.toContain('Contents');
    expect(en.pages.join('\n')).not.toContain('目次');
  });

  it('has an outline of the clause headings', () => {
    expect(zh.outline).toEqual(
      expect.arrayContaining([
        '前言',
        '1 范围',
        '3.1 数据帧',
        '4 传输',
        '4.1 连接',
        '4.2 报文',
        '附录 A（规范性）符合性检查表',
        '附录 B（资料性）来源追溯',
      ]),
    );
    expect(en.outline).toEqual(expect.arrayContaining(['1 Scope', '4 Event format', '4.1 Envelope', '5.2 Retries']));
  });

  it('carries the revision label and stage in the running header and "page / pages" in the footer, but not on the cover', () => {
    for (const facts of [zh, en]) {
      const label = facts === zh ? /MP-2026-001-02\s征求意见稿/ : /MP-2026-007-01\sDraft for comment/;
      const total = facts.pages.length;
      expect(facts.pages[0]).not.toMatch(label);
      expect(facts.pages[0]).not.toContain(`1 / ${total}`);
      facts.pages.slice(1).forEach((page, i) => {
        expect(page).toMatch(label);
        expect(page).toContain(`${i + 2} / ${total}`);
      });
    }
  });

  it('embeds the Chinese font as a real CID font (WenQuanYi Zen Hei), never as Type 3 glyph procedures', () => {
    for (const facts of [zh, en]) {
      expect(facts.fonts.length).toBeGreaterThan(0);
      expect(facts.fonts.filter((f) => f.type === 'Type3')).toEqual([]);
    }
    const wqy = zh.fonts.filter((f) => /WenQuanYiZenHei/.test(f.name));
    expect(wqy.length).toBeGreaterThan(0);
    expect(new Set(wqy.map((f) => f.type))).toEqual(new Set(['CIDFontType2']));
  });

  it('sets the English draft in a Latin serif, with the Chinese font only where Chinese is', () => {
    expect(en.pages.length).toBeGreaterThan(4);
    const text = en.pages.join('\n');
    expect(text).toContain('Every event shall carry an envelope with an identifier, a source and a time.');
    expect(text).toMatch(/Annex A\s*\(normative\)/);
    expect(en.fonts.map((f) => f.name).join(' ')).toMatch(/LiberationSerif/);
  });

  it('is titled, tagged, and links its contents to the clauses inside the document', () => {
    expect(zh.title).toBe('MP-2026-001-02 征求意见稿');
    expect(en.title).toBe('MP-2026-007-01 Draft for comment');
    expect(zh.tagged).toBe(true);
    const contents = zh.links.filter((l) => l.page === 2);
    expect(contents.length).toBeGreaterThan(8);
    expect(contents.every((l) => l.url === null && l.dest !== null)).toBe(true);
  });

  it('fetched nothing: the drafts ask for no resource', () => {
    expect(blocked).toEqual([]);
  });
});
