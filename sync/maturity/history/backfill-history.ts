import type { NewObservation, ObservationRow } from '../../../db/maturity/maturity-observation-queries.ts';
import type { RepositoryRow } from '../../../db/repositories/repository-queries.ts';
import { gatherInputs, type GatherDeps } from '../adapter/gather-inputs.ts';
import { evaluateMaturity } from '../evaluate/evaluate-maturity.ts';
import { planObservations } from '../evaluate/plan-observations.ts';
import type { LoadedModel } from '../model/parse-model.ts';
import { historyDays } from '../model/history-days.ts';
import { SIGNALS } from '../signals/signal-registry.ts';
import type { SignalInputs, SignalOutcome } from '../signals/signal-inputs.ts';
import { backfillDates, backfillSpan } from './backfill-dates.ts';
import { headsAt, type GraphCommit } from './heads-at.ts';
import { inputsAt } from './inputs-at.ts';

const DAY_MS = 86_400_000;

/**
 * The history a first evaluation writes for the git-derived signals: each is computed as it stood every week of
 * the backfill span (see `backfillSpan`), at the commit the default branch pointed at then, so a project that has
 * met a sustained criterion for a year is not made to wait for the portal to watch it. API-derived signals are not
 * reconstructed (the pages say since when they are observed). One tree listing per distinct past head, oldest
 * first, through the engine's tree memory, so each listing after the first reads only what changed.
 * Returns the observations in time order (for `observations.append`) and when each signal's last run of passes
 * began (the evaluator's `passingSince`).
 */
export async function backfillHistory(
  deps: GatherDeps,
  model: LoadedModel,
  row: RepositoryRow,
  now: number,
): Promise<{ observations: NewObservation[]; passingSince: Map<string, string> }> {
  const none = { observations: [], passingSince: new Map<string, string>() };
  const q = deps.store.maturity.inputs;
  const first = q.firstCommit(row.id);
  if (!row.head_sha || !row.mirror_path || !first) return none;
  const span = backfillSpan(model.model.signals.flatMap((s) => (s.sustainedDays ? [s.sustainedDays] : [])));
  const dates = backfillDates(now, first.author_time * 1000, span);
  if (dates.length === 0) return none;

  const graph = new Map<string, GraphCommit>();
  for (const c of q.commitGraph(row.id)) {
    graph.set(c.sha, {
      sha: c.sha,
      parents: c.parents ? c.parents.split(' ') : [],
      time: Date.parse(c.committer_date),
    });
  }
  const commitTime = new Map([...graph.values()].map((c) => [c.sha, c.time]));
  const heads = headsAt(graph, row.head_sha, dates);
  // The dates each past head stood for, in time order (a quiet month is one head for four dates).
  const byHead = new Map<string, number[]>();
  dates.forEach((date, i) => {
    const head = heads[i];
    if (head) byHead.set(head, [...(byHead.get(head) ?? []), date]);
  });

  const gitSignals = model.model.signals.filter((def) => SIGNALS.get(def.id)?.source === 'git');
  const latest = new Map<string, ObservationRow>();
  const runs = new Map<string, string>();
  const observations: NewObservation[] = [];
  const days = historyDays(model);
  for (const [head, when] of byHead) {
    const last = when[when.length - 1]!;
    // Read as far back as the longest window before this head's first date.
    const reach = days + Math.ceil((last - when[0]!) / DAY_MS) + 1;
    const atHead: SignalInputs = await gatherInputs(deps, { ...row, head_sha: head }, last, reach);
    for (const date of when) {
      const inputs = inputsAt(atHead, date, commitTime);
      const outcomes = new Map<string, SignalOutcome>();
      for (const def of gitSignals) outcomes.set(def.id, SIGNALS.get(def.id)!.compute(inputs, def.params ?? {}));
      const result = evaluateMaturity({
        model,
        outcomes,
        exemptions: [],
        passingSince: runs,
        now: date,
        commit: head,
        archived: null,
      });
      const signals = result.signals.filter((s) => outcomes.has(s.id));
      const at = new Date(date).toISOString();
      const planned = planObservations(row.id, [...latest.values()], signals, at);
      for (const o of planned) latest.set(o.signal, { ...o, id: 0 });
      observations.push(...planned);
      for (const s of signals) {
        if (s.status !== 'pass') runs.delete(s.id);
        else if (!runs.has(s.id)) runs.set(s.id, at);
      }
    }
  }
  return { observations, passingSince: runs };
}
