import type { Store } from '../../db/store.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { FollowUps } from '../webhooks/processor-context.ts';

/** Job kinds of the mirror. */
export const JOB_FETCH = 'fetch';
export const JOB_METADATA = 'metadata';
export const JOB_RECONCILE = 'reconcile';

/** Enqueues a job about one repository: coalesced (one pending per kind and repository), serialised per repository. */
export function enqueueRepositoryJob(
  store: Store,
  clock: Clock,
  kind: string,
  repositoryId: number,
  delayMs = 0,
): number {
  return store.jobs.enqueue({
    kind,
    subject: String(repositoryId),
    queueKey: `repo:${repositoryId}`,
    runAt: clock.now() + delayMs,
  });
}

/** Follow-ups that processors ask for, as coalesced jobs in the same transaction as the delivery's outcome. */
export function createFollowUps(store: Store, clock: Clock): FollowUps {
  return {
    fetch: (repositoryId) => void enqueueRepositoryJob(store, clock, JOB_FETCH, repositoryId),
    refresh: (repositoryId) => void enqueueRepositoryJob(store, clock, JOB_METADATA, repositoryId),
  };
}
