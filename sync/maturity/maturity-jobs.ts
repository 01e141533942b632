import type { Store } from '../../db/store.ts';
import type { Clock } from '../../kernel/clock.ts';
import { enqueueRepositoryJob } from '../queue/enqueue-follow-ups.ts';

/** Job kind: re-evaluate one project's maturity (coalesced per project, serialised with its fetches). */
export const JOB_EVALUATE = 'evaluate';

/** Enqueues an evaluation of one project. */
export function enqueueEvaluation(store: Store, clock: Clock, repositoryId: number, delayMs = 0): number {
  return enqueueRepositoryJob(store, clock, JOB_EVALUATE, repositoryId, delayMs);
}

/** Enqueues an evaluation of every member (a model change, the daily run); returns how many. */
export function enqueueAllEvaluations(store: Store, clock: Clock): number {
  const members = store.repositories.listMembers();
  for (const row of members) enqueueEvaluation(store, clock, row.id);
  return members.length;
}
