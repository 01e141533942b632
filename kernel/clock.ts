/** The source of time; injected everywhere so tests move time instead of sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** ISO-8601 UTC string of a clock reading. */
export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
