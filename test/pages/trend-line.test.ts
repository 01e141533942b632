import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, createUpstream, type Upstream } from '../support/git-fixture.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { DAY, daysAgo, mirrorProject } from '../maturity/maturity-fixture.ts';

describe('the trend line of a signal', () => {
  let app: TestInstance;
  let upstream: Upstream;
  let id: number;
  const page = async (): Promise<string> => (await fetch(`${app.url}/projects/acme/trend?lang=en`)).text();
  // The table row of one signal on the project page.
  const row = (html: string, signal: string): string => {
    const match = new RegExp(`<tr id="signal-${signal.replace('.', '\\.')}">([\\s\\S]*?)</tr>`).exec(html);
    expect(match, `row of ${signal}`).not.toBeNull();
    return match![1]!;
  };
  const points = (cells: string): { x: number; y: number }[] =>
    (/<polyline points="([^"]*)"/.exec(cells)?.[1] ?? '')
      .split(' ')
      .filter((p) => p !== '')
      .map((p) => {
        const [x, y] = p.split(',').map(Number);
        return { x: x!, y: y! };
      });

  beforeAll(async () => {
    app = await startTestInstance();
    upstream = createUpstream('trend');
    upstream.commit({ 'README.md': '# trend\n' }, ALICE, daysAgo(app, 20));
    upstream.commit({ 'spec/core.md': 'v1\n' }, BOB, daysAgo(app, 10));
    upstream.push();
    id = await mirrorProject(app, 'acme/trend', upstream);
    await app.sync.maturity.evaluate(id);
  }, 60_000);
  afterAll(() => app?.destroy());

  it('is drawn from the stored history: none after one evaluation, two points after the inputs changed', async () => {
    const before = row(await page(), 'activity.commits-90d');
    expect(before).toContain('no history yet');
    expect(points(before)).toEqual([]);

    // A day later three more commits arrive; the next fetch and evaluation record a changed value.
    app.clock.advance(DAY);
    for (let i = 0; i < 3; i += 1)
      upstream.commit({ 'spec/core.md': `v${i + 2}\n` }, i % 2 ? ALICE : BOB, daysAgo(app, 0, -(i + 1)));
    upstream.push();
    await app.sync.fetch(id);
    await app.sync.maturity.evaluate(id);

    const history = app.store.maturity.observations.history(id, 'activity.commits-90d');
    expect(history.map((o) => JSON.parse(o.value!) as number)).toEqual([2, 5]);
    // The next request after the evaluation shows it (the page is not served from before the change).
    const after = row(await page(), 'activity.commits-90d');
    expect(after).toContain('<td class="num">5</td>');
    const drawn = points(after);
    expect(drawn).toHaveLength(2);
    // Oldest on the left and lowest; the newer, higher count on the right and higher up (SVG y grows downwards).
    expect(drawn[0]!.x).toBeLessThan(drawn[1]!.x);
    expect(drawn[0]!.y).toBeGreaterThan(drawn[1]!.y);
    expect(after).toMatch(/aria-label="History of Commits in the last 90 days: 2 observations from [^"]+ to [^"]+"/);
  });
});
