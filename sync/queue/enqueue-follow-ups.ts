import { JOB, type JobKind } from '../../db/jobs/job-kinds.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { FollowUps } from '../webhooks/processor-context.ts';

/** Job kinds of the mirror. */

/** Enqueues a job about one repository: coalesced (one pending per kind and repository), serialised per repository. */
export function enqueueRepositoryJob(
  store: Store,
  clock: Clock,
  kind: JobKind,
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
    fetch: (repositoryId) => void enqueueRepositoryJob(store, clock, JOB.fetch, repositoryId),
    refresh: (repositoryId) => void enqueueRepositoryJob(store, clock, JOB.metadata, repositoryId),
  };
}
