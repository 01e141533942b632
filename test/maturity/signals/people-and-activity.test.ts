import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaturityJson } from '../../../sync/maturity/maturity-json.ts';
import { resultInEnglish } from '../in-english.ts';
import { ALICE, BOB, CAROL, createUpstream, type Author, type Upstream } from '../../support/git-fixture.ts';
import { startTestInstance, type TestInstance } from '../../support/test-instance.ts';
import { checkFileEvidence, daysAgo, giveApiData, mirrorProject, outcome, signalOf } from '../maturity-fixture.ts';

const DEPENDABOT: Author = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
const signed = (a: Author, subject: string) => `${subject}\n\nSigned-off-by: ${a.name} <${a.email}>`;
const repository = (fullName: string, archived = false) => ({
  id: 1,
  name: fullName.split('/')[1]!,
  full_name: fullName,
  owner: { login: fullName.split('/')[0]! },
  description: null,
  homepage: null,
  license: null,
  default_branch: 'main',
  visibility: 'public',
  archived,
});

describe('people and activity signals on constructed repositories', () => {
  let app: TestInstance;
  let ids: Record<'busy' | 'solo' | 'archived' | 'young', number>;
  let upstreams: Record<'busy' | 'solo' | 'archived' | 'young', Upstream>;
  const results = new Map<string, MaturityJson>();

  beforeAll(async () => {
    app = await startTestInstance();
    const at = (days: number, hours = 0) => daysAgo(app, days, hours);

    // Three people over the last year (4, 4, 2 commits; Carol new, never signs off) and a busy dependabot (20).
    const busy = createUpstream('busy');
    busy.commit({ 'README.md': '# busy\n' }, ALICE, at(500), signed(ALICE, 'Start'));
    busy.commit({ 'src/a.txt': 'a\n' }, BOB, at(480), signed(BOB, 'Add a'));
    for (let i = 0; i < 4; i += 1)
      busy.commit({ 'src/a.txt': `alice ${i}\n` }, ALICE, at(200 - i * 40), signed(ALICE, `Alice ${i}`));
    for (let i = 0; i < 4; i += 1)
      busy.commit({ 'src/b.txt': `bob ${i}\n` }, BOB, at(190 - i * 40, 1), signed(BOB, `Bob ${i}`));
    for (let i = 0; i < 2; i += 1) busy.commit({ 'src/c.txt': `carol ${i}\n` }, CAROL, at(60 - i * 20), `Carol ${i}`);
    for (let i = 0; i < 20; i += 1)
      busy.commit({ 'package.json': `{"v": ${i}}\n` }, DEPENDABOT, at(80 - i * 3, 2), `Bump dependency (${i})`);
    busy.push();

    // One maintainer, no tags, no releases.
    const solo = createUpstream('solo');
    for (let i = 0; i < 5; i += 1)
      solo.commit({ 'README.md': `# solo ${i}\n` }, ALICE, at(300 - i * 50), signed(ALICE, `Solo ${i}`));
    solo.push();

    // Recently active, but archived on GitHub.
    const archived = createUpstream('archived');
    archived.commit({ 'README.md': '# archived\n' }, ALICE, at(400));
    archived.commit({ 'README.md': '# archived, final\n' }, BOB, at(30));
    archived.push();

    // Started a month ago: very active, but too young.
    const young = createUpstream('young');
    for (let i = 0; i < 12; i += 1)
      young.commit({ 'README.md': `# young ${i}\n` }, i % 2 ? ALICE : BOB, at(30 - i * 2));
    young.push();

    upstreams = { busy, solo, archived, young };
    ids = {
      busy: await mirrorProject(app, 'team/busy', busy),
      solo: await mirrorProject(app, 'solo/lonely', solo),
      archived: await mirrorProject(app, 'old/archived', archived),
      young: await mirrorProject(app, 'fresh/young', young),
    };
    // busy: no API data at all (no token). The others: fake REST data.
    giveApiData(app, ids.solo, { repository: repository('solo/lonely'), releases: [] });
    giveApiData(app, ids.archived, { repository: repository('old/archived', true), releases: [] });
    giveApiData(app, ids.young, { repository: repository('fresh/young'), releases: [] });
    for (const [name, id] of Object.entries(ids)) results.set(name, await app.sync.maturity.evaluate(id));
  }, 60_000);
  afterAll(() => app.destroy());

  const result = (name: string) => results.get(name)!;

  it('does not count bot commits as people: absence factor, diversity, newcomers, DCO', () => {
    const busy = result('busy');
    expect(outcome(busy, 'people.absence-factor')).toEqual({
      value: 2,
      status: 'pass',
      reason: '3 in all made 10 commits',
    });
    const labels = (id: string) =>
      signalOf(busy, id)
        .evidence.map((e) => e.label)
        .sort();
    expect(labels('people.absence-factor')).toEqual(['Alice Zhang: 4 of 10 commits', 'Bob Li: 4 of 10 commits']);
    expect(outcome(busy, 'people.org-diversity')).toEqual({
      value: 2,
      status: 'pass',
      reason: '3 in all made 10 commits',
    });
    expect(labels('people.org-diversity')).toEqual([
      'cloudtide.example: 4 of 10 commits',
      'hanhai.example: 4 of 10 commits',
    ]);
    // Carol is the only person whose first commit is in the year: 1 per 4 quarters.
    expect(outcome(busy, 'people.new-contributors')).toEqual({
      value: 0.25,
      status: 'fail',
      reason: '1 new contributor in 365 days',
    });
    expect(signalOf(busy, 'people.new-contributors').evidence.map((e) => e.label)).toEqual([
      'Carol Wu: first commit in the window',
    ]);
    expect(outcome(busy, 'process.dco')).toEqual({ value: 0.8, status: 'fail', reason: '8 of 10 commits signed off' });
    expect(signalOf(busy, 'process.dco').evidence.map((e) => e.label)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{7} has no Signed-off-by$/)]),
    );
    expect(signalOf(busy, 'process.dco').evidence).toHaveLength(2);
  });

  it('counts only people in the 90-day commit activity', () => {
    const busy = result('busy');
    // Alice's last (80 days ago), Bob's last (70), Carol's two (60 and 40); the bot's 20 are left out.
    expect(outcome(busy, 'activity.commits-90d')).toEqual({
      value: 4,
      status: 'pass',
      reason: '4 commits by people (20 by bots not counted)',
    });
    const commits = signalOf(busy, 'activity.commits-90d').evidence;
    expect(commits.every((e) => e.kind === 'commit' && !e.label.includes('[bot]'))).toBe(true);
  });

  it('without an API token: API signals are unknown with the reason, git signals are still computed', async () => {
    expect(outcome(result('busy'), 'releases.recent')).toEqual({
      value: null,
      status: 'unknown',
      reason: 'API metadata unknown: no API token: set GITHUB_TOKEN',
    });
    // The real refresh, against a GitHub that does not answer, records why; the next evaluation says it.
    const refreshed = await app.sync.refreshMetadata(ids.busy);
    expect(refreshed.status).toBe('unknown');
    const busy = await app.sync.maturity.evaluate(ids.busy);
    const api = resultInEnglish(busy).signals.filter((s) => s.source === 'api');
    expect(api.map((s) => s.id).sort()).toEqual([
      'activity.maintained',
      'process.ci',
      'process.pr-closure',
      'process.response-median',
      'process.response-p90',
      'process.review-coverage',
      'releases.recent',
    ]);
    for (const s of api) {
      expect(s.status, s.id).toBe('unknown');
      expect(s.reason, s.id).toMatch(/^API metadata unknown: GitHub API unreachable at http:\/\/127\.0\.0\.1:9/);
      expect(s.value).toBeNull();
    }
    const git = resultInEnglish(busy).signals.filter((s) => s.source === 'git');
    expect(git.filter((s) => s.status === 'unknown')).toEqual([]);
    expect(signalOf(busy, 'activity.age')).toMatchObject({ value: 500, status: 'pass' });
    // An unknown required signal is a gap that says why.
    expect(resultInEnglish(busy).gaps.find((g) => g.signal === 'releases.recent')?.reason).toMatch(
      /^API metadata unknown: /,
    );
  });

  it('a single maintainer has absence factor 1, with the commit that shows it', () => {
    const solo = result('solo');
    expect(outcome(solo, 'people.absence-factor')).toEqual({
      value: 1,
      status: 'fail',
      reason: '1 in all made 5 commits',
    });
    const evidence = signalOf(solo, 'people.absence-factor').evidence;
    expect(evidence).toEqual([
      {
        kind: 'commit',
        url: `${app.config.githubUrl}/solo/lonely/commit/${upstreams.solo.head()}`,
        label: 'Alice Zhang: 5 of 5 commits',
      },
    ]);
    expect(outcome(solo, 'people.org-diversity')).toMatchObject({ value: 1, status: 'fail' });
    expect(solo.gaps.map((g) => g.signal)).toContain('people.absence-factor');
  });

  it('no releases and no tags: release signals fail and say so', () => {
    const solo = result('solo');
    expect(outcome(solo, 'releases.recent')).toEqual({ value: 0, status: 'fail', reason: 'no releases' });
    expect(signalOf(solo, 'releases.recent').evidence).toEqual([]);
    expect(outcome(solo, 'releases.cadence')).toEqual({
      value: null,
      status: 'fail',
      reason: 'fewer than two version tags in the last 730 days',
    });
    expect(outcome(solo, 'releases.semver')).toEqual({ value: null, status: 'fail', reason: 'no tags' });
    expect(outcome(solo, 'releases.changelog')).toEqual({
      value: false,
      status: 'fail',
      reason: 'no CHANGELOG, CHANGES, HISTORY or NEWS file',
    });
    expect(outcome(solo, 'spec.versioned-releases')).toMatchObject({ value: 0, status: 'fail' });
  });

  it('an archived repository fails the activity signals because it is archived, whatever its commits', () => {
    const archived = result('archived');
    expect(archived.archived).toBe(true);
    const reason = 'the repository is archived: it is no longer maintained';
    expect(outcome(archived, 'activity.commits-90d')).toEqual({ value: 1, status: 'fail', reason });
    expect(outcome(archived, 'activity.maintained')).toEqual({ value: 1, status: 'fail', reason });
    // It stays where its other signals put it: the archive only stops activity from counting.
    expect(resultInEnglish(archived).gaps.find((g) => g.signal === 'activity.commits-90d')?.reason).toBe(
      `${reason} (needs ≥ 1)`,
    );
  });

  it('a repository younger than 90 days is too young, however active', () => {
    const young = result('young');
    expect(outcome(young, 'activity.age')).toEqual({ value: 30, status: 'fail', reason: '30 does not meet >= 90' });
    expect(signalOf(young, 'activity.age').evidence[0]).toMatchObject({
      kind: 'commit',
      label: `first commit ${daysAgo(app, 30).slice(0, 10)}`,
    });
    expect(outcome(young, 'activity.commits-90d')).toMatchObject({ value: 12, status: 'pass' });
    expect(outcome(young, 'activity.maintained')).toEqual({
      value: 12,
      status: 'fail',
      reason: 'younger than 90 days: too young to show sustained maintenance',
    });
  });

  it('pins every file and lines evidence to something that exists at the evaluated commit', () => {
    for (const [name, id] of Object.entries(ids)) {
      expect(result(name).commit).toBe(upstreams[name as keyof typeof upstreams].head());
      checkFileEvidence(app, id, result(name));
    }
  });
});
