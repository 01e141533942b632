const DAY_MS = 86_400_000;

/** How far back and how densely a first evaluation reconstructs the history of git-derived signals. */
export interface BackfillSpan {
  /** Days before now (at least the longest `sustainedDays` of the model, so a long-met criterion counts at once). */
  days: number;
  /** Days between two reconstructed points. */
  stepDays: number;
}

/**
 * The past dates (epoch ms, oldest first, `now` excluded) at which a first evaluation computes the git-derived
 * signals: every `stepDays` back from now for `days`, none before the first commit.
 *
 *   now = day 100, first commit day 80, { days: 28, stepDays: 7 }  →  [day 86, day 93]
 */
export function backfillDates(now: number, firstCommitMs: number | null, span: BackfillSpan): number[] {
  if (firstCommitMs === null) return [];
  const dates: number[] = [];
  for (let back = span.stepDays; back <= span.days; back += span.stepDays) {
    const date = now - back * DAY_MS;
    if (date < firstCommitMs) break;
    dates.push(date);
  }
  return dates.reverse();
}

/** The span for a model: twice its longest sustained period (so a run that began before it shows), at least 182 days. */
export function backfillSpan(sustainedDays: readonly number[]): BackfillSpan {
  return { days: Math.max(182, ...sustainedDays.map((d) => d * 2)), stepDays: 7 };
}
