// The static site of the demo community, built from the real instance's store: what it publishes, the feed and the
// sitemap, a rebuild that writes nothing, a new public revision that rewrites only its proposal's pages, and the
// site in Debian's Chromium over HTTP (under a sub-path, with Pagefind) and from file://.
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';
import type { SiteBuildReport } from '../../sync/publication/build-site.ts';
import { STATE_FILE } from '../../sync/publication/site-writer.ts';
import { launchChromium } from '../support/launch-chromium.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { serveStatic } from './static-server.ts';

let app: TestInstance;
let browser: Browser;
let root: string;
// A relative build (file:// works) and a build served under /standards/ with its absolute URL.
let relative: string;
let served: string;
let first: SiteBuildReport;
const SITE_URL = 'https://std.example.org/standards';
const ZHOU: ProposalActor = { login: 'zhouhao', roles: [], maintainerOf: ['hanhai-data/tablestream'] };

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(tmpdir(), 'magnolia-site-'));
  relative = path.join(root, 'relative');
  served = path.join(root, 'served');
  [app, browser] = await Promise.all([
    startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_DEMO_PROPOSALS: 'on' } }),
    launchChromium(),
  ]);
  first = await app.services.publication.build({ outDir: relative });
  await app.services.publication.build({ outDir: served, siteUrl: SITE_URL });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.destroy();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const exists = (dir: string, file: string) => fs.existsSync(path.join(dir, file));
const filesOf = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());

