// The review's reading pages in a real headless Chromium on the seeded demo community: from a proposal's page a
// reader follows the clause diff of its latest revision (word changes and strength changes shown), and from the
// upstream drift section a touched clause into the draft; in English and in Chinese, with no script error.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launch-chromium.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

let app: TestInstance;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_DEMO_PROPOSALS: 'on' } }),
    launchChromium(),
  ]);
  await app.worker.drain();
  context = await browser.newContext();
}, 180_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.destroy();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${app.url}${path}`);
  return page;
}

describe('diffs and drift, in the browser', () => {
  it('leads from the revisions of a proposal to the clause diff of its latest revision', async () => {
    const page = await open('/proposals/MP-2026-001?lang=en');
    await page.getByRole('link', { name: 'Changes since MP-2026-001-00' }).click();
    await page.waitForURL(/\/proposals\/MP-2026-001\/diff\/00\.\.01$/);
    expect(await page.locator('h1').innerText()).toContain('Changes from');
    const summary = await page.locator('#diff-summary').innerText();
    expect(summary).toMatch(/Edited/);
    // An edited clause shows its words struck and inserted; its number leads to its own anchor on the page.
    const edited = page.locator('article.diff-edited').first();
    expect(await edited.locator('del, ins').count()).toBeGreaterThan(0);
    const anchor = edited.locator('a.diff-number');
    await anchor.click();
    expect(page.url()).toMatch(/#c-[0-9a-f]+/);
    expect(await page.locator(':target').count()).toBe(1);
    // The two drafts it compares link to their pages.
    await page.locator('.diff-drafts a').last().click();
    await page.waitForURL(/\/proposals\/MP-2026-001\/01$/);
    expect(await page.locator('.draft-cover, .draft').count()).toBeGreaterThan(0);
  });

  it('shows the same diff in Chinese', async () => {
    const page = await open('/proposals/MP-2026-001/diff/00..01?lang=zh-CN');
    const heading = await page.locator('h1').innerText();
    expect(heading).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('leads from the upstream drift to the touched clause of the draft', async () => {
    const page = await open('/proposals/MP-2026-001?lang=en');
    const drift = page.locator('#drift');
    expect(await drift.locator('h2').innerText()).toBe('Upstream drift');
    expect(await drift.innerText()).toContain('spec/placement.md');
    const link = drift.locator('a[href*="/proposals/MP-2026-001/01#"]').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForURL(/\/proposals\/MP-2026-001\/01#/);
    const id = href.slice(href.indexOf('#') + 1);
    expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
    expect(await page.locator(':target').getAttribute('id')).toBe(id);
  });

  it('has no console error, failed load or script error on these pages', () => {
    expect(problems).toEqual([]);
  });
});
