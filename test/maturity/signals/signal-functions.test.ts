import { describe, expect, it } from 'vitest';
import { msg } from '../../../kernel/i18n/message.ts';
import { inEnglish, textReason } from '../in-english.ts';
import { organisationOf } from '../../../sync/maturity/facts/organisation-of.ts';
import { isBotIdentity, quantile, smallestHalf } from '../../../sync/maturity/signals/signal-helpers.ts';
import { absenceFactor, dcoSignOffs, organisationalDiversity } from '../../../sync/maturity/signals/people-signals.ts';
import { commitsInWindow } from '../../../sync/maturity/signals/activity-signals.ts';
import type { CommitInput, SignalInputs } from '../../../sync/maturity/signals/signal-inputs.ts';

const NOW = Date.parse('2026-11-01T00:00:00Z');

/** Constructed inputs: only git commits, no API. */
function inputs(commits: CommitInput[], overrides: { match: string; organisation: string }[] = []): SignalInputs {
  return {
    now: NOW,
    githubUrl: 'https://github.example',
    repository: { owner: 'o', name: 'r', fullName: 'o/r', archived: false, licenseSpdx: null },
    head: 'a'.repeat(40),
    git: {
      available: true,
      firstCommit: null,
      commits,
      commitsSince: 0,
      firstSeen: new Map(),
      tree: [],
      facts: new Map(),
      tags: [],
      specAtTags: new Map(),
    },
    people: { byEmail: new Map([['wu@gmail.com', { login: 'wu', company: '@EdgeHive' }]]), overrides },
    api: { available: false, reason: textReason('no API token') },
  };
}
let n = 0;
const commit = (name: string, email: string, daysAgo = 10): CommitInput => ({
  sha: (n += 1).toString(16).padStart(40, '0'),
  authorName: name,
  authorEmail: email,
  time: Math.floor((NOW - daysAgo * 86_400_000) / 1000),
  signedOff: false,
  merge: false,
});

describe('signal functions (pure)', () => {
  it('recognises bots by name and noreply address, not people whose names merely contain "bot"', () => {
    expect(isBotIdentity('dependabot[bot]')).toBe(true);
    expect(isBotIdentity('49699333+dependabot[bot]@users.noreply.github.com')).toBe(true);
    expect(isBotIdentity('renovate')).toBe(true);
    expect(isBotIdentity('Abbott Lee')).toBe(false);
    expect(isBotIdentity('talbot@example.org')).toBe(false);
  });

  it('smallest half: the fewest groups, largest first, covering at least half', () => {
    expect(smallestHalf([['a', 1]])).toEqual([['a', 1]]);
    expect(
      smallestHalf([
        ['a', 5],
        ['b', 5],
      ]),
    ).toEqual([['a', 5]]);
    expect(
      smallestHalf([
        ['a', 4],
        ['b', 4],
        ['c', 2],
      ]),
    ).toEqual([
      ['a', 4],
      ['b', 4],
    ]);
    expect(quantile([4, 10, 24, 48], 0.5)).toBe(10);
    expect(quantile([4, 10, 24, 48], 0.9)).toBe(48);
  });

  it('organisation: a correction first (address, @domain, login), then the domain, the company field, else the person', () => {
    expect(organisationOf('li.na@cloudtide.cn', { overrides: [] })).toBe('cloudtide.cn');
    expect(organisationOf('wu@gmail.com', { profile: { login: 'wu', company: '@EdgeHive ' }, overrides: [] })).toBe(
      'edgehive',
    );
    expect(organisationOf('zhao@qq.com', { overrides: [] })).toBe('independent: zhao@qq.com');
    const overrides = [
      { match: '@hanhai.example', organisation: 'Hanhai Group' },
      { match: 'wu', organisation: 'Cloudtide' },
    ];
    expect(organisationOf('Bob@Hanhai.example', { overrides })).toBe('Hanhai Group');
    expect(organisationOf('wu@gmail.com', { profile: { login: 'Wu', company: 'EdgeHive' }, overrides })).toBe(
      'Cloudtide',
    );
    // A login correction reaches a noreply address whose profile was never read.
    expect(organisationOf('12345+wu@users.noreply.github.com', { overrides })).toBe('Cloudtide');
  });

  it('absence factor 1 for a single maintainer, however many bot commits; corrections merge organisations', () => {
    const commits = [
      ...Array.from({ length: 3 }, () => commit('Solo', 'solo@acme.example')),
      ...Array.from({ length: 9 }, () =>
        commit('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'),
      ),
      commit('Wu', 'wu@gmail.com'),
      commit('Wu', 'wu@gmail.com'),
    ];
    expect(inEnglish(absenceFactor.compute(inputs(commits), {}))).toMatchObject({
      value: 1,
      reason: '2 in all made 5 commits',
    });
    expect(organisationalDiversity.compute(inputs(commits), {})).toMatchObject({ value: 1 });
    const evidence = organisationalDiversity.compute(
      inputs([commit('A', 'a@x.example'), commit('B', 'b@y.example')]),
      {},
    ).evidence;
    expect(evidence).toHaveLength(1);
    const merged = inEnglish(
      organisationalDiversity.compute(
        inputs(
          [commit('A', 'a@x.example'), commit('B', 'b@y.example')],
          [{ match: '@y.example', organisation: 'x.example' }],
        ),
        {},
      ),
    );
    expect(merged).toMatchObject({ value: 1, reason: '1 in all made 2 commits' });
    expect(merged.evidence.map((e) => e.label)).toEqual(['x.example: 2 of 2 commits']);
  });

  it('commits in 90 days: only by people; a bot-only repository has no activity', () => {
    const botOnly = [
      commit('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'),
      commit('A', 'a@x.example', 200),
    ];
    expect(inEnglish(commitsInWindow.compute(inputs(botOnly), { windowDays: 90 }))).toMatchObject({
      value: 0,
      reason: 'no commits by people in the last 90 days (1 by bots not counted)',
    });
    const git = inputs([]);
    expect(
      inEnglish(
        commitsInWindow.compute({ ...git, git: { available: false, reason: msg('maturity.mirror.not-fetched') } }, {}),
      ),
    ).toEqual({
      value: null,
      status: 'unknown',
      reason: 'the mirror has not been fetched yet',
      evidence: [],
    });
  });
  it('DCO: merge commits are left out of the share and shown as excluded in the evidence', () => {
    const signed = (name: string) => ({ ...commit(name, `${name}@x.example`), signedOff: true });
    const merge = { ...commit('Hu', 'hu@x.example'), merge: true };
    const outcome = inEnglish(dcoSignOffs.compute(inputs([signed('a'), signed('b'), signed('c'), merge]), {}));
    expect(outcome.value).toBe(1);
    expect(outcome.reason).toBe(
      '3 of 3 commits signed off (1 merge commit not counted: merges are written by the merge button, not signed off)',
    );
    expect(outcome.evidence.map((e) => e.label)).toEqual([`${merge.sha.slice(0, 7)} is a merge commit: not counted`]);
    // Without merges the reason is the plain share, in the singular where it is one.
    expect(inEnglish(dcoSignOffs.compute(inputs([signed('d')]), {})).reason).toBe('1 of 1 commit signed off');
  });
});
