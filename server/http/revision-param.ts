import { DomainError } from '../../kernel/errors/domain-error.ts';

/** A revision number from a URL: `0`, `1`, `-01` or `01` → 0, 1, 1, 1; anything else is a 404 that says why. */
export function revisionParam(value: unknown): number {
  const text = String(value).replace(/^-/, '');
  if (!/^\d{1,4}$/.test(text))
    throw new DomainError(
      'not-found',
      'revision_not_found',
      `"${String(value)}" is not a revision number (0, 1 or -01)`,
    );
  return Number(text);
}
