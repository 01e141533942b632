import { storeMessage } from '../../../kernel/i18n/message.ts';
import type { NewObservation, ObservationRow } from '../../../db/maturity/maturity-observation-queries.ts';
import type { SignalJson } from '../maturity-json.ts';

/**
 * Which observations an evaluation appends: a `change` when a signal's value, status or reason differs from its
 * newest observation (or it has none), else one `snapshot` per UTC day, so trends have a point every day.
 */
export function planObservations(
  repositoryId: number,
  previous: readonly ObservationRow[],
  signals: readonly SignalJson[],
  at: string,
): NewObservation[] {
  const latest = new Map(previous.map((o) => [o.signal, o]));
  const out: NewObservation[] = [];
  for (const s of signals) {
    const value = JSON.stringify(s.value);
    const reason = storeMessage(s.reason);
    const before = latest.get(s.id);
    const changed = !before || before.value !== value || before.status !== s.status || before.reason !== reason;
    const newDay = before !== undefined && before.observed_at.slice(0, 10) !== at.slice(0, 10);
    if (!changed && !newDay) continue;
    out.push({
      repository_id: repositoryId,
      signal: s.id,
      kind: changed ? 'change' : 'snapshot',
      value,
      status: s.status,
      reason,
      commit_sha: s.commit,
      evidence: JSON.stringify(s.evidence),
      observed_at: at,
    });
  }
  return out;
}
