import type { ExemptionRow } from '../../db/maturity/maturity-exemption-queries.ts';
import type { ExemptionJson } from './maturity-json.ts';

/** An exemption as the API shows it; `active` at the time `at`. */
export function exemptionJson(row: ExemptionRow, at: string): ExemptionJson {
  return {
    id: row.id,
    signal: row.signal,
    reason: row.reason,
    expiresAt: row.expires_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    active: row.revoked_at === null && row.expires_at > at,
  };
}
