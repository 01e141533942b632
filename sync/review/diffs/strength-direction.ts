import type { RequirementForm } from '../../../content/draft/draft-types.ts';
import type { StrengthDirection } from './revision-diff.ts';

// The verbal forms of GB/T 1.1 (and ISO/IEC Directives Part 2) by how much they bind: a requirement, a
// recommendation, a permission. A negation binds as much as its positive form.
const LEVEL: Record<RequirementForm, number> = { shall: 3, 'shall not': 3, should: 2, 'should not': 2, may: 1 };

/**
 * Which way a requirement's form moved; undefined when it did not change.
 *
 * Before: (`should`, `shall`) / (`shall`, `may`) / (`shall`, `shall not`)   After: stronger / weaker / reversed
 */
export function strengthDirection(from: RequirementForm, to: RequirementForm): StrengthDirection | undefined {
  if (from === to) return undefined;
  const change = LEVEL[to] - LEVEL[from];
  return change > 0 ? 'stronger' : change < 0 ? 'weaker' : 'reversed';
}
