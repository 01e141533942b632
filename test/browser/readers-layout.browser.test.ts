// Issue 13, items 9, 10, 14-17: the pages a reader looks at, in Debian's headless Chromium, at 1280 px and 390 px,
// in Chinese and English: nothing wider than the viewport, the header collapsed on a phone, tables as cards,
// pictures drawn without script, and no English sentence on a Chinese page. Full-page screenshots of every page
// are written to test-results/readers/ (not committed) for a person to look at.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launch-chromium.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { createReaderUpstream } from '../pages/reader-upstream.ts';

const SHOTS = new URL('../../test-results/readers/', import.meta.url).pathname;
const PAGES = [
  ['home', '/'],
  ['catalogue', '/projects'],
  ['domain', '/projects?domain=iot'],
  ['project', '/projects/cloudtide/nimbus-placement'],
  ['added-project', '/projects/acme/codec'],
  ['model', '/maturity-model'],
  ['faq', '/faq'],
] as const;
const WIDTHS = [1280, 390] as const;
const LANGS = ['zh-CN', 'en'] as const;

let app: TestInstance;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestInstance({ env: { MAGNOLIA_DEMO: 'on' } }), launchChromium()]);
  await app.worker.drain();
  const upstream = createReaderUpstream();
  await app.services.projects.add({ fullName: 'acme/codec', cloneUrl: upstream.bare, domain: 'iot' });
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.destroy();
});

/** What the page shows, measured in the browser (a string: the test's TypeScript has no DOM types). */
const LOOK = `(() => {
  const width = document.documentElement.clientWidth;
  const widest = [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .filter((el) => getComputedStyle(el).position !== 'fixed' && !el.closest('.visually-hidden, details:not([open])'))
    .map((el) => el.tagName.toLowerCase() + '.' + el.className)
    .slice(0, 5);
  // Code, technical details, names and machine words are marked lang="en", and a project's own words (its GitHub
  // description, in whatever language its authors wrote it) are .upstream-text; the rest of a zh page is Chinese.
  const clone = document.body.cloneNode(true);
  clone.querySelectorAll('[lang="en"], .upstream-text, code, pre, svg, script, style, .visually-hidden').forEach((el) => el.remove());
  const nav = document.querySelector('#primary-nav');
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: width,
    widest,
    text: clone.textContent,
    prose: [...document.querySelectorAll('.prose p, .prose li')].map((el) => el.textContent).join('|'),
    navHidden: nav ? nav.getBoundingClientRect().height === 0 || getComputedStyle(nav).display === 'none' : null,
    // Data tables become cards; a document's own tables (the model's signal × level matrix) stay tables that fit.
    tableDisplays: [...document.querySelectorAll('main table tbody tr')]
      .filter((tr) => !tr.closest('.prose'))
      .slice(0, 3)
      .map((tr) => getComputedStyle(tr).display),
    scripts: document.querySelectorAll('script').length,
  };
})()`;

interface Seen {
  scrollWidth: number;
  clientWidth: number;
  widest: string[];
  text: string;
  /** The paragraphs and list items of Markdown documents. */
  prose: string;
  navHidden: boolean | null;
  tableDisplays: string[];
  scripts: number;
}

/** What a page looks like to the test: its width against the viewport, and the visible text of a Chinese page. */
async function look(lang: string, width: number, name: string, path: string) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.route('http://127.0.0.1:9/**', (route) => route.fulfill({ status: 200, body: '' }));
  const response = await page.goto(`${app.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
  expect(response?.status(), path).toBe(200);
  await page.screenshot({ path: `${SHOTS}${name}-${lang}-${width}.png`, fullPage: true });
  const seen = (await page.evaluate(LOOK)) as Seen;
  await context.close();
  expect(problems, `${path} console`).toEqual([]);
  return seen;
}

describe('pages as readers see them', () => {
  for (const lang of LANGS) {
    for (const width of WIDTHS) {
      it(`${lang} at ${width} px: no page wider than the viewport${width === 390 ? ', header collapsed, tables as cards' : ''}`, async () => {
        for (const [name, path] of PAGES) {
          const seen = await look(lang, width, name, path);
          expect(seen.scrollWidth, `${name} ${lang} ${width}: ${seen.widest.join(', ')}`).toBeLessThanOrEqual(
            seen.clientWidth,
          );
          expect(seen.scripts, name).toBe(0);
          if (width === 390) {
            expect(seen.navHidden, `${name}: the header menu is collapsed`).not.toBe(false);
            for (const display of seen.tableDisplays) expect(display, `${name}: a table row is a card`).toBe('block');
          }
          if (lang === 'zh-CN') {
            // An English sentence: four or more English words in a row (names and codes are marked lang="en").
            const english = seen.text.match(/\b[A-Za-z][a-z]+(?:[ ,]+[A-Za-z][a-z]+){3,}/g) ?? [];
            expect(english, `${name}: English on a Chinese page`).toEqual([]);
            // Chinese lines joined without a space (a Markdown line break inside a sentence).
            expect(seen.prose, name).not.toMatch(/[\u4e00-\u9fff][ \n][\u4e00-\u9fff]/);
          }
        }
      }, 180_000);
    }
  }

  it('badges render at their intrinsic size, in both languages', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 300 } });
    const page = await context.newPage();
    for (const lang of LANGS) {
      await page.goto(`${app.url}/projects/cloudtide/nimbus-placement?lang=${lang}`);
      const size = (await page.evaluate(
        `(() => { const img = document.querySelector('img[src*="/badge/"]'); return { shown: img.getBoundingClientRect().width, natural: img.naturalWidth }; })()`,
      )) as { shown: number; natural: number };
      expect(size.natural).toBeGreaterThan(0);
      expect(Math.abs(size.shown - size.natural)).toBeLessThanOrEqual(1);
      await page.goto(`${app.url}/badge/cloudtide/nimbus-placement.svg?lang=${lang}`);
      await page.screenshot({ path: `${SHOTS}badge-${lang}.png` });
    }
    await page.goto(`${app.url}/badge/nobody/nothing.svg`);
    await page.screenshot({ path: `${SHOTS}badge-unknown.png` });
    await context.close();
  }, 60_000);
});
