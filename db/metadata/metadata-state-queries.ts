import { storedMessage, type Message } from '../../kernel/i18n/message.ts';
import type { Db } from '../open-database.ts';

/** Whether a repository's API-derived metadata is known, where it came from, and where listings resume. */
export interface MetadataState {
  /** 'api' or 'demo' (demo data is never refreshed from the API). */
  source: string | null;
  status: 'ok' | 'unknown' | null;
  /** Why metadata is unknown. */
  reason: Message | null;
  /** Last successful refresh (or seed). */
  fetchedAt: string | null;
  /** Where the incremental issue listing resumes (`since`); NULL before the first listing stored anything. */
  issuesSince: string | null;
}

export interface MetadataStateQueries {
  get(repositoryId: number): MetadataState | undefined;
  /** Moves the incremental issue cursor forward (never back). */
  advanceIssuesSince(repositoryId: number, since: string): void;
}

/** Builds the prepared statements of the metadata state kept on `repositories` (status is set through `repositories.setMetadataState`). */
export function createMetadataStateQueries(db: Db): MetadataStateQueries {
  const get = db.prepare(
    `SELECT metadata_source AS source, metadata_status AS status, metadata_reason AS reason,
       metadata_fetched_at AS fetchedAt, issues_since AS issuesSince
     FROM repositories WHERE id = ?`,
  );
  const advance = db.prepare(
    `UPDATE repositories SET issues_since = @since WHERE id = @id AND (issues_since IS NULL OR issues_since < @since)`,
  );
  return {
    get: (id) => {
      const row = get.get(id) as (Omit<MetadataState, 'reason'> & { reason: string | null }) | undefined;
      return row && { ...row, reason: storedMessage(row.reason) };
    },
    advanceIssuesSince: (id, since) => void advance.run({ id, since }),
  };
}
