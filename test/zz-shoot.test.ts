import { it } from 'vitest';
import { launchChromium } from './support/launch-chromium.ts';
import { startTestInstance } from './support/test-instance.ts';

it('shoots', async () => {
  const app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_DEMO_PROPOSALS: 'on' } });
  const browser = await launchChromium();
  const list = (await (await fetch(`${app.url}/api/proposals`)).json()) as { proposals: { number: string; state: string }[] };
  const tr = list.proposals.find((p) => p.state === 'technical-review')!.number;
  const draft = list.proposals.find((p) => p.state === 'draft')!.number;
  for (const lang of ['en', 'zh-CN']) {
    for (const width of [1280, 390]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(`${app.url}/signin?lang=${lang}`);
      await page.locator('button', { hasText: lang === 'en' ? 'Chen Yu' : 'Chen Yu' }).first().click();
      for (const [name, path] of [
        ['list', `/proposals?lang=${lang}`],
        ['new', `/proposals/new?lang=${lang}&ref=v1.0.0`],
        ['draft', `/proposals/${draft}?lang=${lang}`],
        ['review', `/proposals/${tr}?lang=${lang}`],
      ]) {
        await page.goto(app.url + path);
        await page.screenshot({ path: `/tmp/shots/${name}-${lang}-${width}.png`, fullPage: true });
      }
      await ctx.close();
    }
  }
  await browser.close();
  await app.destroy();
}, 300_000);
