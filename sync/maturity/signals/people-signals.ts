import { msg, type Message } from '../../../kernel/i18n/message.ts';
import type { EvidenceJson } from '../maturity-json.ts';
import { organisationOf } from '../facts/organisation-of.ts';
import { gitUnknown, isBotIdentity, links, numberParam, round, smallestHalf, windowOf } from './signal-helpers.ts';
import type { CommitInput, SignalDefinitionCode, SignalInputs } from './signal-inputs.ts';

function humanCommits(inputs: SignalInputs, sinceMs: number): CommitInput[] {
  if (!inputs.git.available) return [];
  return inputs.git.commits.filter(
    (c) => c.time * 1000 >= sinceMs && !isBotIdentity(c.authorEmail) && !isBotIdentity(c.authorName),
  );
}

/**
 * Groups commits by a key; remembers each group's newest commit (for evidence) and how often each name appears, so
 * a person is shown under the name on most of their commits, not an alias on a few (the mailmap already ran).
 */
function groupCommits(commits: readonly CommitInput[], keyOf: (c: CommitInput) => string) {
  const groups = new Map<string, { count: number; newest: CommitInput; people: Map<string, number> }>();
  for (const c of commits) {
    const key = keyOf(c);
    const g = groups.get(key);
    if (g) {
      g.count += 1;
      g.people.set(c.authorName, (g.people.get(c.authorName) ?? 0) + 1);
    } else groups.set(key, { count: 1, newest: c, people: new Map([[c.authorName, 1]]) });
  }
  return groups;
}

/** The name on most of a group's commits (ties: the one met first, that is the newest). */
function mostUsedName(people: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [name, count] of people) if (count > most) [best, most] = [name, count];
  return best;
}

function concentration(
  inputs: SignalInputs,
  params: Readonly<Record<string, number | string | boolean>>,
  keyOf: (c: CommitInput) => string,
  describe: (key: string, g: { people: ReadonlyMap<string, number> }) => string | Message,
) {
  if (!inputs.git.available) return gitUnknown(inputs.git.reason);
  const w = windowOf(inputs, numberParam(params, 'windowDays', 365));
  const commits = humanCommits(inputs, w.sinceMs);
  if (commits.length === 0)
    return { value: 0, reason: msg('maturity.commits.none', { days: w.days }), evidence: [], window: w };
  const groups = groupCommits(commits, keyOf);
  const chosen = smallestHalf([...groups.entries()].map(([k, g]) => [k, g.count] as const));
  const link = links(inputs);
  const evidence: EvidenceJson[] = chosen.map(([key, count]) => ({
    kind: 'commit',
    url: link.commit(groups.get(key)!.newest.sha),
    label: msg('maturity.evidence.share-of-commits', {
      who: describe(key, groups.get(key)!),
      count,
      total: commits.length,
    }),
  }));
  return {
    value: chosen.length,
    reason: msg('maturity.people.groups', { groups: groups.size, commits: commits.length }),
    evidence,
    window: w,
  };
}

/** `people.absence-factor`: the smallest number of authors who made half of the commits in the window. */
export const absenceFactor: SignalDefinitionCode = {
  id: 'people.absence-factor',
  defaultWindowDays: 365,
  source: 'git',
  compute: (inputs, params) =>
    concentration(
      inputs,
      params,
      (c) => c.authorEmail.toLowerCase(),
      (_k, g) => mostUsedName(g.people),
    ),
};

/** `people.org-diversity`: the smallest number of organisations whose people made half of the commits. */
export const organisationalDiversity: SignalDefinitionCode = {
  id: 'people.org-diversity',
  defaultWindowDays: 365,
  source: 'git',
  compute: (inputs, params) =>
    concentration(
      inputs,
      params,
      (c) =>
        organisationOf(c.authorEmail, {
          profile: inputs.people.byEmail.get(c.authorEmail.toLowerCase()),
          overrides: inputs.people.overrides,
        }),
      (key, g) =>
        key.startsWith('independent: ') ? msg('maturity.people.independent', { name: mostUsedName(g.people) }) : key,
    ),
};

/** `people.new-contributors`: authors whose first commit falls in the window, per quarter (91.25 days). */
export const newContributors: SignalDefinitionCode = {
  id: 'people.new-contributors',
  defaultWindowDays: 365,
  source: 'git',
  compute(inputs, params) {
    if (!inputs.git.available) return gitUnknown(inputs.git.reason);
    const w = windowOf(inputs, numberParam(params, 'windowDays', 365));
    const commits = humanCommits(inputs, w.sinceMs);
    const firstSeen = inputs.git.firstSeen;
    const newcomers = groupCommits(
      commits.filter((c) => (firstSeen.get(c.authorEmail.toLowerCase()) ?? c.time) * 1000 >= w.sinceMs),
      (c) => c.authorEmail.toLowerCase(),
    );
    const link = links(inputs);
    const evidence: EvidenceJson[] = [...newcomers.values()].slice(0, 10).map((g) => ({
      kind: 'commit',
      url: link.commit(g.newest.sha),
      label: msg('maturity.evidence.newcomer', { name: mostUsedName(g.people) }),
    }));
    return {
      value: round(newcomers.size / (w.days / 91.25)),
      reason: msg('maturity.people.newcomers', { count: newcomers.size, days: w.days }),
      evidence,
      window: w,
    };
  },
};

/**
 * `process.dco`: the share of commits in the window with a Signed-off-by trailer. Merge commits are left out: the
 * merge button writes them ("Merge pull request #…") and never signs off, so counting them would fail a project
 * whose every authored commit is signed off. How many were left out is said in the reason.
 */
export const dcoSignOffs: SignalDefinitionCode = {
  id: 'process.dco',
  defaultWindowDays: 365,
  source: 'git',
  compute(inputs, params) {
    if (!inputs.git.available) return gitUnknown(inputs.git.reason);
    const w = windowOf(inputs, numberParam(params, 'windowDays', 365));
    const all = humanCommits(inputs, w.sinceMs);
    const commits = all.filter((c) => !c.merge);
    const merges = all.length - commits.length;
    if (commits.length === 0)
      return {
        value: null,
        status: 'not-applicable',
        reason: msg('maturity.commits.none', { days: w.days }),
        evidence: [],
        window: w,
      };
    const unsigned = commits.filter((c) => !c.signedOff);
    const link = links(inputs);
    const signed = commits.length - unsigned.length;
    return {
      value: round(1 - unsigned.length / commits.length),
      reason:
        merges > 0
          ? msg('maturity.dco.share-merges', { signed, total: commits.length, merges })
          : msg('maturity.dco.share', { signed, total: commits.length }),
      evidence: [
        ...unsigned.slice(0, 5).map((c) => ({
          kind: 'commit' as const,
          url: link.commit(c.sha),
          label: msg('maturity.evidence.no-sign-off', { sha: c.sha.slice(0, 7) }),
        })),
        ...all
          .filter((c) => c.merge)
          .slice(0, 3)
          .map((c) => ({
            kind: 'commit' as const,
            url: link.commit(c.sha),
            label: msg('maturity.evidence.merge-excluded', { sha: c.sha.slice(0, 7) }),
          })),
      ],
      window: w,
    };
  },
};
