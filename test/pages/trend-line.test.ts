import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, createUpstream, type Upstream } from '../support/git-fixture.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { DAY, daysAgo, mirrorProject } from '../maturity/maturity-fixture.ts';

describe('the trend line of a signal', () => {
  let app: TestInstance;
  let upstream: Upstream;
  let id: number;
  const page = async (): Promise<string> => (await fetch(`${app.url}/projects/acme/trend?lang=en`)).text();
  // The card of one signal on the project page (up to the next signal's card or the end of its group).
  const row = (html: string, signal: string): string => {
    const at = html.indexOf(`<li class="signal" id="signal-${signal}">`);
    expect(at, `card of ${signal}`).toBeGreaterThan(-1);
    const rest = html.slice(at + 1);
    const end = [rest.indexOf('<li class="signal" '), rest.indexOf('<section')].filter((i) => i >= 0);
    return rest.slice(0, Math.min(...end));
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

  it('is drawn from the stored history, reconstructed from the mirror at the first evaluation, then grows', async () => {
    const values = () =>
      app.store.maturity.observations.history(id, 'activity.commits-90d').map((o) => JSON.parse(o.value!) as number);
    // Reconstructed every week back to the first commit (20 days ago): 1 commit 14 days ago, 2 a week ago, 2 now.
    expect(values()).toEqual([1, 2, 2]);
    const before = row(await page(), 'activity.commits-90d');
    expect(before).toMatch(/History reconstructed from the mirror back to [^<]+</);
    expect(points(before)).toHaveLength(3);

    // A day later three more commits arrive; the next fetch and evaluation record a changed value.
    app.clock.advance(DAY);
    for (let i = 0; i < 3; i += 1)
      upstream.commit({ 'spec/core.md': `v${i + 2}\n` }, i % 2 ? ALICE : BOB, daysAgo(app, 0, -(i + 1)));
    upstream.push();
    await app.sync.fetch(id);
    await app.sync.maturity.evaluate(id);

    expect(values()).toEqual([1, 2, 2, 5]);
    // The next request after the evaluation shows it (the page is not served from before the change).
    const after = row(await page(), 'activity.commits-90d');
    expect(after).toContain('<span class="signal-value">5</span>');
    const drawn = points(after);
    expect(drawn).toHaveLength(4);
    // Oldest on the left and lowest; the newest, highest count on the right and highest up (SVG y grows downwards).
    expect(drawn[0]!.x).toBeLessThan(drawn[3]!.x);
    expect(drawn[0]!.y).toBeGreaterThan(drawn[3]!.y);
    expect(after).toMatch(/aria-label="History of Commits in the last 90 days: 4 observations from [^"]+ to [^"]+"/);
    // The table view lists the points where the value changed, newest first.
    expect(after).toMatch(/<details class="table-view"><summary>Show as a table<\/summary>/);
  });
});
