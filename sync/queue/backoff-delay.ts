/** Retry timing of the job queue. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 30 * 60_000, maxAttempts: 8 };

/**
 * Exponential backoff with deterministic jitter (from the job id, so tests can predict it):
 * attempt 1 → ~base, 2 → ~2·base, 3 → ~4·base, … capped at `maxMs`, each scaled by 0.75–1.25.
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number, jobId: number): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jitter = 0.75 + ((jobId * 2654435761) % 1000) / 2000;
  return Math.round(Math.min(policy.maxMs, exponential * jitter));
}
