import type { MessageParams } from '../i18n/message.ts';

/**
 * What went wrong, as every layer names it. The HTTP edge maps a kind to a status (server/errors/http-status.ts)
 * and the CLI to an exit code (scripts/exit-code.ts); nothing else decides either.
 */
export type ErrorKind =
  | 'not-found'
  | 'invalid'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'unavailable'
  | 'upstream'
  /** The input is larger than accepted (a body, a file). */
  | 'too-large'
  /** The input is of a form this interface does not read (a content type, a file type). */
  | 'unsupported'
  /** Too many attempts in a short time (sign-in, writes); `params.retryAfterSeconds` says when to try again. */
  | 'rate-limited';

/**
 * The one error model: a stable machine-readable `code`, a `kind`, and a message that says what to do next.
 * `params` carry the facts of the message so a page can say it in Chinese as well.
 */
export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly params: MessageParams;
  /** More of the answer for a program (JSON-able), added to the API's `error` object: e.g. every missing item. */
  readonly detail: Readonly<Record<string, unknown>>;
  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    params: MessageParams = {},
    detail: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.params = params;
    this.detail = detail;
    this.name = 'DomainError';
  }
}

/** True for a DomainError of one of `kinds` (any kind when none is given). */
export function isDomainError(error: unknown, ...kinds: ErrorKind[]): error is DomainError {
  return error instanceof DomainError && (kinds.length === 0 || kinds.includes(error.kind));
}
