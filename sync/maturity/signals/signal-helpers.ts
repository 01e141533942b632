import { msg, type Message } from '../../../kernel/i18n/message.ts';
import { permalinks, type Permalinks } from '../evidence/permalinks.ts';
import type { SignalInputs, SignalOutcome, SignalParams } from './signal-inputs.ts';

export const DAY_MS = 86_400_000;

/** A numeric parameter with its default. */
export function numberParam(params: SignalParams, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' ? value : fallback;
}

/** The evaluation window ending now. */
export function windowOf(
  inputs: SignalInputs,
  days: number,
): { days: number; since: string; until: string; sinceMs: number } {
  const sinceMs = inputs.now - days * DAY_MS;
  return { days, since: new Date(sinceMs).toISOString(), until: new Date(inputs.now).toISOString(), sinceMs };
}

export function links(inputs: SignalInputs): Permalinks {
  return permalinks(inputs.githubUrl, inputs.repository.fullName);
}

/** The outcome of a git signal when the mirror has nothing to read yet. */
export function gitUnknown(reason: Message): SignalOutcome {
  return { value: null, status: 'unknown', reason, evidence: [] };
}

/** The outcome of an API signal when metadata is unknown (no token, GitHub unreachable): git signals still count. */
export function apiUnknown(reason: Message): SignalOutcome {
  return { value: null, status: 'unknown', reason: msg('maturity.api-unknown', { reason }), evidence: [] };
}

/** Bots by their GitHub-style name or address (dependabot[bot], 49699333+dependabot[bot]@users.noreply.github.com). */
export function isBotIdentity(nameOrEmail: string): boolean {
  return /\[bot\]|^(dependabot|renovate|github-actions|pre-commit-ci)\b|\bbot@/i.test(nameOrEmail);
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Nearest-rank quantile (p in 0..1) of a non-empty list. */
export function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/** The smallest number of groups (largest first) that together make at least half of the total. */
export function smallestHalf<T>(counts: readonly (readonly [T, number])[]): (readonly [T, number])[] {
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  const chosen: (readonly [T, number])[] = [];
  let covered = 0;
  for (const entry of sorted) {
    if (covered * 2 >= total) break;
    chosen.push(entry);
    covered += entry[1];
  }
  return chosen;
}
