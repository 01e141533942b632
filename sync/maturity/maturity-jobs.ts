import { JOB } from '../../db/jobs/job-kinds.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../../kernel/clock.ts';
import { enqueueRepositoryJob } from '../queue/enqueue-follow-ups.ts';

/** Enqueues an evaluation of one project. */
export function enqueueEvaluation(store: Store, clock: Clock, repositoryId: number, delayMs = 0): number {
  return enqueueRepositoryJob(store, clock, JOB.evaluate, repositoryId, delayMs);
}

/** Enqueues an evaluation of every member (a model change, the daily run); returns how many. */
export function enqueueAllEvaluations(store: Store, clock: Clock): number {
  const members = store.repositories.listMembers();
  for (const row of members) enqueueEvaluation(store, clock, row.id);
  return members.length;
}

/**
 * Enqueues an evaluation of every member without a result (registered by an older version, or while the worker was
 * stopped), so no page says "not evaluated" until the daily run; returns how many. Run at start.
 */
export function enqueueMissingEvaluations(store: Store, clock: Clock): number {
  const missing = store.repositories.listMembers().filter((row) => store.maturity.results.level(row.id) === undefined);
  for (const row of missing) enqueueEvaluation(store, clock, row.id);
  return missing.length;
}
