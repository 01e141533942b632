import { DomainError } from '../../kernel/errors/domain-error.ts';
import { parseInstant } from '../../kernel/time/parse-date.ts';
import { SCOPES, type Scope } from './roles.ts';

const DAY_MS = 86_400_000;
/** The longest expiry the portal's form offers; the CLI may also say `never`. */
export const MAX_TOKEN_DAYS = 366;
export const DEFAULT_TOKEN_DAYS = 90;

/** Parses `read,proposals` (commas or spaces) into scopes; `read` is always included. */
export function parseScopes(text: string | readonly string[] | undefined): Scope[] {
  const words = (typeof text === 'string' ? text.split(/[\s,]+/) : (text ?? [])).map((w) => w.trim()).filter(Boolean);
  const unknown = words.filter((w) => !(SCOPES as readonly string[]).includes(w));
  if (unknown.length > 0) {
    throw new DomainError(
      'invalid',
      'bad_scope',
      `unknown scope ${unknown.map((u) => `"${u}"`).join(', ')}: use ${SCOPES.join(', ')} (comma-separated)`,
    );
  }
  return SCOPES.filter((s) => s === 'read' || words.includes(s));
}

/**
 * The expiry of a new token: `30d` (days from now), a date or date-time (checked like every date people type),
 * or `never` when `allowNever` (the CLI). Refuses the past and more than a year ahead unless `never` is allowed.
 */
export function parseExpiry(text: string | undefined, now: number, allowNever: boolean): string | null {
  const value = (text ?? `${DEFAULT_TOKEN_DAYS}d`).trim();
  if (value === 'never') {
    if (allowNever) return null;
    throw new DomainError(
      'invalid',
      'bad_expiry',
      `a token must expire: give a number of days up to ${MAX_TOKEN_DAYS}`,
    );
  }
  const days = /^(\d{1,4})d$/.exec(value);
  let at: number;
  if (days) at = now + Number(days[1]) * DAY_MS;
  else {
    const parsed = parseInstant(value);
    if (!parsed.ok) {
      throw new DomainError(
        'invalid',
        'bad_expiry',
        `expiry: ${parsed.problem}: give a number of days such as 30d, or a date (YYYY-MM-DD)${allowNever ? ', or never' : ''}`,
      );
    }
    at = parsed.ms;
  }
  if (at <= now) throw new DomainError('invalid', 'bad_expiry', 'the expiry must be in the future');
  if (!allowNever && at > now + MAX_TOKEN_DAYS * DAY_MS) {
    throw new DomainError('invalid', 'bad_expiry', `a token expires within ${MAX_TOKEN_DAYS} days at most`);
  }
  return new Date(at).toISOString();
}
