import type { AuditFilter, AuditRow, AuditVia } from '../../db/audit/audit-queries.ts';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/** Who takes a privileged action, and through which door (for the audit log). */
export interface AuditContext {
  actor: string;
  via: AuditVia;
  requestId: string | null;
}

/** The CLI's context: the person at the terminal holds the data directory. */
export const CLI_CONTEXT: AuditContext = { actor: 'cli', via: 'cli', requestId: null };

/** One entry as the console and `GET /api/admin/audit` show it. */
export interface AuditEntryJson {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown> | null;
  requestId: string | null;
  via: AuditVia;
}

/** The audit log: append, and read newest first. */
export interface AuditService {
  /** Appends an entry (call inside the transaction of the change it records). */
  record(ctx: AuditContext, action: string, target: string, detail?: Record<string, unknown>): void;
  list(filter: Partial<AuditFilter>): AuditEntryJson[];
}

const json = (row: AuditRow): AuditEntryJson => ({
  id: row.id,
  at: row.at,
  actor: row.actor,
  action: row.action,
  target: row.target,
  detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  requestId: row.request_id,
  via: row.via,
});

/** The audit service over one store. */
export function createAuditService(store: Store, clock: Clock): AuditService {
  return {
    record(ctx, action, target, detail) {
      store.audit.append({
        at: isoNow(clock),
        actor: ctx.actor,
        action,
        target,
        detail: detail === undefined ? null : JSON.stringify(detail),
        request_id: ctx.requestId,
        via: ctx.via,
      });
    },
    list(filter) {
      const limit = filter.limit ?? 100;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new DomainError('invalid', 'bad_limit', 'limit must be a whole number from 1 to 1000');
      if (filter.beforeId !== undefined && !Number.isInteger(filter.beforeId))
        throw new DomainError('invalid', 'bad_before', 'before must be the id of an entry (a whole number)');
      return store.audit.list({ ...filter, limit }).map(json);
    },
  };
}
