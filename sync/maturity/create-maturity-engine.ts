import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';
import type { GatherMemory } from './adapter/gather-inputs.ts';
import { evaluateRepository } from './evaluate-repository.ts';
import { createTreeMemory } from './git/tree-memory.ts';
import type { MaturityJson } from './maturity-json.ts';
import { enqueueAllEvaluations } from './maturity-jobs.ts';
import { loadActiveModel, parseKnownModel } from './model/load-active-model.ts';
import type { LoadedModel } from './model/parse-model.ts';

export interface MaturityEngineDeps {
  store: Store;
  clock: Clock;
  runGit: RunGit;
  githubUrl: string;
}

/** The maturity engine's operations for the job queue, the CLI and the API. */
export interface MaturityEngine {
  /** The model in force. */
  model(): LoadedModel;
  /** Evaluates one project now. */
  evaluate(repositoryId: number): Promise<MaturityJson>;
  /** Validates and installs a model (throws ModelError saying what is wrong), then enqueues every project. */
  setModel(source: string, by: string | null): { version: number; digest: string; enqueued: number };
}

/** Builds the maturity engine over one store (parsed models are cached here, per engine). */
export function createMaturityEngine(deps: MaturityEngineDeps): MaturityEngine {
  const cache = new Map<string, LoadedModel>();
  const model = () => loadActiveModel(deps.store, cache);
  // Content-addressed (blob ids, commit ids, tree ids), so never stale; bounded so a large community stays small
  // in memory. Tree listings are dropped together: without a repository's last head, its next listing is full.
  const memory: GatherMemory = { facts: new Map(), paths: new Map(), ...createTreeMemory() };
  return {
    model,
    evaluate(repositoryId) {
      if (memory.facts.size > 50_000) memory.facts.clear();
      if (memory.paths.size > 50_000) memory.paths.clear();
      if (memory.stored > 2_000_000 || memory.sizes.size > 500_000 || memory.heads.size > 5_000) {
        memory.trees.clear();
        memory.sizes.clear();
        memory.heads.clear();
        memory.stored = 0;
      }
      return evaluateRepository({ ...deps, memory }, model(), repositoryId);
    },
    setModel(source, by) {
      return installModel(deps.store, deps.clock, source, by);
    },
  };
}

/** Validates and installs a model, and enqueues a re-evaluation of every project (one transaction). */
export function installModel(
  store: Store,
  clock: Clock,
  source: string,
  by: string | null,
): { version: number; digest: string; enqueued: number } {
  const loaded = parseKnownModel(source);
  return store.transaction(() => {
    const version = store.maturity.models.install(source, loaded.digest, isoNow(clock), by);
    return { version, digest: loaded.digest, enqueued: enqueueAllEvaluations(store, clock) };
  });
}
