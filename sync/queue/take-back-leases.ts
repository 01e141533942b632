import type { Store } from '../../db/store.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { isOwnerGone, type QueueOwnerIdentity } from './queue-owner.ts';

export interface TakeBackDeps {
  store: Store;
  log: Logger;
  self: QueueOwnerIdentity;
  now: number;
  staleMs: number;
  exists?: (pid: number) => boolean;
}

/**
 * Puts back to pending, at once, the running jobs of every queue owner that is gone (killed, crashed, stopped),
 * so the repositories they held are not blocked until the leases run out. Jobs of live owners (another process on
 * the same data dir) and leases without an owner are left to their leases. Returns how many jobs were taken back.
 */
export function takeBackLeases(deps: TakeBackDeps): number {
  const { store, log, self, now, staleMs, exists } = deps;
  let taken = 0;
  for (const { owner, jobs } of store.jobs.runningOwners()) {
    if (owner === null || owner === self.id) continue;
    const row = store.queueOwners.get(owner);
    // A job naming an owner that left no record: nothing can be alive behind it.
    if (row && !isOwnerGone(row, { self, now, staleMs, exists })) continue;
    const released = store.transaction(() => {
      const n = store.jobs.releaseOwner(owner, now);
      if (row) store.queueOwners.markStopped(owner, now);
      return n;
    });
    taken += released;
    log.warn(
      { owner, pid: row?.pid, jobs, released, heartbeatAgoMs: row ? now - row.heartbeat_at : undefined },
      'took back the job leases of a worker that is gone',
    );
  }
  return taken;
}
