import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { diffRevisions } from '../../sync/review/diffs/diff-revisions.ts';
import type { RevisionDiff } from '../../sync/review/diffs/revision-diff.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

// The demo's published standard MP-2026-001 has two revisions, from the nimbus spec at 1.0.0 and at 1.1.0 ("tenant
// labels are never hard constraints"): the second was generated with its clause diff against the first.
let app: TestInstance;
beforeAll(async () => {
  app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_DEMO_PROPOSALS: 'on' } });
}, 180_000);
afterAll(() => app?.destroy());

type DiffJson = { number: string; from: number; to: number; stored: boolean; diff: RevisionDiff };
const api = (path: string) => fetch(`${app.url}/api/proposals/${path}`);
const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('diffs between revisions', () => {
  it('are stored with the later revision, exactly what the diff of the two manifests gives', async () => {
    const res = await api('MP-2026-001/diff');
    expect(res.status).toBe(200);
    const body = (await res.json()) as DiffJson;
    expect(body).toMatchObject({ number: 'MP-2026-001', from: 0, to: 1, stored: true });
    const manifest = async (rev: number) =>
      (await (await api(`MP-2026-001/revisions/${rev}/manifest.json`)).json()) as DraftManifest;
    expect(body.diff).toEqual(JSON.parse(JSON.stringify(diffRevisions(await manifest(0), await manifest(1)))));
    expect(body.diff.summary.edited + body.diff.summary.added + body.diff.summary.removed).toBeGreaterThan(0);
    expect(body.diff.from.commit).not.toBe(body.diff.to.commit);
    const named = (await (await api('MP-2026-001/diff?from=00&to=-01')).json()) as DiffJson;
    expect(named.diff).toEqual(body.diff);
  });

  it('refuses what is not a pair of ready revisions, saying why', async () => {
    const one = await api('MP-2026-003/diff');
    expect(one.status).toBe(404);
    expect(await code(one)).toBe('diff_needs_two_revisions');
    const backwards = await api('MP-2026-001/diff?from=01&to=00');
    expect(backwards.status).toBe(400);
    expect(await code(backwards)).toBe('diff_order');
    const missing = await api('MP-2026-001/diff?from=00&to=07');
    expect(missing.status).toBe(404);
    expect(await code(missing)).toBe('revision_not_found');
    const bad = await api('MP-2026-001/diff?from=x');
    expect(bad.status).toBe(400);
    expect(await code(bad)).toBe('diff_bad_range');
    const page = await fetch(`${app.url}/proposals/MP-2026-001/diff/zero..one?lang=en`);
    expect(page.status).toBe(404);
  });

  it('show as a page in both languages, linked from the later draft', async () => {
    const { diff } = (await (await api('MP-2026-001/diff')).json()) as DiffJson;
    const edited = diff.edited[0]!;
    for (const [lang, heading, summary] of [
      ['en', 'Changes from MP-2026-001-00 to MP-2026-001-01', 'Summary'],
      ['zh-CN', 'MP-2026-001-00 至 MP-2026-001-01 的变化', '概况'],
    ] as const) {
      const html = await (await fetch(`${app.url}/proposals/MP-2026-001/diff/00..01?lang=${lang}`)).text();
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).toContain(`<h2>${summary}</h2>`);
      expect(html).toContain(`id="${edited.id}"`);
      expect(html).toMatch(/<(ins|del)>/);
    }
    const draft = await (await fetch(`${app.url}/proposals/MP-2026-001/01?lang=en`)).text();
    expect(draft).toContain('href="/proposals/MP-2026-001/diff/00..01">Changes since MP-2026-001-00</a>');
  });
});
