import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
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
 * Throws BadRequestError saying what to fix: an unknown signal, no reason, a date that is not a date or is past.
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
  const parsed = /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(request.expiresAt) ? Date.parse(request.expiresAt) : Number.NaN;
  if (Number.isNaN(parsed))
    throw new DomainError(
      'invalid',
      'bad_exemption',
      `the expiry "${request.expiresAt}" is not a date: give YYYY-MM-DD or an ISO-8601 date-time`,
    );
  const at = isoNow(clock);
  const expires = new Date(parsed).toISOString();
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
