import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestPullRequest } from '../../../sync/github/store-metadata.ts';
import type { MaturityJson } from '../../../sync/maturity/maturity-json.ts';
import { ALICE, createUpstream } from '../../support/git-fixture.ts';
import { startTestInstance, type TestInstance } from '../../support/test-instance.ts';
import { daysAgo, giveApiData, mirrorProject, outcome, signalOf } from '../maturity-fixture.ts';

const HOUR = 3_600_000;
const user = (login: string) => ({ id: 0, login, type: login.endsWith('[bot]') ? 'Bot' : 'User' });
const DEPENDABOT = user('dependabot[bot]');

describe('API signals on fake REST data: releases, response times, reviews, CI, closure, maintenance', () => {
  let app: TestInstance;
  let id: number;
  let result: MaturityJson;

  beforeAll(async () => {
    app = await startTestInstance();
    const at = (days: number, hours = 0) => daysAgo(app, days, hours);
    const upstream = createUpstream('process');
    upstream.commit({ 'README.md': '# process\n' }, ALICE, at(200));
    upstream.commit({ 'README.md': '# process 2\n' }, ALICE, at(50));
    upstream.commit({ 'README.md': '# process 3\n' }, ALICE, at(40));
    upstream.commit(
      { 'package.json': '{}\n' },
      { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
      at(30),
    );
    upstream.push();
    id = await mirrorProject(app, 'acme/process', upstream);

    const issue = (
      number: number,
      author: string,
      created: string,
      state: 'open' | 'closed',
      comments: { login: string; at: string }[],
      association = 'NONE',
    ) => ({
      id: 1000 + number,
      number,
      title: `Issue ${number}`,
      state,
      user: user(author),
      author_association: association,
      created_at: created,
      updated_at: comments.at(-1)?.at ?? created,
      closed_at: state === 'closed' ? (comments.at(-1)?.at ?? created) : null,
      comments: comments.length,
      comment_list: comments.map((c) => ({ user: user(c.login), created_at: c.at })),
    });
    const pull = (
      number: number,
      author: string,
      created: string,
      merged: { at: string; by: string } | null,
      extra: Partial<RestPullRequest>,
    ): RestPullRequest => ({
      ...{
        id: 2000 + number,
        number,
        title: `Pull ${number}`,
        state: merged ? 'closed' : 'open',
        user: user(author),
        author_association: author.endsWith('[bot]') ? 'NONE' : 'MEMBER',
        created_at: created,
        updated_at: merged?.at ?? created,
        closed_at: merged?.at ?? null,
        merged_at: merged?.at ?? null,
        merged_by: merged ? user(merged.by) : null,
        head: { sha: `${number}`.padStart(40, '0') },
      },
      ...extra,
    });
    const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR).toISOString();

    const releases = [
      {
        id: 11,
        tag_name: 'v1.1.0',
        name: '1.1.0',
        body: null,
        draft: false,
        prerelease: false,
        created_at: at(60),
        published_at: at(60),
      },
      {
        id: 10,
        tag_name: 'v1.0.0',
        name: '1.0.0',
        body: null,
        draft: false,
        prerelease: false,
        created_at: at(500),
        published_at: at(500),
      },
      {
        id: 12,
        tag_name: 'v2.0.0-rc.1',
        name: null,
        body: null,
        draft: true,
        prerelease: true,
        created_at: at(5),
        published_at: null,
      },
    ];
    giveApiData(app, id, {
      repository: { id: 1, name: 'process', full_name: 'acme/process', owner: { login: 'acme' } },
      releases,
      issues: [
        // A bot answers first and the author comments: neither is a response; Alice's, 10 hours in, is.
        issue(1, 'erin', at(20), 'closed', [
          { login: DEPENDABOT.login, at: plus(at(20), 1) },
          { login: 'erin', at: plus(at(20), 2) },
          { login: 'alice', at: plus(at(20), 10) },
        ]),
        issue(2, 'frank', at(15), 'open', [{ login: 'bob', at: plus(at(15), 4) }]),
        // Opened by a bot: left out of response times.
        issue(3, DEPENDABOT.login, at(10), 'open', []),
        // Waiting for 48 hours so far.
        issue(4, 'gina', at(2), 'open', []),
        // Closed with only a bot's reply: no human response, left out.
        issue(5, 'hank', at(12), 'closed', [{ login: DEPENDABOT.login, at: plus(at(12), 1) }]),
      ],
      pullRequests: [
        pull(
          10,
          'alice',
          at(30),
          { at: at(29), by: 'bob' },
          {
            reviews: [{ id: 1, user: user('bob'), state: 'APPROVED', submitted_at: at(29) }],
            check_runs: [
              { status: 'completed', conclusion: 'success' },
              { status: 'completed', conclusion: 'success' },
            ],
          },
        ),
        // Approved only by a bot and merged by its author: not reviewed; no CI.
        pull(
          11,
          'alice',
          at(25),
          { at: at(24), by: 'alice' },
          { reviews: [{ id: 2, user: DEPENDABOT, state: 'APPROVED', submitted_at: at(24) }], check_runs: [] },
        ),
        // A bot's pull request merged by a person: reviewed by the merge.
        pull(
          12,
          DEPENDABOT.login,
          at(20),
          { at: at(19), by: 'alice' },
          { reviews: [], check_runs: [{ status: 'completed', conclusion: 'success' }] },
        ),
        // Approved by its own author: not reviewed; checks never read (left out of CI).
        pull(
          13,
          'bob',
          at(15),
          { at: at(14), by: 'bob' },
          { reviews: [{ id: 3, user: user('bob'), state: 'APPROVED', submitted_at: at(14) }] },
        ),
        pull(14, 'carol', at(1), null, {}),
      ],
    });
    result = await app.sync.maturity.evaluate(id);
  }, 60_000);
  afterAll(() => app.destroy());

  const url = (rest: string) => `${app.config.githubUrl}/acme/process/${rest}`;

  it('counts published releases in the window, not drafts, with the release as evidence', () => {
    expect(outcome(result, 'releases.recent')).toEqual({ value: 1, status: 'pass', reason: null });
    expect(signalOf(result, 'releases.recent').evidence).toEqual([
      { kind: 'release', url: url('releases/tag/v1.1.0'), label: `1.1.0 (${daysAgo(app, 60).slice(0, 10)})` },
    ]);
    expect(signalOf(result, 'releases.recent').source).toBe('api');
  });

  it('times the first response by a person other than the author; bots neither respond nor count as authors', () => {
    // #1 answered after 10 h (not the bot's 1 h), #2 after 4 h, #4 and pull #14 unanswered for 48 h and 24 h.
    expect(outcome(result, 'process.response-median')).toEqual({
      value: 10,
      status: 'pass',
      reason: 'median hours to first response over 4 issues and pull requests, 2 still unanswered',
    });
    expect(outcome(result, 'process.response-p90')).toMatchObject({ value: 48, status: 'pass' });
    expect(signalOf(result, 'process.response-median').evidence).toEqual([
      { kind: 'issue', url: url('issues/4'), label: '#4 unanswered for 48 h' },
      { kind: 'pull', url: url('pull/14'), label: '#14 unanswered for 24 h' },
      { kind: 'issue', url: url('issues/1'), label: '#1 answered after 10 h' },
      { kind: 'issue', url: url('issues/2'), label: '#2 answered after 4 h' },
    ]);
  });

  it('review coverage: an approval by another person, or a merge by someone other than the author (bots do not approve)', () => {
    expect(outcome(result, 'process.review-coverage')).toEqual({
      value: 0.5,
      status: 'fail',
      reason: '2 of the last 4 merged pull requests reviewed',
    });
    expect(signalOf(result, 'process.review-coverage').evidence.map((e) => e.url)).toEqual([
      url('pull/13'),
      url('pull/11'),
    ]);
  });

  it('CI on merged pull requests whose checks were read, and the pull-request closure ratio', () => {
    expect(outcome(result, 'process.ci')).toEqual({
      value: 0.67,
      status: 'pass',
      reason: 'CI ran on 2 of 3 merged pull requests',
    });
    expect(signalOf(result, 'process.ci').evidence).toEqual([
      { kind: 'pull', url: url('pull/11'), label: '#11 merged without CI checks' },
    ]);
    expect(outcome(result, 'process.pr-closure')).toEqual({
      value: 0.8,
      status: 'pass',
      reason: '4 of 5 pull requests closed',
    });
  });

  it('maintained: commits by people plus items with maintainer activity in 90 days', () => {
    expect(outcome(result, 'activity.maintained')).toEqual({
      // Alice's two commits (not the bot's); #1 and #2 answered by maintainers, four merges, and #14 opened by a member.
      value: 9,
      status: 'pass',
      reason: '2 commits and 7 issues or pull requests with maintainer activity',
    });
  });

  it('an unknown signal stays unknown when the checks of merged pull requests were never read', async () => {
    app.store.db.prepare('UPDATE issues SET check_runs_count = NULL WHERE repository_id = ?').run(id);
    const again = await app.sync.maturity.evaluate(id);
    expect(outcome(again, 'process.ci')).toEqual({
      value: null,
      status: 'unknown',
      reason: 'the checks of merged pull requests have not been read yet',
    });
  });
});
