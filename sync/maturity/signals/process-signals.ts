import type { EvidenceJson } from '../maturity-json.ts';
import { apiUnknown, links, median, numberParam, quantile, round, windowOf } from './signal-helpers.ts';
import type { ItemInput, SignalDefinitionCode, SignalInputs, SignalOutcome, SignalParams } from './signal-inputs.ts';

const HOUR_MS = 3_600_000;

function itemEvidence(inputs: SignalInputs, item: ItemInput, label: string): EvidenceJson {
  const link = links(inputs);
  return {
    kind: item.isPullRequest ? 'pull' : 'issue',
    url: item.isPullRequest ? link.pull(item.number) : link.issue(item.number),
    label,
  };
}

/**
 * Hours to the first response (not by the author, not by a bot) on issues and pull requests opened by people in
 * the window. One still open without a response counts with the time it has waited so far; one closed without
 * any response is left out (its author closed it, or it was a duplicate).
 */
function responseTimes(
  inputs: SignalInputs,
  params: SignalParams,
): { w: ReturnType<typeof windowOf>; times: { item: ItemInput; hours: number; answered: boolean }[] } {
  const w = windowOf(inputs, numberParam(params, 'windowDays', 365));
  if (!inputs.api.available) return { w, times: [] };
  const times: { item: ItemInput; hours: number; answered: boolean }[] = [];
  for (const item of inputs.api.items) {
    if (item.authorIsBot || item.createdAt === null || Date.parse(item.createdAt) < w.sinceMs) continue;
    const created = Date.parse(item.createdAt);
    if (item.firstResponseAt !== null)
      times.push({ item, hours: (Date.parse(item.firstResponseAt) - created) / HOUR_MS, answered: true });
    else if (item.state === 'open') times.push({ item, hours: (inputs.now - created) / HOUR_MS, answered: false });
  }
  return { w, times };
}

function responseSignal(id: string, p: number, label: string): SignalDefinitionCode {
  return {
    id,
    source: 'api',
    compute(inputs, params): SignalOutcome {
      if (!inputs.api.available) return apiUnknown(inputs.api.reason);
      const { w, times } = responseTimes(inputs, params);
      if (times.length === 0)
        return {
          value: null,
          status: 'not-applicable',
          reason: `no issues or pull requests opened by people in the last ${w.days} days`,
          evidence: [],
          window: w,
        };
      const value = round(
        p === 0.5
          ? median(times.map((t) => t.hours))
          : quantile(
              times.map((t) => t.hours),
              p,
            ),
        1,
      );
      const slowest = [...times].sort((a, b) => b.hours - a.hours).slice(0, 5);
      const unanswered = times.filter((t) => !t.answered).length;
      return {
        value,
        reason: `${label} over ${times.length} issues and pull requests${unanswered > 0 ? `, ${unanswered} still unanswered` : ''}`,
        evidence: slowest.map((t) =>
          itemEvidence(
            inputs,
            t.item,
            `#${t.item.number} ${t.answered ? 'answered after' : 'unanswered for'} ${Math.round(t.hours)} h`,
          ),
        ),
        window: w,
      };
    },
  };
}

/** `process.response-median`: median hours to a first response. */
export const responseMedian = responseSignal('process.response-median', 0.5, 'median hours to first response');
/** `process.response-p90`: 90th percentile of hours to a first response. */
export const responseP90 = responseSignal('process.response-p90', 0.9, '90th percentile of hours to first response');

/** `process.pr-closure`: the share of pull requests opened in the window that are closed (merged or not). */
export const pullClosureRatio: SignalDefinitionCode = {
  id: 'process.pr-closure',
  source: 'api',
  compute(inputs, params) {
    if (!inputs.api.available) return apiUnknown(inputs.api.reason);
    const w = windowOf(inputs, numberParam(params, 'windowDays', 365));
    const pulls = inputs.api.items.filter(
      (i) => i.isPullRequest && i.createdAt !== null && Date.parse(i.createdAt) >= w.sinceMs,
    );
    if (pulls.length === 0)
      return {
        value: null,
        status: 'fail',
        reason: `no pull requests opened in the last ${w.days} days`,
        evidence: [],
        window: w,
      };
    const open = pulls.filter((p) => p.state !== 'closed');
    return {
      value: round(1 - open.length / pulls.length),
      reason: `${pulls.length - open.length} of ${pulls.length} pull requests closed`,
      evidence: open.slice(0, 5).map((p) => itemEvidence(inputs, p, `#${p.number} still open`)),
      window: w,
    };
  },
};

/** `process.review-coverage`: of the last N merged pull requests, those approved by another person or merged by someone other than the author. */
export const reviewCoverage: SignalDefinitionCode = {
  id: 'process.review-coverage',
  source: 'api',
  compute(inputs, params) {
    if (!inputs.api.available) return apiUnknown(inputs.api.reason);
    const pulls = inputs.api.mergedPulls.slice(0, numberParam(params, 'lastMerged', 30));
    if (pulls.length === 0) return { value: null, status: 'fail', reason: 'no merged pull requests', evidence: [] };
    const reviews = inputs.api.reviews;
    const unreviewed = pulls.filter((p) => {
      const author = p.authorLogin?.toLowerCase();
      const approved = (reviews.get(p.id) ?? []).some(
        (r) => r.state === 'APPROVED' && !r.isBot && r.login !== null && r.login.toLowerCase() !== author,
      );
      const mergedByOther = p.mergedBy !== null && p.mergedBy.toLowerCase() !== author;
      return !approved && !mergedByOther;
    });
    return {
      value: round(1 - unreviewed.length / pulls.length),
      reason: `${pulls.length - unreviewed.length} of the last ${pulls.length} merged pull requests reviewed`,
      evidence: unreviewed
        .slice(0, 5)
        .map((p) => itemEvidence(inputs, p, `#${p.number} merged by its author without approval`)),
    };
  },
};

/** `process.ci`: of the last N merged pull requests whose checks were read, those on which CI ran. */
export const ciChecks: SignalDefinitionCode = {
  id: 'process.ci',
  source: 'api',
  compute(inputs, params) {
    if (!inputs.api.available) return apiUnknown(inputs.api.reason);
    const pulls = inputs.api.mergedPulls
      .slice(0, numberParam(params, 'lastMerged', 30))
      .filter((p) => p.checkRuns !== null);
    if (pulls.length === 0)
      return {
        value: null,
        status: 'unknown',
        reason: 'the checks of merged pull requests have not been read yet',
        evidence: [],
      };
    const without = pulls.filter((p) => p.checkRuns === 0);
    return {
      value: round(1 - without.length / pulls.length),
      reason: `CI ran on ${pulls.length - without.length} of ${pulls.length} merged pull requests`,
      evidence: without.slice(0, 5).map((p) => itemEvidence(inputs, p, `#${p.number} merged without CI checks`)),
    };
  },
};
