import { msg, type Message } from '../../../kernel/i18n/message.ts';
import type { EvidenceJson } from '../maturity-json.ts';
import { apiUnknown, links, median, numberParam, quantile, round, windowOf } from './signal-helpers.ts';
import type { ItemInput, SignalDefinitionCode, SignalInputs, SignalOutcome, SignalParams } from './signal-inputs.ts';

const HOUR_MS = 3_600_000;

function itemEvidence(inputs: SignalInputs, item: ItemInput, label: Message): EvidenceJson {
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

function responseSignal(id: string, p: number, measure: string): SignalDefinitionCode {
  return {
    id,
    source: 'api',
    defaultWindowDays: 365,
    compute(inputs, params): SignalOutcome {
      if (!inputs.api.available) return apiUnknown(inputs.api.reason);
      const { w, times } = responseTimes(inputs, params);
      if (times.length === 0)
        return {
          value: null,
          status: 'not-applicable',
          reason: msg('maturity.response.none', { days: w.days }),
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
        reason: msg(unanswered > 0 ? `maturity.response.${measure}-unanswered` : `maturity.response.${measure}`, {
          count: times.length,
          unanswered,
        }),
        evidence: slowest.map((t) =>
          itemEvidence(
            inputs,
            t.item,
            msg(t.answered ? 'maturity.evidence.answered-after' : 'maturity.evidence.unanswered-for', {
              number: t.item.number,
              hours: Math.round(t.hours),
            }),
          ),
        ),
        window: w,
      };
    },
  };
}

/** `process.response-median`: median hours to a first response. */
export const responseMedian = responseSignal('process.response-median', 0.5, 'median');
/** `process.response-p90`: 90th percentile of hours to a first response. */
export const responseP90 = responseSignal('process.response-p90', 0.9, 'p90');

/** `process.pr-closure`: the share of pull requests opened in the window that are closed (merged or not). */
export const pullClosureRatio: SignalDefinitionCode = {
  id: 'process.pr-closure',
  defaultWindowDays: 365,
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
        reason: msg('maturity.pulls.none', { days: w.days }),
        evidence: [],
        window: w,
      };
    const open = pulls.filter((p) => p.state !== 'closed');
    return {
      value: round(1 - open.length / pulls.length),
      reason: msg('maturity.pulls.closed', { closed: pulls.length - open.length, total: pulls.length }),
      evidence: open
        .slice(0, 5)
        .map((p) => itemEvidence(inputs, p, msg('maturity.evidence.still-open', { number: p.number }))),
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
    if (pulls.length === 0)
      return { value: null, status: 'fail', reason: msg('maturity.pulls.none-merged'), evidence: [] };
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
      reason: msg('maturity.pulls.reviewed', { reviewed: pulls.length - unreviewed.length, total: pulls.length }),
      evidence: unreviewed
        .slice(0, 5)
        .map((p) => itemEvidence(inputs, p, msg('maturity.evidence.self-merged', { number: p.number }))),
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
        reason: msg('maturity.ci.not-read'),
        evidence: [],
      };
    const without = pulls.filter((p) => p.checkRuns === 0);
    return {
      value: round(1 - without.length / pulls.length),
      reason: msg('maturity.ci.share', { ran: pulls.length - without.length, total: pulls.length }),
      evidence: without
        .slice(0, 5)
        .map((p) => itemEvidence(inputs, p, msg('maturity.evidence.no-ci', { number: p.number }))),
    };
  },
};
