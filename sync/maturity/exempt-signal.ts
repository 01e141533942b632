import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { parseInstant } from '../../kernel/time/parse-date.ts';
import { exemptionJson } from './exemption-json.ts';
import { enqueueEvaluation } from './maturity-jobs.ts';
import type { ExemptionJson } from './maturity-json.ts';
import { KNOWN_SIGNALS } from './signals/signal-registry.ts';

export interface ExemptionRequest {
  repositoryId: number;
  signal: string;
  reason: string;
  /** An ISO date or date-time; a date alone means the start of that day (UTC). */
  expiresAt: string;
  /** Login of the reviewer or administrator who decides. */
  by: string;
}

/**
 * Exempts one signal of one project until a date, and enqueues the project's re-evaluation (one transaction).
 * Throws an `invalid` DomainError saying what to fix: an unknown signal, no reason, a date that is not a date or is past.
 */
export function exemptSignal(store: Store, clock: Clock, request: ExemptionRequest): ExemptionJson {
  const { repositoryId, signal, by } = request;
  if (!KNOWN_SIGNALS.has(signal))
    throw new DomainError(
      'invalid',
      'unknown_signal',
      `"${signal}" is not a signal; one of: ${[...KNOWN_SIGNALS.keys()].join(', ')}`,
    );
  const reason = request.reason.trim();
  if (reason.length < 3) throw new DomainError('invalid', 'bad_exemption', 'say why the signal is exempted (reason)');
  const parsed = parseInstant(request.expiresAt);
  if (!parsed.ok)
    throw new DomainError(
      'invalid',
      'bad_exemption',
      `the expiry ${parsed.problem}: give YYYY-MM-DD or an ISO-8601 date-time such as 2027-06-30T00:00:00Z`,
    );
  const at = isoNow(clock);
  const expires = parsed.iso;
  if (expires <= at) throw new DomainError('invalid', 'bad_exemption', `the expiry ${expires} is not in the future`);
  const id = store.transaction(() => {
    const created = store.maturity.exemptions.create({
      repositoryId,
      signal,
      reason,
      expiresAt: expires,
      createdBy: by,
      createdAt: at,
    });
    enqueueEvaluation(store, clock, repositoryId);
    return created;
  });
  return exemptionJson(store.maturity.exemptions.get(id)!, at);
}
