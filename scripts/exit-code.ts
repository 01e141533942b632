import type { ErrorKind } from '../kernel/errors/domain-error.ts';

/**
 * The exit code of each kind of domain error: the one place where kinds become exit codes. 1 means the request
 * was wrong (fix it and run again), 3 that this machine cannot do it now (try again later), 4 that GitHub or a
 * git upstream failed. Usage errors caught by the argument parser exit with 1 too (commander's default).
 */
export const EXIT_CODE: Readonly<Record<ErrorKind, number>> = {
  invalid: 1,
  'not-found': 1,
  conflict: 1,
  forbidden: 1,
  unauthenticated: 1,
  'too-large': 1,
  unsupported: 1,
  unavailable: 3,
  'rate-limited': 3,
  upstream: 4,
};