describe('the demo community’s site', () => {
  it('publishes the public revisions and only them, in both languages', () => {
    // MP-2026-001: -00 was the proposal draft (never public), -01 went out for comment and was published.
    expect(exists(relative, 'MP-2026-001/01/index.html')).toBe(true);
    expect(exists(relative, 'en/MP-2026-001/01/index.html')).toBe(true);
    expect(exists(relative, 'MP-2026-001/00/index.html')).toBe(false);
    // The amendment is still a proposal draft: nothing of it is public.
    expect(exists(relative, 'MP-2026-004/index.html')).toBe(false);
    expect(read(relative, 'index.html')).not.toContain('MP-2026-004');
    for (const file of ['draft.md', 'manifest.json'])
      expect(read(relative, `MP-2026-001/01/${file}`)).toBe(
        (file === 'draft.md'
          ? app.services.proposals.revision('MP-2026-001', 1).row.draft_md
          : app.services.proposals.revision('MP-2026-001', 1).row.manifest_json) ?? '',
      );
    const zh = read(relative, 'index.html');
    expect(zh).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    const [published, open] = [zh.indexOf('id="published"'), zh.indexOf('id="open-for-comment"')];
    expect(zh.indexOf('MP-2026-001')).toBeGreaterThan(published);
    expect(zh.indexOf('MP-2026-001')).toBeLessThan(open);
    const period = app.store.proposals.get('MP-2026-003')!.period_ends_at!.slice(0, 10);
    expect(zh.slice(open)).toContain(`意见截止于 ${period}`);
    const en = read(relative, 'en/index.html');
    expect(en).toMatch(/<html lang="en">/);
    expect(en).toContain(`comments until ${period}`);
    // Each page links the other language, relatively and naming its index.html.
    expect(read(relative, 'MP-2026-001/01/index.html')).toContain('href="../../en/MP-2026-001/01/index.html"');
    expect(read(relative, 'en/MP-2026-001/01/index.html')).toContain('href="../../../MP-2026-001/01/index.html"');
    // No page names anything outside the site (only the drafts' provenance links go upstream, in their popovers).
    for (const file of filesOf(relative).filter((f) => f.endsWith('.html'))) {
      const text = read(relative, file);
      expect(text).toContain(
        '<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;',
      );
      expect(text).not.toMatch(/<script(?![^>]*(src="[^":]+"|type="application\/json"))[^>]*>/);
      expect(text).not.toMatch(/(src|href)="(https?:)?\/\/(?!127\.0\.0\.1:9\/)/);
    }
  });

  it('lays out the stored draft HTML with its clause anchors, the labels stylesheet and the clause search', () => {
    const page = read(relative, 'MP-2026-001/01/index.html');
    const stored = app.services.proposals.revision('MP-2026-001', 1).row.draft_html!;
    // As stored, but for two edits: no link into a portal whose address the build does not know, and the figure
    // (the spec's SVG of the evaluation pipeline) set in the page from the mirror.
    const [before, after] = stored
      .replace(/<a href="\/source\/[^"]*" class="lb-portal"><\/a> ?/g, '')
      .split(/<img\b[^>]*>/);
    expect(stored).toMatch(/<img src="https?:\/\/[^"]+\/cloudtide\/nimbus-placement\/raw\//);
    expect(page).toContain(before!.slice(0, before!.lastIndexOf('<p id=')));
    expect(page).toContain(after);
    expect(page).toMatch(
      /<p id="c-[0-9a-f]+" class="figure">.*<img src="data:image\/svg\+xml;base64,[^"]+" alt="Evaluation of a placement request" width="640" height="120" loading="lazy">/,
    );
    expect(page).not.toContain('href="/source/');
    const manifest = JSON.parse(app.services.proposals.revision('MP-2026-001', 1).row.manifest_json!) as {
      clauses: { id: string }[];
    };
    expect(page).toContain(`id="${manifest.clauses[0]!.id}"`);
    expect(page).toContain('<link rel="stylesheet" href="../../assets/draft-labels.css">');
    expect(page).toContain('<script src="../../assets/clause-search.js" defer></script>');
    expect(page).toContain('data-pagefind-body');
    expect(read(relative, 'assets/site.css')).toBe(
      fs.readFileSync(new URL('../../public/site.css', import.meta.url), 'utf8'),
    );
    // The served build links absolutely under its base path, without index.html.
    const abs = read(served, 'MP-2026-001/01/index.html');
    expect(abs).toContain('href="/standards/assets/draft-labels.css"');
    expect(abs).toContain('href="/standards/en/MP-2026-001/01/"');
    expect(abs).toContain(`${SITE_URL}/MP-2026-001/01/`);
  });

  it('writes an Atom feed of the publications that parses', () => {
    for (const [dir, lang] of [
      [relative, 'zh-CN'],
      [served, 'en'],
    ] as const) {
      const file = lang === 'en' ? 'en/feed.xml' : 'feed.xml';
      const xml = read(dir, file);
      const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed as {
        entry: { id: string; title: { '#text': string }; link: { '@_href': string } }[];
        '@_xml:lang': string;
      };
      expect(feed['@_xml:lang']).toBe(lang);
      const published = feed.entry.find((e) => e.id === 'urn:magnolia:MP-2026-001:01:published')!;
      expect(published.title['#text']).toContain(lang === 'en' ? 'MP-2026-001-01 published' : 'MP-2026-001-01 已发布');
      const href = published.link['@_href'];
      if (dir === served) expect(href).toBe(`${SITE_URL}/en/MP-2026-001/01/`);
      else {
        expect(href).toBe('MP-2026-001/01/index.html');
        expect(exists(dir, href)).toBe(true);
      }
    }
  });

  it('lists every page in the sitemap: paths without a site URL, absolute URLs with one', () => {
    const locs = (dir: string) => [...read(dir, 'sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const plain = locs(relative);
    expect(plain).toContain('MP-2026-001/01/index.html');
    expect(plain).toContain('en/MP-2026-002/01/index.html');
    expect(plain).toContain('MP-2026-003/00/resolution/index.html');
    expect(plain.every((l) => exists(relative, l))).toBe(true);
    const full = locs(served);
    expect(full).toContain(`${SITE_URL}/MP-2026-001/01/`);
    expect(full).toContain(`${SITE_URL}/en/`);
    expect(full.every((l) => l.startsWith(`${SITE_URL}/`))).toBe(true);
  });

  it('builds only the published standards with --include published', async () => {
    const dir = path.join(root, 'published');
    const report = await app.services.publication.build({ outDir: dir, include: 'published', pagefind: false });
    expect(report).toMatchObject({ proposals: 1, revisions: 1, pagefind: 'off' });
    expect(exists(dir, 'MP-2026-001/01/index.html')).toBe(true);
    expect(exists(dir, 'MP-2026-002/index.html')).toBe(false);
    expect(read(dir, 'index.html')).not.toContain('id="open-for-comment"');
  });

  it('writes nothing when nothing changed, and skips Pagefind', async () => {
    expect(first.written.length).toBeGreaterThan(40);
    expect(first.pagefind).toBe('ran');
    const mtimes = new Map(filesOf(relative).map((f) => [f, fs.statSync(path.join(relative, f)).mtimeMs]));
    const again = await app.services.publication.build({ outDir: relative });
    expect(again.written).toEqual([]);
    expect(again.deleted).toEqual([]);
    expect(again.pagefind).toBe('skipped');
    expect(again.unchanged).toBe(first.written.length);
    for (const [file, mtime] of mtimes)
      expect([file, fs.statSync(path.join(relative, file)).mtimeMs]).toEqual([file, mtime]);
  });

  it('after a new revision becomes public, rewrites only that proposal’s pages, the index, the feeds and the sitemap', async () => {
    // MP-2026-002 is in technical review (a public stage): a revision made there is public as soon as it is ready.
    const revision = await app.services.proposals.revise(
      'MP-2026-002',
      { ref: 'main', reason: 'dictionary note' },
      ZHOU,
    );
    expect(revision.rev).toBe(2);
    await app.worker.drain();
    const stray = path.join(relative, 'MP-2026-009/index.html');
    const report = await app.services.publication.build({ outDir: relative });
    expect(report.pagefind).toBe('ran');
    const outside = report.written.filter((f) => !/^(en\/)?MP-2026-002\//.test(f));
    expect(outside.sort()).toEqual(['en/feed.xml', 'en/index.html', 'feed.xml', 'index.html', 'sitemap.xml']);
    expect(report.written).toEqual(
      expect.arrayContaining([
        'MP-2026-002/02/index.html',
        'en/MP-2026-002/02/index.html',
        'MP-2026-002/02/draft.md',
        'MP-2026-002/diff/01..02/index.html',
        'MP-2026-002/latest/index.html',
        'MP-2026-002/index.html',
      ]),
    );
    // The earlier revision's page is immutable: not written again.
    expect(report.written).not.toContain('MP-2026-002/01/index.html');
    expect(read(relative, 'MP-2026-002/latest/index.html')).toContain('content="0; url=../02/index.html"');
    expect(fs.existsSync(stray)).toBe(false);
    await app.services.publication.build({ outDir: served, siteUrl: SITE_URL });
  });

  it('deletes the files it made that a build no longer makes, and only those', async () => {
    const dir = path.join(root, 'shrinking');
    await app.services.publication.build({ outDir: dir, pagefind: false });
    fs.writeFileSync(path.join(dir, 'CNAME'), 'std.example.org\n');
    const report = await app.services.publication.build({ outDir: dir, include: 'published', pagefind: false });
    expect(report.deleted).toContain('MP-2026-002/02/index.html');
    expect(exists(dir, 'MP-2026-002')).toBe(false);
    expect(exists(dir, 'CNAME')).toBe(true);
    const state = JSON.parse(read(dir, STATE_FILE)) as { files: Record<string, unknown> };
    expect(Object.keys(state.files)).not.toContain('MP-2026-002/02/index.html');
  });
});

/** A page that records console errors and every request that is neither the local server nor a local file. */
async function watchedPage(allowed: (url: string) => boolean) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => void (!allowed(r.url()) && outside.push(r.url())));
  return { page, errors, outside };
}

/** index → proposal → revision → a clause → resolution → diff → latest, the language switch and the clause search. */
async function walk(page: Page, start: string): Promise<void> {
  await page.goto(start);
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  await page.click('a[href*="MP-2026-002"]:has-text("MP-2026-002")');
  expect(await page.textContent('h1')).toContain('列式表格流数据格式');
  await page.click('table a:has-text("MP-2026-002-02")');
  expect(await page.textContent('h1')).toContain('MP-2026-002-02');
  const toc = page.locator('.draft-toc a').nth(2);
  const target = (await toc.getAttribute('href'))!;
  await toc.click();
  expect(new URL(page.url()).hash).toBe(target);
  const top = (await page.evaluate(
    `document.getElementById('${target.slice(1)}').getBoundingClientRect().top`,
  )) as number;
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(200);

  // The in-page search finds a clause and leads to it, in Chinese chrome and in English.
  await page.fill('#clause-q', 'padding bytes');
  const hit = page.locator('#clause-hits a').first();
  await hit.waitFor();
  expect(await page.textContent('#clause-count')).toMatch(/^找到的条款：\d+$/);
  const anchor = (await hit.getAttribute('href'))!;
  await hit.click();
  expect(new URL(page.url()).hash).toBe(anchor);
  expect((await page.locator(anchor).innerText()).toLowerCase()).toContain('padding bytes');
  await page.fill('#clause-q', 'no such words anywhere');
  expect(await page.textContent('#clause-count')).toBe('没有条款包含这些词语。');

  await page.click('.review-links a:has-text("意见汇总处理表")');
  expect(await page.textContent('h1')).toContain('MP-2026-002-02');
  expect(await page.locator('table.resolution-table tbody tr').count()).toBe(1);
  await page.goBack();
  await page.click('.review-links a:has-text("MP-2026-002-01")');
  expect(await page.textContent('h1')).toBe('MP-2026-002-01 至 MP-2026-002-02 的变化');
  await page.goBack();
  await page.click('.review-links a:has-text("最新公开修订版")');
  await page.waitForURL(/\/02\/(index\.html)?$/);
  expect(await page.textContent('h1')).toContain('MP-2026-002-02');

  await page.click('.language-switch a[hreflang="en"]');
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  expect(page.url()).toMatch(/\/en\/MP-2026-002\/02\/(index\.html)?$/);
  await page.fill('#clause-q', 'padding bytes');
  await page.locator('#clause-hits a').first().waitFor();
  expect(await page.textContent('#clause-count')).toMatch(/^Clauses found: \d+$/);
  // The labels stylesheet speaks the page's language.
  const label = await page.evaluate(`getComputedStyle(document.querySelector('dt.lb-file'), '::before').content`);
  expect(label).toBe('"File"');
  await page.click('.language-switch a[hreflang="zh-CN"]');
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
}

describe('the site in a browser', () => {
  it('works from file://: every step, no error, no request leaves the folder', async () => {
    const { page, errors, outside } = await watchedPage((u) => u.startsWith('file://') || u.startsWith('data:'));
    await walk(page, pathToFileURL(path.join(relative, 'index.html')).href);
    // The full-text search says to use the draft's own search.
    await page.goto(pathToFileURL(path.join(relative, 'search/index.html')).href);
    expect(await page.isVisible('#search-file-note')).toBe(true);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('works served under a sub-path, with the Pagefind search in Chinese and English', async () => {
    const server = await serveStatic(served, '/standards/');
    try {
      const { page, errors, outside } = await watchedPage((u) => u.startsWith(server.origin));
      await walk(page, server.url);
      for (const [lang, query, expected] of [
        ['zh-CN', '列式表格流', '/standards/MP-2026-002/'],
        ['en', 'placement request', '/standards/en/MP-2026-001/01/'],
      ] as const) {
        const prefix = lang === 'en' ? 'en/' : '';
        await page.goto(`${server.url}${prefix}search/?q=${encodeURIComponent(query)}`);
        expect(await page.isVisible('#search-file-note')).toBe(false);
        const link = page.locator('.pagefind-ui__result-link').first();
        await link.waitFor({ timeout: 20_000 });
        const hrefs = await Promise.all(
          (await page.locator('.pagefind-ui__result-link').all()).map((a) => a.getAttribute('href')),
        );
        expect(
          hrefs.some((h) => h?.startsWith(expected)),
          `${query}: ${hrefs.join(' ')}`,
        ).toBe(true);
        await link.click();
        await page.waitForLoadState();
        expect(new URL(page.url()).pathname.startsWith('/standards/')).toBe(true);
      }
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });
});
