import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../db/proposals/proposal-queries.ts';
import type { RevisionSummary } from '../../db/proposals/revision-queries.ts';
import { publicRevisions } from '../../sync/publication/public-revisions.ts';
import { normaliseBasePath, siteLinks } from '../../sync/publication/site-links.ts';

const PUBLIC = new Set(['public-comment', 'technical-review', 'approval', 'published', 'periodic-review', 'abolished']);
const rev = (n: number, stage: string, status: RevisionSummary['status'] = 'ready'): RevisionSummary => ({
  number: 'MP-2026-001',
  rev: n,
  ref: 'main',
  commit_sha: 'a'.repeat(40),
  sources_digest: `d${n}`,
  status,
  stage,
  requested_by: 'x',
  reason: '',
  created_at: `2026-0${n + 1}-01T00:00:00.000Z`,
  ready_at: `2026-0${n + 1}-02T00:00:00.000Z`,
  error: null,
});
let id = 0;
const row = (action: string, from: string, to: string, r: number | null, at: string): HistoryRow => ({
  id: ++id,
  number: 'MP-2026-001',
  at,
  actor: 'linqing-sec',
  action,
  from_stage: from,
  to_stage: to,
  rev: r,
  comment: '',
  decision: null,
});

describe('public revisions', () => {
  it('are the revisions current when a proposal entered a public stage, and those made inside one', () => {
    const history = [
      row('submit', 'draft', 'submitted', 0, '2026-01-05T00:00:00.000Z'),
      row('start-drafting', 'approved', 'working-draft', 0, '2026-02-01T00:00:00.000Z'),
      row('open-comment', 'working-draft', 'public-comment', 1, '2026-03-01T00:00:00.000Z'),
      row('send-to-review', 'public-comment', 'technical-review', 1, '2026-04-01T00:00:00.000Z'),
      row('pass-review', 'technical-review', 'approval', 3, '2026-06-01T00:00:00.000Z'),
      row('publish', 'approval', 'published', 3, '2026-07-01T00:00:00.000Z'),
    ];
    const revisions = [
      rev(0, 'draft'),
      rev(1, 'working-draft'),
      rev(2, 'technical-review', 'failed'),
      rev(3, 'technical-review'),
      rev(4, 'working-draft', 'queued'),
    ];
    expect(publicRevisions(history, revisions, PUBLIC)).toEqual([
      { rev: 1, stage: 'public-comment', at: '2026-03-01T00:00:00.000Z', published: false, publishedAt: null },
      {
        rev: 3,
        stage: 'technical-review',
        at: '2026-04-02T00:00:00.000Z',
        published: true,
        publishedAt: '2026-07-01T00:00:00.000Z',
      },
    ]);
  });

  it('are none while the proposal never left the private stages', () => {
    const history = [row('submit', 'draft', 'submitted', 0, '2026-01-05T00:00:00.000Z')];
    expect(publicRevisions(history, [rev(0, 'draft')], PUBLIC)).toEqual([]);
  });
});

describe('site links', () => {
  it('are relative and name index.html, or absolute under the base path', () => {
    const rel = siteLinks('');
    expect(rel.href('MP-2026-001/01/index.html', 'assets/site.css')).toBe('../../assets/site.css');
    expect(rel.href('en/MP-2026-001/01/index.html', rel.page('zh-CN', 'MP-2026-001/01/index.html'))).toBe(
      '../../../MP-2026-001/01/index.html',
    );
    expect(rel.href('index.html', 'index.html')).toBe('index.html');
    expect(rel.href('MP-2026-001/01/index.html', 'MP-2026-001/01/draft.md')).toBe('draft.md');
    const abs = siteLinks('standards');
    expect(abs.basePath).toBe('/standards/');
    expect(abs.href('x/index.html', abs.page('en', 'MP-2026-001/01/index.html'))).toBe('/standards/en/MP-2026-001/01/');
    expect(abs.href('x/index.html', 'index.html')).toBe('/standards/');
    expect(abs.published('sitemap.xml')).toBe('/standards/sitemap.xml');
    expect([normaliseBasePath('/'), normaliseBasePath(''), normaliseBasePath('/a/b')]).toEqual(['/', '', '/a/b/']);
  });
});
