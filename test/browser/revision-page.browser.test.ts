// The draft page in Debian's headless Chromium: a provenance control opens its native popover (no script), a
// contents link lands on its clause, and the page logs no error, in Chinese and English, at 1280 px and 390 px.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launch-chromium.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { proposalWithRevision } from '../proposals/revision-fixture.ts';

let app: TestInstance;
let browser: Browser;
let url: string;
let manifest: DraftManifest;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestInstance(), launchChromium()]);
  const { number } = await proposalWithRevision(app);
  manifest = JSON.parse(app.services.proposals.revision(number, 0).row.manifest_json!) as DraftManifest;
  url = `${app.url}/proposals/${number}/00`;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.destroy();
});

describe('the draft page in a browser', () => {
  for (const lang of ['zh-CN', 'en'] as const)
    for (const width of [1280, 390])
      it(`opens a clause's provenance and follows the contents (${lang}, ${width} px)`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        const errors: string[] = [];
        page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`${url}?lang=${lang}`);
        const clause = manifest.clauses.find((c) => c.text.includes('within two seconds'))!;
        const pop = page.locator(`#p-${clause.id}`);
        expect(await pop.isVisible()).toBe(false);
        await page.locator(`#${clause.id} .prov-btn`).click();
        expect(await pop.isVisible()).toBe(true);
        const shown = await pop.innerText();
        expect(shown).toContain(clause.origin.path);
        expect(shown).toContain(clause.origin.commit.slice(0, 12));
        expect(shown).toContain('Bob Li');
        // The labels come from the stylesheet in the page's language.
        const label = await page.evaluate(
          `getComputedStyle(document.querySelector('#p-${clause.id} dt.lb-file'), '::before').content`,
        );
        expect(label).toBe(lang === 'en' ? '"File"' : '"文件"');
        expect(await pop.locator('a.lb-permalink').getAttribute('href')).toBe(clause.origin.permalink);
        const box = (await pop.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        await page.keyboard.press('Escape');
        expect(await pop.isVisible()).toBe(false);

        const errorsChapter = manifest.clauses.find((c) => c.kind === 'clause' && c.title === 'Errors')!;
        await page.locator(`.draft-toc a[href="#${errorsChapter.id}"]`).click();
        expect(new URL(page.url()).hash).toBe(`#${errorsChapter.id}`);
        const top = (await page.evaluate(
          `document.getElementById('${errorsChapter.id}').getBoundingClientRect().top`,
        )) as number;
        expect(top).toBeGreaterThanOrEqual(0);
        expect(top).toBeLessThan(200);
        const wide = (await page.evaluate('document.documentElement.scrollWidth')) as number;
        expect(wide).toBeLessThanOrEqual(width);
        expect(errors).toEqual([]);
        await page.close();
      });
});
