// The portal in a real headless Chromium (Debian's, installed by .ci/run): one browser and one seeded instance.
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/launch-chromium.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);
let inst: TestInstance;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  [inst, browser] = await Promise.all([startTestInstance({ env: { MAGNOLIA_DEMO: 'on' } }), launchChromium()]);
  await inst.worker.drain();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await inst?.destroy();
});

beforeEach(async () => {
  context = await browser.newContext({ locale: 'en-GB' });
  page = await context.newPage();
  problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Evidence and repository links point at GitHub (here an unreachable address): answer them with a stub.
  await page.route('http://127.0.0.1:9/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>upstream</title>' }),
  );
});
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({
      path: new URL(`${test.task.name.replace(/\W+/g, '-')}.png`, SCREENSHOTS).pathname,
      fullPage: true,
    });
  }
  await context.close();
  expect(problems).toEqual([]);
});

describe('portal in a browser', () => {
  it('catalogue → filter → project page → an evidence link', async () => {
    await page.goto(`${inst.url}/projects`);
    // nimbus-placement is a standard candidate since its history is backfilled (test/maturity/maturity-demo.test.ts).
    await page.getByLabel('Level').selectOption('standard-candidate');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/level=standard-candidate/);
    await expect.poll(() => page.locator('table.catalogue tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'cloudtide/nimbus-placement' }).click();
    await page.waitForURL(/\/projects\/cloudtide\/nimbus-placement/);
    expect(await page.locator('h1').textContent()).toBe('cloudtide/nimbus-placement');
    // Every signal shows its trend: a line once it has history, the "no history yet" note before (the line itself
    // is asserted in test/pages/trend-line.test.ts). Signals sit in collapsible groups, evidence behind a disclosure.
    const rows = await page.locator('li.signal').count();
    const trends = await page
      .locator('li.signal .signal-trend')
      .filter({ has: page.locator('svg.trend, span.muted') })
      .count();
    expect(rows).toBeGreaterThan(20);
    expect(trends).toBe(rows);
    await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
    const evidence = page.locator('li.signal ul.evidence a[href*="/blob/"]').first();
    const href = await evidence.getAttribute('href');
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:9\/cloudtide\/nimbus-placement\/blob\/[0-9a-f]{40}\//);
    await evidence.click();
    await page.waitForURL(href!);
  });

  it('shows signals, reasons, gaps and evidence of a Chinese project page in Chinese', async () => {
    await page.goto(`${inst.url}/projects/cloudtide/nimbus-placement?lang=zh-CN`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // What the engines and the model say (titles, reasons, gap reasons, evidence labels), not the project's own data.
    const texts = await page
      .locator('li.signal .signal-title, li.signal .signal-reason, ul.gaps li, li.signal ul.evidence a, section h3')
      .allTextContents();
    expect(texts.length).toBeGreaterThan(40);
    // An English sentence: three English words in a row, once paths, URLs, hashes and identifiers are taken out.
    const english = texts
      .map((t) => t.replace(/\S*[/.@#_]\S*|\b[0-9a-f]{7,40}\b|\b[A-Z][A-Z0-9_-]+\b/g, ' '))
      .filter((t) => /\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/.test(t));
    expect(english).toEqual([]);
    expect(texts.join(' ')).toMatch(/[\u4e00-\u9fff]/);
    // The same page in English says it in English.
    await page.goto(`${inst.url}/projects/cloudtide/nimbus-placement?lang=en`);
    const en = (await page.locator('li.signal .signal-title').allTextContents()).join(' ');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('searches in Chinese and in English', async () => {
    const ready = async () => ((await (await fetch(`${inst.url}/api/search?q=x`)).json()) as { ready: boolean }).ready;
    await expect.poll(ready, { timeout: 20_000 }).toBe(true);
    await page.goto(`${inst.url}/`);
    await page.getByRole('searchbox', { name: 'Search projects and pages' }).fill('标识解析');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    expect(await page.locator('.results h2 a').first().textContent()).toBe('ziii-oss/idlink-resolver');
    await page.getByRole('searchbox', { name: 'Search projects and pages' }).first().fill('placement');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=placement/);
    expect(await page.locator('.results h2 a').first().textContent()).toBe('cloudtide/nimbus-placement');
    expect(await page.locator('.results mark').count()).toBeGreaterThan(0);
  });

  it('switches language and remembers it', async () => {
    await page.goto(`${inst.url}/projects?level=mature`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('link', { name: '中文' }).click();
    await page.waitForURL(/lang=zh-CN/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(page.url()).toContain('level=mature');
    await page.goto(`${inst.url}/about`);
    expect(await page.locator('h1').textContent()).toBe('关于 Magnolia');
  });

  it('reaches the main controls with the keyboard alone', async () => {
    await page.goto(`${inst.url}/projects`);
    const reached: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      // A string expression: this file is type-checked without the DOM library.
      reached.push(
        await page.evaluate<string>(
          `(() => { const el = document.activeElement; return el ? el.tagName.toLowerCase() + ':' + (el.getAttribute('id') ?? el.textContent.trim()) : ''; })()`,
        ),
      );
    }
    expect(reached[0]).toBe('a:Skip to main content');
    expect(reached).toContain('input:site-search');
    expect(reached).toContain('a:Projects');
    expect(reached).toContain('select:filter-level');
    expect(reached).toContain('button:Apply');
    // The skip link moves focus into the main landmark.
    await page.goto(`${inst.url}/projects`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('document.activeElement && document.activeElement.id')).toBe('main');
  });
});
