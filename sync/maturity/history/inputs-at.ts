import { msg } from '../../../kernel/i18n/message.ts';
import type { SignalInputs } from '../signals/signal-inputs.ts';

/**
 * The inputs of the git-derived signals as they were at `date` (epoch ms), from inputs gathered at the commit the
 * branch pointed at then (`atHead`, whose tree and file facts are that commit's): commits and tags after the date
 * are dropped and `now` is the date. Pure. API inputs are not reconstructed (issues and releases as they were then
 * are not held), and whether the repository was archived then is not known.
 *
 *   atHead.git.commits at days 1, 5, 9; date day 6  →  commits at days 1, 5; now = day 6
 */
export function inputsAt(atHead: SignalInputs, date: number, commitTime: ReadonlyMap<string, number>): SignalInputs {
  if (!atHead.git.available) return { ...atHead, now: date };
  const git = atHead.git;
  const seconds = Math.floor(date / 1000);
  const tags = git.tags.filter((t) => {
    const at = t.taggedAt ? Date.parse(t.taggedAt) : (commitTime.get(t.commitSha) ?? Number.POSITIVE_INFINITY);
    return at <= date;
  });
  const kept = new Set(tags.map((t) => t.name));
  return {
    ...atHead,
    now: date,
    repository: { ...atHead.repository, archived: null },
    git: {
      ...git,
      firstCommit: git.firstCommit && git.firstCommit.time <= seconds ? git.firstCommit : null,
      commits: git.commits.filter((c) => c.time <= seconds),
      tags,
      specAtTags: new Map([...git.specAtTags].filter(([name]) => kept.has(name))),
    },
    api: { available: false, reason: msg('maturity.history.not-reconstructed') },
  };
}
