import { msg } from '../../../kernel/i18n/message.ts';
import type { EvidenceJson } from '../maturity-json.ts';
import { DAY_MS, apiUnknown, gitUnknown, isBotIdentity, links, numberParam, windowOf } from './signal-helpers.ts';
import type { CommitInput, ItemInput, SignalDefinitionCode, SignalInputs } from './signal-inputs.ts';

const ARCHIVED = msg('maturity.archived');
const MAINTAINER_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

/** Commits in the window, people and bots apart: a dependency bot's commits show no one maintains the project. */
function commitsSince(inputs: SignalInputs, sinceMs: number): { people: CommitInput[]; bots: number } {
  if (!inputs.git.available) return { people: [], bots: 0 };
  const all = inputs.git.commits.filter((c) => c.time * 1000 >= sinceMs);
  const people = all.filter((c) => !isBotIdentity(c.authorEmail) && !isBotIdentity(c.authorName));
  return { people, bots: all.length - people.length };
}

/** `activity.commits-90d`: commits authored by people (bots left out) in the window (default 90 days). */
export const commitsInWindow: SignalDefinitionCode = {
  id: 'activity.commits-90d',
  defaultWindowDays: 90,
  source: 'git',
  compute(inputs, params) {
    if (!inputs.git.available) return gitUnknown(inputs.git.reason);
    const w = windowOf(inputs, numberParam(params, 'windowDays', 90));
    const { people: commits, bots } = commitsSince(inputs, w.sinceMs);
    const link = links(inputs);
    const evidence: EvidenceJson[] = commits.slice(0, 5).map((c) => ({
      kind: 'commit',
      url: link.commit(c.sha),
      label: msg('maturity.evidence.commit-by', { sha: c.sha.slice(0, 7), author: c.authorName }),
    }));
    if (inputs.repository.archived)
      return { value: commits.length, status: 'fail', reason: ARCHIVED, evidence, window: w };
    const reason =
      commits.length === 0
        ? msg(bots > 0 ? 'maturity.commits.none-bots' : 'maturity.commits.none', { days: w.days, bots })
        : bots > 0
          ? msg('maturity.commits.people-bots', { count: commits.length, bots })
          : null;
    return { value: commits.length, reason, evidence, window: w };
  },
};

/** `activity.age`: days since the first commit. */
export const projectAge: SignalDefinitionCode = {
  id: 'activity.age',
  source: 'git',
  compute(inputs) {
    if (!inputs.git.available) return gitUnknown(inputs.git.reason);
    const first = inputs.git.firstCommit;
    if (!first) return { value: 0, reason: msg('maturity.commits.none-yet'), evidence: [] };
    const days = Math.floor((inputs.now - first.time * 1000) / DAY_MS);
    return {
      value: days,
      evidence: [
        {
          kind: 'commit',
          url: links(inputs).commit(first.sha),
          label: msg('maturity.evidence.first-commit', {
            date: new Date(first.time * 1000).toISOString().slice(0, 10),
          }),
        },
      ],
    };
  },
};

/**
 * `activity.maintained` (after OpenSSF Scorecard "Maintained"): commits plus issues and pull requests with
 * maintainer activity in the window; 12 events is full marks. Archived and too-young repositories fail with why.
 */
export const maintained: SignalDefinitionCode = {
  id: 'activity.maintained',
  defaultWindowDays: 90,
  source: 'api',
  compute(inputs, params) {
    if (!inputs.api.available) return apiUnknown(inputs.api.reason);
    const w = windowOf(inputs, numberParam(params, 'windowDays', 90));
    const commits = commitsSince(inputs, w.sinceMs).people;
    const maintainers = maintainerLogins(inputs.api.items);
    const inWindow = (at: string | null) => at !== null && Date.parse(at) >= w.sinceMs;
    const active = inputs.api.items.filter(
      (i) =>
        inWindow(i.updatedAt) &&
        ((i.authorAssociation !== null && MAINTAINER_ASSOCIATIONS.has(i.authorAssociation) && inWindow(i.createdAt)) ||
          (i.firstResponseLogin !== null &&
            maintainers.has(i.firstResponseLogin.toLowerCase()) &&
            inWindow(i.firstResponseAt)) ||
          (i.mergedBy !== null && inWindow(i.mergedAt))),
    );
    const link = links(inputs);
    const evidence: EvidenceJson[] = active.slice(-5).map((i) => ({
      kind: i.isPullRequest ? 'pull' : 'issue',
      url: i.isPullRequest ? link.pull(i.number) : link.issue(i.number),
      label: msg('maturity.evidence.maintainer-activity', { number: i.number }),
    }));
    const events = commits.length + active.length;
    if (inputs.repository.archived) return { value: events, status: 'fail', reason: ARCHIVED, evidence, window: w };
    const first = inputs.git.available ? inputs.git.firstCommit : null;
    if (first && inputs.now - first.time * 1000 < w.days * DAY_MS) {
      return {
        value: events,
        status: 'fail',
        reason: msg('maturity.maintained.too-young', { days: w.days }),
        evidence,
        window: w,
      };
    }
    return {
      value: events,
      reason: msg('maturity.maintained.events', { commits: commits.length, items: active.length }),
      evidence,
      window: w,
    };
  },
};

/** Logins that act as maintainers: authors associated with the repository, and whoever merges. */
function maintainerLogins(items: readonly ItemInput[]): Set<string> {
  const logins = new Set<string>();
  for (const i of items) {
    if (i.authorLogin && i.authorAssociation && MAINTAINER_ASSOCIATIONS.has(i.authorAssociation))
      logins.add(i.authorLogin.toLowerCase());
    if (i.mergedBy) logins.add(i.mergedBy.toLowerCase());
  }
  return logins;
}

export type { SignalInputs };
