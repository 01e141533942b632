import { afterEach, describe, expect, it } from 'vitest';
import { renderOptional } from '../../content/i18n/render-message.ts';
import type { Message } from '../../kernel/i18n/message.ts';
import { lookupRepository, refreshMetadata as refreshWithCodes } from '../../sync/github/refresh-metadata.ts';
import { storeMetadata } from '../../sync/github/store-metadata.ts';
import { closedPortUrl, startHarness, TOKEN, type Harness } from './github-harness.ts';
import { demoMetadata, registerMember, REPO_ID, tempStore } from './metadata-fixture.ts';

/** Reasons as a reader sees them (in English): the engine gives message codes. */
function english(value: object): { [field: string]: unknown; reason?: string | null } {
  const reason = (value as { reason?: Message | null }).reason;
  return 'reason' in value ? { ...value, reason: renderOptional(reason, 'en') } : { ...value };
}

/** The metadata refresh, with its reason in English. */
const refreshMetadata = async (...args: Parameters<typeof refreshWithCodes>) =>
  english(await refreshWithCodes(...args));

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const nowSeconds = (): string => String(Math.floor(Date.now() / 1000));
const count = (h: Harness, sql: string): number => h.store.db.prepare(sql).pluck().get(REPO_ID) as number;
const issueCount = (h: Harness) => count(h, 'SELECT count(*) FROM issues WHERE repository_id = ?');
const seen = (h: Harness, pattern: RegExp) =>
  h.fake.requests.filter((r) => pattern.test(`${r.method} ${r.path}?${r.query}`));
const statuses = (h: Harness, pattern: RegExp) => seen(h, pattern).map((r) => r.status);
const REPO = /^GET \/repos\/acme\/widget\?$/;

