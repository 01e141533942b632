import { randomUUID } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { QueueOwnerRow } from '../../db/jobs/queue-owner-queries.ts';

/** Who a worker is: unique per process start, and enough to tell later whether that process still runs. */
export interface QueueOwnerIdentity {
  id: string;
  /** Hostname and pid namespace: a pid means something only to a process in the same namespace of the same host. */
  host: string;
  pid: number;
  /** Epoch ms at which the process started, to tell a reused pid (PID 1 in a restarted container) apart. */
  processStarted: number;
}

/** This process as a queue owner: `host/pid/random`, the random part new at every start. */
export function currentProcessOwner(): QueueOwnerIdentity {
  let namespace = '';
  try {
    // Linux: `pid:[4026531836]`; containers sharing a data dir (and perhaps a hostname) differ here.
    namespace = readlinkSync('/proc/self/ns/pid');
  } catch {
    // Elsewhere the hostname alone says "same machine".
  }
  const host = namespace ? `${hostname()} ${namespace}` : hostname();
  return {
    id: `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
    host,
    pid: process.pid,
    processStarted: performance.timeOrigin,
  };
}

/** Whether a process exists (EPERM: it does, owned by someone else). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface OwnerCheck {
  self: QueueOwnerIdentity;
  now: number;
  /** An owner silent for longer than this is gone (a crashed process on another host, a hung one). */
  staleMs: number;
  exists?: (pid: number) => boolean;
}

/**
 * Whether the worker that holds leases is gone, so its jobs may be taken back at once. On the same host and pid
 * namespace the process table decides (a dead pid, or our own pid from an earlier start); otherwise, and when a
 * pid is alive (it may have been reused), only the heartbeat does. A live `serve` beside a CLI is never gone.
 */
export function isOwnerGone(owner: QueueOwnerRow, check: OwnerCheck): boolean {
  const { self, now, staleMs } = check;
  const exists = check.exists ?? processExists;
  if (owner.id === self.id) return false;
  if (owner.stopped_at !== null) return true;
  if (owner.host === self.host) {
    if (owner.pid === self.pid && owner.process_started !== self.processStarted) return true;
    if (owner.pid !== self.pid && !exists(owner.pid)) return true;
  }
  return now - owner.heartbeat_at > staleMs;
}
