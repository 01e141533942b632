import type { Store } from '../../db/store.ts';
import { asMessage, storedMessage } from '../../kernel/i18n/message.ts';
import type { EvidenceJson, MaturityJson, ObservationJson } from './maturity-json.ts';

// Results stored by an older version carry free-text reasons and labels; they read as `text` messages until the
// next evaluation replaces them.
const evidenceOf = (list: readonly EvidenceJson[] | undefined): EvidenceJson[] =>
  (list ?? []).map((e) => ({ ...e, label: asMessage(e.label)! }));

/** A project's latest maturity result, or null before its first evaluation. */
export function readMaturity(store: Store, repositoryId: number): MaturityJson | null {
  const row = store.maturity.results.get(repositoryId);
  if (!row) return null;
  const result = JSON.parse(row.result) as MaturityJson;
  return {
    ...result,
    signals: result.signals.map((s) => ({ ...s, reason: asMessage(s.reason), evidence: evidenceOf(s.evidence) })),
    gaps: result.gaps.map((g) => ({ ...g, reason: asMessage(g.reason), evidence: evidenceOf(g.evidence) })),
  };
}

/** Every observation of one signal of a project, oldest first (changes and daily snapshots). */
export function readSignalHistory(store: Store, repositoryId: number, signalId: string): ObservationJson[] {
  return store.maturity.observations.history(repositoryId, signalId).map((o) => ({
    signal: o.signal,
    value: o.value === null ? null : (JSON.parse(o.value) as ObservationJson['value']),
    status: o.status,
    reason: storedMessage(o.reason),
    commit: o.commit_sha,
    observedAt: o.observed_at,
    kind: o.kind,
    evidence: evidenceOf(o.evidence ? (JSON.parse(o.evidence) as EvidenceJson[]) : []),
  }));
}
