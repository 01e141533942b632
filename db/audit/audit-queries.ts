import type { Db } from '../open-database.ts';

/** How a privileged action reached the portal. */
export type AuditVia = 'web' | 'api' | 'cli';

/** One entry of the audit log. */
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  /** JSON of what changed, or null. */
  detail: string | null;
  request_id: string | null;
  via: AuditVia;
}

/** Which entries to list, newest first. */
export interface AuditFilter {
  limit: number;
  /** Entries older than this id (the next page). */
  beforeId?: number;
  action?: string;
  actor?: string;
  target?: string;
}

export interface AuditQueries {
  append(entry: Omit<AuditRow, 'id'>): number;
  list(filter: AuditFilter): AuditRow[];
}

/** Builds the audit log's prepared statements on `db` (append and read only: the table refuses the rest). */
export function createAuditQueries(db: Db): AuditQueries {
  const append = db.prepare(
    `INSERT INTO audit_log (at, actor, action, target, detail, request_id, via)
     VALUES (@at, @actor, @action, @target, @detail, @request_id, @via)`,
  );
  const list = db.prepare(
    `SELECT * FROM audit_log
     WHERE (@beforeId IS NULL OR id < @beforeId)
       AND (@action IS NULL OR action = @action OR action LIKE @action || '.%')
       AND (@actor IS NULL OR actor = @actor COLLATE NOCASE)
       AND (@target IS NULL OR target = @target COLLATE NOCASE)
     ORDER BY id DESC LIMIT @limit`,
  );
  return {
    append: (entry) => Number(append.run(entry).lastInsertRowid),
    list: (filter) =>
      list.all({
        limit: filter.limit,
        beforeId: filter.beforeId ?? null,
        action: filter.action ?? null,
        actor: filter.actor ?? null,
        target: filter.target ?? null,
      }) as AuditRow[],
  };
}
