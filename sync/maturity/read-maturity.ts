import type { Store } from '../../db/store.ts';
import type { MaturityJson, ObservationJson } from './maturity-json.ts';

/** A project's latest maturity result, or null before its first evaluation. */
export function readMaturity(store: Store, repositoryId: number): MaturityJson | null {
  const row = store.maturity.results.get(repositoryId);
  return row ? (JSON.parse(row.result) as MaturityJson) : null;
}

/** Every observation of one signal of a project, oldest first (changes and daily snapshots). */
export function readSignalHistory(store: Store, repositoryId: number, signalId: string): ObservationJson[] {
  return store.maturity.observations.history(repositoryId, signalId).map((o) => ({
    signal: o.signal,
    value: o.value === null ? null : (JSON.parse(o.value) as ObservationJson['value']),
    status: o.status,
    reason: o.reason,
    commit: o.commit_sha,
    observedAt: o.observed_at,
    kind: o.kind,
    evidence: o.evidence ? (JSON.parse(o.evidence) as ObservationJson['evidence']) : [],
  }));
}
