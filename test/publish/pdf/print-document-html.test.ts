// The standalone document printDocumentHtml makes of a real draft's HTML: everything inline and nothing that loads,
// the GB/T order (cover, contents, standard), nothing interactive, page breaks marked, fonts that embed as real
// fonts named before the ones that do not, and meta texts that stay text.
import { beforeAll, describe, expect, it } from 'vitest';
import { arrangeForPrint, contentsEntryIds } from '../../../content/publish/pdf/arrange-for-print.ts';
import { PRINT_CSP, printDocumentHtml } from '../../../content/publish/pdf/print-document-html.ts';
import type { PrintMeta } from '../../../content/publish/pdf/print-meta.ts';
import { cssString } from '../../../content/publish/pdf/running-header-css.ts';
import { CHINESE_V1 } from '../../draft/fixtures/chinese-spec.ts';
import { makeDraftHtml } from './make-draft-html.ts';

const META: PrintMeta = {
  proposalNumber: 'MP-2026-001',
  revisionLabel: 'MP-2026-001-02',
  draftName: '征求意见稿',
  lang: 'zh-CN',
};

describe('printDocumentHtml', () => {
  let draftHtml: string;
  let html: string;

  beforeAll(async () => {
    draftHtml = await makeDraftHtml({ path: '规范/数据交换协议.md', text: CHINESE_V1, lang: 'zh' });
    html = printDocumentHtml({ draftHtml, meta: META });
  });

  it('is one standalone document that loads nothing: styles inline, a policy that allows no fetch', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`);
    expect(PRINT_CSP).toMatch(/^default-src 'none'/);
    expect(html).toContain('<title>MP-2026-001-02 征求意见稿</title>');
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|\ssrc=|url\(|@import/i);
    expect(html).toContain('@page {\n  size: A4;');
    expect(html).toContain('html:lang(zh-CN) .f-shall::before { content: "应"; }'); // the register's words
  });

  it('puts the cover first, then the contents, then the standard, with the stage and revision on the cover', () => {
    const cover = html.indexOf('<header class="draft-cover">');
    expect(cover).toBeGreaterThan(0);
    expect(cover).toBeLessThan(html.indexOf('<nav class="draft-toc"'));
    expect(html.indexOf('<nav class="draft-toc"')).toBeLessThan(html.indexOf('<article class="standard"'));
    expect(html).toContain(
      '<p class="cover-stage">征求意见稿</p><p class="cover-revision">MP-2026-001-02</p><p class="cover-date">2025-01-01</p>',
    );
    // The foot of the cover: the dates as a draft prints them, under a rule, then the issuing body.
    expect(html).toContain(
      '<p class="cover-dates"><span>XXXX-XX-XX发布</span><span>XXXX-XX-XX实施</span></p>' +
        '<p class="cover-issuer">×××（团体名称）　发布</p></header>',
    );
    expect(html.match(/class="draft-cover"/g)).toHaveLength(1);
  });

  it('leaves out every provenance control and popover', () => {
    expect(draftHtml).toContain('<button class="prov-btn"');
    expect(draftHtml).toContain('<div class="prov-pops">');
    expect(html.slice(html.indexOf('<body>'))).not.toMatch(/<button|popover|prov-pop|prov-row|prov-btn|§/);
    // The text around a control keeps one space and no more.
    expect(html).toContain('<span class="clause-num">3.1</span> 数据帧</h3>');
    expect(html).toMatch(/<p id="c-[0-9a-f]{12}">本文件规定了数据交换协议的报文格式和交互过程。/);
  });

  it('marks where pages begin: unnumbered chapters, the title above clause 1, each annex', () => {
    expect(html).toMatch(/<h2 id="s-1" class="unnumbered">前言<\/h2>/);
    expect(html).toMatch(/<h2 id="s-2" class="unnumbered">引言<\/h2>/);
    expect(html).toMatch(
      /<p class="body-title">数据交换协议规范<\/p><h2 id="[^"]+"><span class="clause-num">1<\/span> 范围/,
    );
    expect(html.match(/<h2 id="[^"]+" class="annex"><span class="clause-num">附录 [AB]<\/span>/g)).toHaveLength(2);
    expect(html).toContain('<h2 id="draft-contents">'); // the contents' own heading is not a chapter
  });

  it('gives each contents entry a page slot of one width, empty until the pages are known, then filled', () => {
    const ids = contentsEntryIds(draftHtml);
    expect(ids.length).toBeGreaterThan(8);
    const nav = (doc: string) => /<nav class="draft-toc"[\s\S]*?<\/nav>/.exec(doc)![0];
    const empty = nav(html);
    expect(empty.match(/<span class="toc-page"><\/span>/g)).toHaveLength(ids.length);
    expect(empty.match(/<span class="toc-leader"><\/span>/g)).toHaveLength(ids.length);
    const pages = new Map(ids.map((id, i) => [id, i + 3]));
    const filled = nav(printDocumentHtml({ draftHtml, meta: META, contentsPages: pages }));
    expect(filled).toContain(`<a href="#${ids[0]}"><span class="toc-title">前言</span>`);
    expect([...filled.matchAll(/<span class="toc-page">(\d*)<\/span>/g)].map((m) => Number(m[1]))).toEqual(
      ids.map((_, i) => i + 3),
    );
    // Only the markup of the slots differs: the rest of the document is the same.
    expect(filled.replace(/<span class="toc-page">\d*<\/span>/g, '')).toBe(
      empty.replace(/<span class="toc-page"><\/span>/g, ''),
    );
    expect(html).toContain('.draft-toc .toc-page {\n  flex: 0 0 2.5em;');
  });

  it('numbers the tables of the standard per annex when the source captions none, and not the register', () => {
    const captions = [...html.matchAll(/<p class="table-caption">([^<]*)<\/p>(<table)?/g)];
    expect(captions.map((m) => m[1])).toEqual(['表A.1', '表B.1']);
    expect(captions.every((m) => m[2] === '<table')).toBe(true);
    expect(html.indexOf('>表A.1<')).toBeGreaterThan(html.indexOf('<span class="clause-num">附录 A</span>'));
    const register = html.indexOf('<section class="draft-register-section"');
    expect(html.indexOf('table-caption', register)).toBe(-1);
    const meta = { ...META, lang: 'en' as const };
    expect(printDocumentHtml({ draftHtml, meta })).toContain('<p class="table-caption">Table A.1</p><table');
    // A source that captions its tables keeps its own numbers, and gets none added.
    const captioned = '<article class="standard"><p>表1 帧字段</p>\n<table><tr><td>x</td></tr></table><table></table>';
    expect(arrangeForPrint(captioned, { ...META, issued: '', implemented: '', issuedBy: '' })).not.toContain(
      'table-caption',
    );
  });

  it('lets a commit SHA in the text break, and keeps it whole in links', () => {
    expect(html).toMatch(/提交 [0-9a-f]{8}<wbr>[0-9a-f]{8}<wbr>[0-9a-f]{8}<wbr>[0-9a-f]{8}<wbr>[0-9a-f]{8} 时的规范/);
    expect(html).toMatch(/href="https:\/\/github\.com\/acme\/widgets\/blob\/[0-9a-f]{40}\//);
  });

  it('names WenQuanYi Zen Hei before any Noto CJK font in every font list', () => {
    const lists = [...html.matchAll(/(?:font-family:|--(?:serif|sans|mono)(?:-zh|-en)?:)([^;]+);/g)].map((m) => m[1]!);
    const cjk = lists.filter((l) => l.includes('Noto'));
    expect(cjk.length).toBeGreaterThanOrEqual(6);
    for (const list of cjk) {
      expect(list).toContain("'WenQuanYi Zen Hei");
      expect(list.indexOf("'WenQuanYi Zen Hei")).toBeLessThan(list.indexOf('Noto'));
    }
  });

  it('escapes the meta texts: in the title, on the cover and in the running header', () => {
    const hostile = printDocumentHtml({
      draftHtml,
      meta: { ...META, revisionLabel: '<img src=x onerror=alert(1)>', draftName: '"}</style><script>x</script>' },
    });
    expect(hostile).not.toMatch(/<img|<script|<\/style><script/);
    expect(hostile).toContain('<p class="cover-revision">&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(hostile).toContain('content: "\\3c img src=x onerror=alert(1)\\3e 　\\"}\\3c /style\\3e \\3c script\\3e x');
    expect(cssString('a"b\\c\n')).toBe('"a\\"b\\\\c\\a "');
  });

  it('passes HTML that is not a draft page through unchanged', () => {
    expect(
      arrangeForPrint('<p>plain <b>text</b></p>', {
        draftName: 'x',
        revisionLabel: 'y',
        issued: 'a',
        implemented: 'b',
        issuedBy: 'c',
      }),
    ).toBe('<p>plain <b>text</b></p>');
  });
});
