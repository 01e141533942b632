import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyDays } from '../../sync/maturity/model/history-days.ts';
import { ALICE, createUpstream } from '../support/git-fixture.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { daysAgo, mirrorProject, outcome } from './maturity-fixture.ts';

const DEFAULT_MODEL = readFileSync(new URL('../../content/maturity/model.yml', import.meta.url), 'utf8');

describe('the history an evaluation reads', () => {
  let app: TestInstance;
  let id: number;
  beforeAll(async () => {
    app = await startTestInstance();
    // One commit 1,000 days ago: inside a 1,095-day window, outside every window of the default model.
    const upstream = createUpstream('old');
    upstream.commit({ 'README.md': '# old\n' }, ALICE, daysAgo(app, 1_000), 'Start');
    upstream.push('main');
    id = await mirrorProject(app, 'acme/old', upstream);
  });
  afterAll(async () => {
    await app?.destroy();
  });

  it("follows the model's longest window, not a constant", async () => {
    expect(historyDays(app.sync.maturity.model())).toBe(730);
    const before = await app.sync.maturity.evaluate(id);
    expect(outcome(before, 'activity.commits-90d')).toMatchObject({ value: 0, status: 'fail' });

    const longer = DEFAULT_MODEL.replace(
      /(id: activity\.commits-90d[\s\S]*?params: \{ windowDays: )90( \})/,
      '$11095$2',
    );
    expect(longer).not.toBe(DEFAULT_MODEL);
    app.sync.maturity.setModel(longer, null);
    expect(historyDays(app.sync.maturity.model())).toBe(1095);
    const after = await app.sync.maturity.evaluate(id);
    expect(outcome(after, 'activity.commits-90d')).toMatchObject({ value: 1, status: 'pass' });
  });
});
