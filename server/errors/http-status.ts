import type { ErrorKind } from '../../kernel/errors/domain-error.ts';

/** The HTTP status of each kind of domain error: the one place where kinds become statuses. */
export const HTTP_STATUS: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unsupported: 415,
  'rate-limited': 429,
  upstream: 502,
  unavailable: 503,
};
