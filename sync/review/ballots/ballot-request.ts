import { DomainError } from '../../../kernel/errors/domain-error.ts';
import { parseCalendarDate, parseInstant } from '../../../kernel/time/parse-date.ts';
import { POSITIONS, type Position } from './tally-ballot.ts';

const DAY_MS = 86_400_000;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** A list given as an array of strings, or as one text of words separated by commas, spaces or lines. */
export function readList(value: unknown, what: string): string[] {
  const items = typeof value === 'string' ? value.split(/[\s,，、;；]+/) : value;
  if (!Array.isArray(items) || items.some((v) => typeof v !== 'string'))
    throw new DomainError('invalid', 'ballot_bad_list', `${what} is a list of strings: ["a", "b"]`, { what });
  const seen = new Set<string>();
  return (items as string[])
    .map((v) => v.trim().replace(/^@/, ''))
    .filter((v) => v !== '' && !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
}

/** The voters' logins as given: each one shaped like a GitHub login, at most 200. */
export function readVoters(value: unknown): string[] {
  const voters = readList(value ?? [], 'voters');
  const bad = voters.filter((v) => !LOGIN.test(v));
  if (bad.length > 0)
    throw new DomainError(
      'invalid',
      'ballot_bad_logins',
      `not logins: ${bad.join(', ')}; name each voter by their login on the portal`,
      { logins: bad.join(', ') },
    );
  if (voters.length > 200)
    throw new DomainError('invalid', 'ballot_too_many_voters', 'a ballot has at most 200 voters');
  return voters;
}

/**
 * When the ballot closes: the given day (`YYYY-MM-DD`, the end of that day UTC) or instant, in the future and
 * within a year; by default `closeDays` after `now`.
 */
export function readClosesAt(value: unknown, now: number, closeDays: number): string {
  if (value === undefined || value === null || value === '') return new Date(now + closeDays * DAY_MS).toISOString();
  const text = typeof value === 'string' ? value.trim() : '';
  const day = parseCalendarDate(text);
  const instant = day.ok ? { ok: true as const, ms: day.ms + DAY_MS - 1 } : parseInstant(text);
  if (!instant.ok)
    throw new DomainError(
      'invalid',
      'ballot_bad_closing_date',
      `${instant.problem}: give the closing date as YYYY-MM-DD (the ballot closes at the end of that day, UTC)`,
      { value: text },
    );
  if (instant.ms <= now || instant.ms > now + 366 * DAY_MS)
    throw new DomainError(
      'invalid',
      'ballot_closing_date_out_of_range',
      `the closing date must be after now and within a year: ${text} is not`,
      { value: text },
    );
  return new Date(instant.ms).toISOString();
}

/** A position as a voter gives it: a known position, a reason (at most 4,000 characters) and clause IDs. */
export function readPosition(body: { position?: unknown; reason?: unknown; clauseIds?: unknown }): {
  position: Position;
  reason: string;
  clauseIds: string[];
} {
  const position = body.position;
  if (typeof position !== 'string' || !(POSITIONS as readonly string[]).includes(position))
    throw new DomainError(
      'invalid',
      'ballot_bad_position',
      `the position is one of ${POSITIONS.join(', ')}: { "position": "yes" }`,
      { positions: POSITIONS.join(', ') },
    );
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (reason.length > 4000)
    throw new DomainError('invalid', 'ballot_reason_too_long', 'a reason is at most 4,000 characters: shorten it');
  const clauseIds = readList(body.clauseIds ?? [], 'clauseIds');
  if (clauseIds.length > 100)
    throw new DomainError('invalid', 'ballot_too_many_clauses', 'name at most 100 clause IDs');
  return { position: position as Position, reason, clauseIds };
}
