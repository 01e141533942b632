import { isMember } from '../../db/repositories/repository-queries.ts';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';
import { historyDays } from './model/history-days.ts';
import { gatherInputs, type GatherMemory } from './adapter/gather-inputs.ts';
import { evaluateMaturity } from './evaluate/evaluate-maturity.ts';
import { levelChange } from './evaluate/level-change.ts';
import { planObservations } from './evaluate/plan-observations.ts';
import { backfillHistory } from './history/backfill-history.ts';
import { exemptionJson } from './exemption-json.ts';
import type { MaturityJson } from './maturity-json.ts';
import type { LoadedModel } from './model/parse-model.ts';
import { SIGNALS } from './signals/signal-registry.ts';
import type { SignalOutcome } from './signals/signal-inputs.ts';

export interface EvaluateDeps {
  store: Store;
  clock: Clock;
  runGit: RunGit;
  githubUrl: string;
  memory?: GatherMemory;
}

/**
 * Evaluates one project against `model` at the tip of its mirror: gathers inputs (reusing cached blob facts),
 * runs every signal and the pure evaluator, then stores the result and the history rows in one transaction.
 */
export async function evaluateRepository(
  deps: EvaluateDeps,
  model: LoadedModel,
  repositoryId: number,
): Promise<MaturityJson> {
  const { store, clock } = deps;
  const row = store.repositories.get(repositoryId);
  if (!isMember(row)) {
    throw new DomainError('not-found', 'not_a_member', `repository ${repositoryId} is not a member project`);
  }
  const now = clock.now();
  const at = isoNow(clock);
  const freshFacts: [string, string][] = [];
  // A first evaluation reconstructs the git-derived signals' history before reading the head (oldest first, so
  // the head's tree listing is incremental from the newest past one).
  const first = store.maturity.observations.latest(row.id).length === 0;
  const backfill = first ? await backfillHistory({ ...deps, freshFacts }, model, row, now) : undefined;
  const inputs = await gatherInputs({ ...deps, freshFacts }, row, now, historyDays(model));
  const outcomes = new Map<string, SignalOutcome>();
  for (const def of model.model.signals) {
    const code = SIGNALS.get(def.id)!;
    outcomes.set(def.id, code.compute(inputs, def.params ?? {}));
  }
  const passingSince = new Map<string, string>();
  for (const def of model.model.signals) {
    const since = backfill
      ? backfill.passingSince.get(def.id)
      : store.maturity.observations.passingSince(row.id, def.id);
    if (since !== undefined) passingSince.set(def.id, since);
  }
  const result = evaluateMaturity({
    model,
    outcomes,
    exemptions: store.maturity.exemptions.active(row.id, at).map((e) => exemptionJson(e, at)),
    passingSince,
    now,
    commit: row.head_sha,
    archived: row.archived === null ? null : row.archived === 1,
  });
  store.transaction(() => {
    store.maturity.blobFacts.putMany(freshFacts);
    if (backfill) store.maturity.observations.append(backfill.observations);
    const previous = store.maturity.observations.latest(row.id);
    store.maturity.observations.append(planObservations(row.id, previous, result.signals, at));
    const change = levelChange(model, store.maturity.results.get(row.id), result.level);
    if (change) {
      store.maturity.levelChanges.append({
        repository_id: row.id,
        ...change,
        changed_at: at,
        model_digest: model.digest,
      });
    }
    store.maturity.results.upsert({
      repository_id: row.id,
      model_digest: model.digest,
      level: result.level,
      next_level: result.nextLevel,
      score: result.score ?? null,
      commit_sha: result.commit,
      evaluated_at: at,
      result: JSON.stringify(result),
    });
  });
  return result;
}
