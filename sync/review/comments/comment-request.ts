import type { CommentRow, DispositionRow } from '../../../db/comments/comment-queries.ts';
import { DomainError } from '../../../kernel/errors/domain-error.ts';

export const COMMENT_KINDS = ['editorial', 'technical', 'general'] as const;
export const DISPOSITIONS = ['accepted', 'partially-accepted', 'rejected', 'noted'] as const;
/** The largest comment (and proposed change, and reason) in characters. */
export const COMMENT_MAX_CHARS = 20_000;

/** A comment as asked for, checked: what the service stores. */
export interface CommentRequest {
  rev: number | null;
  clauseId: string;
  kind: CommentRow['kind'];
  text: string;
  proposedChange: string;
  organisation: string | null;
  parentId: number | null;
}

const textOf = (value: unknown, field: string, required: boolean): string => {
  if (value !== undefined && value !== null && typeof value !== 'string')
    throw new DomainError('invalid', 'comment_field_not_text', `"${field}" must be text`, { field });
  const text = (value ?? '').trim();
  if (text === '') {
    if (required) throw new DomainError('invalid', 'comment_field_required', `"${field}" is required`, { field });
    return '';
  }
  if (text.length > COMMENT_MAX_CHARS)
    throw new DomainError('invalid', 'comment_too_long', `"${field}" is longer than 20,000 characters: shorten it`, {
      field,
      limit: COMMENT_MAX_CHARS,
    });
  return text;
};

const revOf = (value: unknown): number | null => {
  if (value === undefined || value === null || value === '') return null;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/^-/, '') : '';
  if (!/^\d{1,4}$/.test(text))
    throw new DomainError('invalid', 'comment_bad_rev', `"${String(value)}" is not a revision: give it as 00, 01 …`, {
      value: String(value),
    });
  return Number(text);
};

const idOf = (value: unknown, field: string): number | null => {
  if (value === undefined || value === null || value === '') return null;
  const text = String(value);
  if (!/^\d{1,12}$/.test(text))
    throw new DomainError('invalid', 'comment_bad_id', `"${field}" must be the number of a comment`, { field });
  return Number(text);
};

/** Reads a comment's body (`POST /api/proposals/:number/comments` or the page's form); lists what is wrong. */
export function readCommentRequest(body: Record<string, unknown>): CommentRequest {
  const parentId = idOf(body['parentId'], 'parentId');
  const kind = body['kind'] ?? (parentId !== null ? 'general' : undefined);
  if (typeof kind !== 'string' || !(COMMENT_KINDS as readonly string[]).includes(kind))
    throw new DomainError('invalid', 'comment_bad_kind', `"kind" must be one of ${COMMENT_KINDS.join(', ')}`, {
      kinds: COMMENT_KINDS.join(', '),
    });
  const clauseId = parentId !== null ? '' : textOf(body['clauseId'], 'clauseId', true);
  const organisation = textOf(body['organisation'], 'organisation', false).slice(0, 200);
  return {
    rev: revOf(body['rev']),
    clauseId,
    kind: kind as CommentRow['kind'],
    text: textOf(body['text'], 'text', true),
    proposedChange: textOf(body['proposedChange'], 'proposedChange', false),
    organisation: organisation === '' ? null : organisation,
    parentId,
  };
}

/** A disposition as asked for, checked. */
export interface DispositionRequest {
  disposition: DispositionRow['disposition'];
  reason: string;
  carriedIn: number | null;
}

/** Reads a disposition (`POST /api/proposals/:number/comments/:id/disposition`); a rejection needs its reason. */
export function readDispositionRequest(body: Record<string, unknown>): DispositionRequest {
  const disposition = body['disposition'];
  if (typeof disposition !== 'string' || !(DISPOSITIONS as readonly string[]).includes(disposition))
    throw new DomainError('invalid', 'disposition_bad', `"disposition" must be one of ${DISPOSITIONS.join(', ')}`, {
      dispositions: DISPOSITIONS.join(', '),
    });
  const reason = textOf(body['reason'], 'reason', false);
  if (disposition === 'rejected' && reason === '')
    throw new DomainError('invalid', 'disposition_reason_required', 'a rejection needs its reason: say why');
  return {
    disposition: disposition as DispositionRow['disposition'],
    reason,
    carriedIn: revOf(body['carriedIn']),
  };
}
