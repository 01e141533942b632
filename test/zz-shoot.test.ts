import { it } from 'vitest';
import { launchChromium } from './support/launch-chromium.ts';
import { startTestInstance } from './support/test-instance.ts';

it('shoots', async () => {
  const app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_DEMO_PROPOSALS: 'on' } });
  await app.worker.drain();
  const browser = await launchChromium();
  const p = (await (await fetch(`${app.url}/api/proposals/MP-2026-001`)).json()) as { commit: string };
  const pages: [string, string][] = [
    ['source', `/source/cloudtide/nimbus-placement/blob/${p.commit}/spec/placement.md?lines=5-9`],
    ['proposal', `/proposals/MP-2026-001`],
    ['diff', `/proposals/MP-2026-001/diff/00..01`],
  ];
  for (const [name, path] of pages)
    for (const lang of ['en', 'zh-CN'])
      for (const width of [1280, 390]) {
        const ctx = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await ctx.newPage();
        await page.goto(`${app.url}${path.replace('#', `${path.includes('?') ? '&' : '?'}lang=${lang}#`)}${path.includes('#') ? '' : `${path.includes('?') ? '&' : '?'}lang=${lang}`}`);
        await page.screenshot({ path: `/tmp/shots/${name}-${lang}-${width}.png`, fullPage: name !== 'source' });
        await ctx.close();
      }
  await browser.close();
  await app.destroy();
}, 240_000);