describe('refreshMetadata against a fake GitHub Enterprise API', () => {
  it('follows pagination over several pages and stores what storeMetadata stores from the same snapshot', async () => {
    const data = demoMetadata({ extraIssues: 230, releases: 130, contributors: 105 });
    harness = await startHarness({ data });
    const outcome = await refreshMetadata(harness.deps, REPO_ID);
    expect(outcome).toMatchObject({ status: 'ok', repository: 'acme/widget', notes: [] });

    const issuePages = seen(harness, /^GET \/repos\/acme\/widget\/issues\?/).map((r) =>
      new URLSearchParams(r.query).get('page'),
    );
    expect(issuePages).toEqual([null, '2', '3']);
    expect(seen(harness, /\/releases\?.*page=2/)).toHaveLength(1);
    expect(seen(harness, /\/contributors\?.*page=2/)).toHaveLength(1);
    expect(seen(harness, /\/issues\?/).every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(issueCount(harness)).toBe(234);
    expect(harness.store.releases.listForRepository(REPO_ID)).toHaveLength(130);
    expect(harness.store.contributors.listForRepository(REPO_ID)).toHaveLength(108);
    expect(harness.store.githubUsers.get('bob')?.company).toBe('Globex Corp.');
    expect(harness.store.githubUsers.get('helper[bot]')).toBeUndefined();
    expect(english(harness.store.metadataState.get(REPO_ID)!)).toMatchObject({
      source: 'api',
      status: 'ok',
      reason: null,
      fetchedAt: '2026-07-01T00:00:00.000Z',
    });

    // The same snapshot stored directly (the demo seed's path) gives the same process facts.
    const direct = tempStore();
    try {
      registerMember(direct.store);
      storeMetadata(direct.store, REPO_ID, data, '2026-07-01T00:00:00.000Z');
      for (const number of [1, 2, 3, 4]) {
        const { head_sha: _restHead, ...viaRest } = harness.store.issueActivity.getByNumber(REPO_ID, number)!;
        const { head_sha: _demoHead, ...viaSeed } = direct.store.issueActivity.getByNumber(REPO_ID, number)!;
        expect(viaRest, `item #${number}`).toEqual(viaSeed);
      }
      const pr3 = harness.store.issueActivity.getByNumber(REPO_ID, 3)!;
      expect(pr3).toMatchObject({ merged_by_login: 'carol', first_response_login: 'carol', check_runs_count: 2 });
      expect(harness.store.issueActivity.listReviews(pr3.id).map((r) => r.state)).toEqual(['COMMENTED', 'APPROVED']);
    } finally {
      direct.close();
    }
  });

  it('sends If-None-Match from the cache and serves 304s from it, free of charge, with the data intact', async () => {
    harness = await startHarness({ data: demoMetadata({ releases: 130 }) });
    await refreshMetadata(harness.deps, REPO_ID);
    const before = { issues: issueCount(harness), releases: harness.store.releases.listForRepository(REPO_ID).length };
    harness.fake.requests.length = 0;
    const remaining = harness.fake.rateLimitRemaining;

    const outcome = await refreshMetadata(harness.deps, REPO_ID);
    expect(outcome.status).toBe('ok');
    const cached = seen(harness, /^GET \/repos\/acme\/widget(\/releases|\/contributors)?\?/);
    expect(cached.map((r) => `${r.path}?${r.query}`)).toEqual([
      '/repos/acme/widget?',
      '/repos/acme/widget/releases?per_page=100',
      '/repos/acme/widget/releases?per_page=100&page=2',
      '/repos/acme/widget/contributors?per_page=100',
    ]);
    for (const request of cached) {
      expect(request.ifNoneMatch, `${request.path}?${request.query}`).toMatch(/^W\/"[0-9a-f]{40}"$/);
      expect(request.status, `${request.path}?${request.query}`).toBe(304);
    }
    expect(seen(harness, /\/releases\?.*page=2/)).toHaveLength(1); // the cached Link header still paginates
    // The incremental listing asks only for what changed since the newest change held.
    expect(new URLSearchParams(seen(harness, /\/issues\?/)[0]!.query).get('since')).toBe('2026-06-08T00:00:00Z');
    expect(outcome).toMatchObject({ notModified: cached.length });
    if (outcome.status === 'ok') expect(outcome.requests).toBe(harness.fake.requests.length - cached.length);
    expect(harness.fake.rateLimitRemaining).toBe(remaining - (harness.fake.requests.length - cached.length));
    expect({ issues: issueCount(harness), releases: harness.store.releases.listForRepository(REPO_ID).length }).toEqual(
      before,
    );
    expect(harness.store.repositories.get(REPO_ID)!.stars).toBe(42);
  });

  it('waits for a 403 with x-ratelimit-remaining: 0, then retries and succeeds', async () => {
    harness = await startHarness();
    harness.fake.script(REPO, {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': nowSeconds() },
      body: { message: 'API rate limit exceeded for user ID 1.', documentation_url: 'https://docs.github.com/rest' },
    });
    expect(await refreshMetadata(harness.deps, REPO_ID)).toMatchObject({ status: 'ok' });
    expect(statuses(harness, REPO)).toEqual([403, 200]);
    expect(harness.github.stats.rateLimitWaits).toBe(1);
  });

  it('waits for a 429 with retry-after, then retries and succeeds', async () => {
    harness = await startHarness();
    harness.fake.script(/\/releases\?/, {
      status: 429,
      headers: { 'retry-after': '2' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    });
    expect(await refreshMetadata(harness.deps, REPO_ID)).toMatchObject({ status: 'ok' });
    expect(statuses(harness, /\/releases\?/)).toEqual([429, 200]);
    expect(harness.store.releases.listForRepository(REPO_ID)).toHaveLength(2);
  });

  it('retries a 502', async () => {
    harness = await startHarness();
    const badGateway = { status: 502, body: { message: 'Server Error' } };
    harness.fake.script(/\/contributors\?/, badGateway, badGateway);
    expect(await refreshMetadata(harness.deps, REPO_ID)).toMatchObject({ status: 'ok' });
    expect(statuses(harness, /\/contributors\?/)).toEqual([502, 502, 200]);
  });

  it('tombstones a repository GitHub answers 404 for, by name and by id', async () => {
    harness = await startHarness();
    harness.fake.deleteRepository('acme/widget');
    expect(await refreshMetadata(harness.deps, REPO_ID)).toMatchObject({
      status: 'tombstoned',
      repository: 'acme/widget',
    });
    expect(harness.store.repositories.get(REPO_ID)!.deleted_at).toBe('2026-07-01T00:00:00.000Z');
    expect(harness.fake.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/repos/acme/widget 404',
      '/repositories/9001 404',
    ]);
    expect(await refreshMetadata(harness.deps, REPO_ID)).toMatchObject({ status: 'skipped' });
  });

  it('does not tombstone on a 404 without a token: a private repository answers 404 to anonymous callers', async () => {
    harness = await startHarness({ token: undefined });
    harness.fake.deleteRepository('acme/widget');
    expect(await refreshMetadata(harness.deps, REPO_ID)).toMatchObject({
      status: 'unknown',
      reason: 'acme/widget answers 404 without a token (it may be private): set GITHUB_TOKEN',
    });
    expect(harness.store.repositories.get(REPO_ID)!.deleted_at).toBeNull();
    expect(await lookupRepository(harness.github, 'acme', 'widget')).toMatchObject({ kind: 'unknown' });
  });

  it('follows the 301 GitHub answers after a rename and keeps one row under the new name', async () => {
    harness = await startHarness();
    await refreshMetadata(harness.deps, REPO_ID);
    harness.fake.renameRepository('acme/widget', 'acme-labs', 'gizmo');
    harness.fake.requests.length = 0;

    expect(await refreshMetadata(harness.deps, REPO_ID)).toMatchObject({
      status: 'ok',
      repository: 'acme-labs/gizmo',
      renamedFrom: 'acme/widget',
    });
    expect(harness.fake.requests.slice(0, 2).map((r) => `${r.path} ${r.status}`)).toEqual([
      '/repos/acme/widget 301',
      '/repositories/9001 200',
    ]);
    expect(seen(harness, /^GET \/repos\/acme-labs\/gizmo\/releases\?/)).toHaveLength(1);
    expect(harness.store.repositories.listMembers().map((r) => [r.id, r.full_name])).toEqual([
      [REPO_ID, 'acme-labs/gizmo'],
    ]);
    expect(harness.store.repositories.findByFormerName('acme/widget')?.id).toBe(REPO_ID);
    expect(harness.store.issueActivity.getByNumber(REPO_ID, 3)?.merged_by_login).toBe('carol');
  });

  it('without a token and with the API unreachable, marks metadata unknown with the reason and keeps earlier facts', async () => {
    harness = await startHarness({ token: undefined, apiUrl: await closedPortUrl() });
    storeMetadata(harness.store, REPO_ID, demoMetadata(), '2026-06-30T00:00:00.000Z');
    harness.store.repositories.setMetadataState(REPO_ID, 'api', 'ok', null, '2026-06-30T00:00:00.000Z');

    const outcome = await refreshMetadata(harness.deps, REPO_ID);
    expect(outcome).toMatchObject({ status: 'unknown', requests: 0 });
    expect(harness.github.stats.networkErrors).toBe(4); // one attempt and three retries
    const reason = outcome.status === 'unknown' ? outcome.reason : '';
    expect(reason).toMatch(/^GitHub API unreachable at http:\/\/127\.0\.0\.1:\d+\/api\/v3: .*ECONNREFUSED/);
    expect(english(harness.store.metadataState.get(REPO_ID)!)).toEqual({
      source: 'api',
      status: 'unknown',
      reason,
      fetchedAt: '2026-06-30T00:00:00.000Z',
      issuesSince: null,
    });
    const repo = harness.store.repositories.get(REPO_ID)!;
    expect({ stars: repo.stars, license: repo.license_spdx, deleted: repo.deleted_at }).toEqual({
      stars: 42,
      license: 'Apache-2.0',
      deleted: null,
    });
    expect(harness.store.releases.listForRepository(REPO_ID)).toHaveLength(2);
    expect(harness.store.contributors.listForRepository(REPO_ID)).toHaveLength(3);
    expect(harness.store.issueActivity.getByNumber(REPO_ID, 1)?.first_response_login).toBe('bob');
  });

  it('gives up on a rate limit that resets beyond the bounded wait, with the reason, keeping the facts', async () => {
    harness = await startHarness({ token: undefined, maxRateLimitWaitSeconds: 60 });
    storeMetadata(harness.store, REPO_ID, demoMetadata(), '2026-06-30T00:00:00.000Z');
    const reset = Math.floor(Date.now() / 1000) + 3600;
    harness.fake.script(REPO, {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { message: "API rate limit exceeded for 127.0.0.1. (But here's the good news: ...)" },
    });
    const outcome = await refreshMetadata(harness.deps, REPO_ID);
    expect(outcome).toEqual({
      status: 'unknown',
      repository: 'acme/widget',
      reason: `GitHub API rate limit exhausted until ${new Date(reset * 1000).toISOString()}; set GITHUB_TOKEN for 5,000 requests an hour instead of 60`,
      requests: 1,
      notModified: 0,
    });
    expect(harness.fake.requests).toHaveLength(1);
    expect(harness.store.repositories.get(REPO_ID)!.stars).toBe(42);
  });

  it('keeps the listing pages read before a failure, and the next refresh resumes from them', async () => {
    harness = await startHarness({ data: demoMetadata({ extraIssues: 230 }) });
    const down = { status: 502, body: { message: 'Server Error' } };
    harness.fake.script(/\/issues\?.*page=2/, down, down, down, down);
    expect(await refreshMetadata(harness.deps, REPO_ID)).toMatchObject({
      status: 'unknown',
      reason: 'GitHub API answered 502: Server Error',
    });
    expect(issueCount(harness)).toBe(100);
    const since = english(harness.store.metadataState.get(REPO_ID)!)!.issuesSince;
    expect(since).not.toBeNull();

    harness.fake.requests.length = 0;
    expect(await refreshMetadata(harness.deps, REPO_ID)).toMatchObject({ status: 'ok' });
    expect(new URLSearchParams(seen(harness, /\/issues\?/)[0]!.query).get('since')).toBe(since);
    expect(issueCount(harness)).toBe(234);
    expect(english(harness.store.metadataState.get(REPO_ID)!)).toMatchObject({ status: 'ok', reason: null });
  });

  it('never puts the token in logs or reasons, even when GitHub echoes it', async () => {
    harness = await startHarness();
    await refreshMetadata(harness.deps, REPO_ID);
    harness.fake.script(REPO, {
      status: 401,
      body: { message: `Bad credentials for ${TOKEN}`, documentation_url: 'https://docs.github.com/rest' },
    });
    const outcome = await refreshMetadata(harness.deps, REPO_ID);
    expect(outcome).toMatchObject({
      status: 'unknown',
      reason: expect.stringMatching(
        // GitHub's own words are the technical detail, after the reason (issue 13, item 11), redacted all the same.
        /^GitHub rejected the credentials \(401\): check GITHUB_TOKEN: Bad credentials for \*\*\*(?! ?[\w-]{8}).*$/,
      ),
    });
    harness.fake.script(
      REPO,
      { status: 500, body: { message: `token ${TOKEN} broke` } },
      { status: 500 },
      { status: 500 },
      { status: 500 },
    );
    const lookup = await lookupRepository(harness.github, 'acme', 'widget');
    expect(lookup.kind).toBe('unknown');

    expect(harness.fake.requests.some((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(harness.logs()).toContain('GET /repos/acme/widget - 401');
    for (const text of [
      harness.logs(),
      JSON.stringify(outcome),
      JSON.stringify(lookup),
      english(harness.store.metadataState.get(REPO_ID)!)!.reason!,
    ]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(TOKEN.slice(4, 20));
    }
  });

  it('never refreshes demo data', async () => {
    harness = await startHarness();
    harness.store.repositories.setMetadataState(REPO_ID, 'demo', 'ok', null, '2026-06-30T00:00:00.000Z');
    expect(await refreshMetadata(harness.deps, REPO_ID)).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('demo'),
    });
    expect(harness.fake.requests).toEqual([]);
  });

  it('marks metadata unknown without a client at all', async () => {
    harness = await startHarness();
    const outcome = await refreshMetadata({ ...harness.deps, github: undefined }, REPO_ID);
    expect(outcome).toMatchObject({ status: 'unknown', reason: 'no GitHub API client configured' });
    expect(english(harness.store.metadataState.get(REPO_ID)!)).toMatchObject({
      status: 'unknown',
      reason: 'no GitHub API client configured',
    });
  });
});

describe('lookupRepository', () => {
  it('finds a repository with its id and facts, reports a missing one, and says why when it cannot tell', async () => {
    harness = await startHarness();
    expect(await lookupRepository(harness.github, 'acme', 'widget')).toMatchObject({
      kind: 'found',
      id: REPO_ID,
      facts: { fullName: 'acme/widget', stars: 42, licenseSpdx: 'Apache-2.0', defaultBranch: 'main' },
    });
    expect(await lookupRepository(harness.github, 'acme', 'nothing')).toEqual({ kind: 'not-found' });
    harness.fake.requireToken = 'another-token-entirely';
    expect(english(await lookupRepository(harness.github, 'acme', 'widget'))).toEqual({
      kind: 'unknown',
      reason:
        'GitHub rejected the credentials (401): check GITHUB_TOKEN: Bad credentials - https://docs.github.com/rest',
    });
  });
});
