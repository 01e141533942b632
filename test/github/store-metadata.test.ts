import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../db/store.ts';
import { buildDemoCommunity } from '../../sync/demo/build/build-demo-community.ts';
import { storeMetadata } from '../../sync/github/store-metadata.ts';
import { demoMetadata, registerMember, REPO_ID, tempStore } from './metadata-fixture.ts';

const AT = '2026-07-01T00:00:00.000Z';
let temp: ReturnType<typeof tempStore>;
let store: Store;

beforeEach(() => {
  temp = tempStore();
  store = temp.store;
  registerMember(store);
});
afterEach(() => temp.close());

const row = (number: number) => store.issueActivity.getByNumber(REPO_ID, number)!;

describe('storeMetadata', () => {
  it('stores a demo-shaped snapshot: facts, first responses, approvals, CI, contributors and companies', () => {
    const stored = storeMetadata(store, REPO_ID, demoMetadata(), AT);
    expect(stored).toEqual({
      repository: true,
      releases: 2,
      contributors: 3,
      users: 3,
      issues: 2,
      pullRequests: 2,
      problems: [],
    });

    const repo = store.repositories.get(REPO_ID)!;
    expect({
      stars: repo.stars,
      forks: repo.forks,
      license: repo.license_spdx,
      branch: repo.default_branch,
      language: repo.language,
    }).toEqual({
      stars: 42,
      forks: 7,
      license: 'Apache-2.0',
      branch: 'main',
      language: 'Go',
    });
    expect(store.releases.listForRepository(REPO_ID).map((r) => [r.tag_name, JSON.parse(r.assets!)])).toEqual([
      ['v1.1.0', ['widget-1.1.0.tar.gz']],
      ['v1.0.0', ['widget-1.0.0.tar.gz']],
    ]);
    expect(store.contributors.listForRepository(REPO_ID).map((c) => [c.login, c.contributions, c.type])).toEqual([
      ['ada', 40, 'User'],
      ['bob', 25, 'User'],
      ['helper[bot]', 9, 'Bot'],
    ]);
    expect(store.githubUsers.get('ADA')).toMatchObject({ login: 'ada', company: '@acme', email: 'ada@acme.example' });
    expect(store.githubUsers.get('bob')).toMatchObject({ company: 'Globex Corp.', email: null });

    // Issue 1: the author's own comment does not count; the bot's is kept apart from the first human response.
    expect(row(1)).toMatchObject({
      comments_count: 3,
      first_response_at: '2026-06-02T00:00:00Z',
      first_response_login: 'bob',
      first_response_kind: 'comment',
      first_bot_response_at: '2026-06-01T02:00:00Z',
      first_bot_response_login: 'helper[bot]',
      responses_checked_at: row(1).updated_at,
    });
    expect(row(2)).toMatchObject({ comments_count: 0, first_response_at: null, first_bot_response_at: null });
    // PR 3: the first response is a review; approved; merged by someone else; CI ran with one failure.
    expect(row(3)).toMatchObject({
      is_pull_request: 1,
      merged_by_login: 'carol',
      first_response_at: '2026-06-05T06:00:00Z',
      first_response_login: 'carol',
      first_response_kind: 'review',
      check_runs_count: 2,
      details_checked_at: row(3).updated_at,
    });
    expect(JSON.parse(row(3).check_conclusions!)).toEqual({ success: 1, failure: 1 });
    expect(store.issueActivity.listReviews(row(3).id).map((r) => [r.reviewer_login, r.state, r.submitted_at])).toEqual([
      ['carol', 'COMMENTED', '2026-06-05T06:00:00Z'],
      ['carol', 'APPROVED', '2026-06-06T00:00:00Z'],
    ]);
    // PR 4: no review, no CI (zero runs, not unknown), answered by a comment.
    expect(row(4)).toMatchObject({
      check_runs_count: 0,
      first_response_login: 'bob',
      first_response_kind: 'comment',
      merged_at: null,
    });
    expect(store.issueActivity.listReviews(row(4).id)).toEqual([]);
  });

  it('is idempotent, tombstones releases no longer listed, and keeps details a later snapshot does not carry', () => {
    const snapshot = demoMetadata();
    storeMetadata(store, REPO_ID, snapshot, AT);
    storeMetadata(store, REPO_ID, snapshot, AT);
    expect(store.issueActivity.listReviews(row(3).id)).toHaveLength(2);

    // A later listing without comments, reviews or checks (not read this time) and with one release gone.
    const later = demoMetadata();
    storeMetadata(
      store,
      REPO_ID,
      {
        releases: later.releases.slice(1),
        pullRequests: later.pullRequests.map(({ comment_list: _c, reviews: _r, check_runs: _k, ...pr }) => pr),
      },
      '2026-07-02T00:00:00.000Z',
    );
    expect(store.releases.listForRepository(REPO_ID).map((r) => r.tag_name)).toEqual(['v1.1.0']);
    expect(store.releases.get(REPO_ID * 1000)!.deleted_at).toBe('2026-07-02T00:00:00.000Z');
    expect(row(3)).toMatchObject({ check_runs_count: 2, first_response_login: 'carol' });
    expect(store.issueActivity.listReviews(row(3).id)).toHaveLength(2);
  });

  it('reports unusable items instead of throwing, and applies details to held rows only', () => {
    const stored = storeMetadata(
      store,
      REPO_ID,
      {
        issues: [
          { id: 1, number: 1, comment_list: [] }, // details for an item never listed
          { id: 2, number: 2, title: 'no state' } as never,
        ],
      },
      AT,
    );
    expect(stored.issues).toBe(0);
    expect(stored.problems).toEqual(['issue #1: details for an item not held', expect.stringMatching(/^issue #2: /)]);
  });

  it('stores every project of the built demo community without a problem', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'magnolia-demo-metadata-'));
    try {
      const projects = await buildDemoCommunity(dir);
      for (const p of projects) {
        registerMember(store, p.repository.id, p.owner, p.repo);
        const stored = storeMetadata(store, p.repository.id, p, AT);
        expect(stored, p.repo).toMatchObject({
          repository: true,
          issues: p.issues.length,
          pullRequests: p.pullRequests.length,
          problems: [],
        });
      }
      // Process facts came out: first responses, approvals and CI on the mature projects.
      const facts = store.db
        .prepare(
          `SELECT count(first_response_at) AS answered, sum(check_runs_count > 0) AS withCi,
             (SELECT count(*) FROM pull_request_reviews WHERE state = 'APPROVED') AS approvals FROM issues`,
        )
        .get() as { answered: number; withCi: number; approvals: number };
      expect(facts.answered).toBeGreaterThan(100);
      expect(facts.withCi).toBeGreaterThan(100);
      expect(facts.approvals).toBeGreaterThan(100);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
