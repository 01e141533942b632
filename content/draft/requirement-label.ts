import type { RequirementForm } from './draft-types.ts';
import type { KeywordHit } from './map-keywords.ts';

/** A label such as "REQUIRED parameters:" whose strength the items of the list (or rows of the table) after it carry. */
export interface RequirementLabel {
  keyword: string;
  form: RequirementForm;
}

/**
 * The label a paragraph is, when it states a keyword, ends in a colon and comes right before a list or a table;
 * the draft and the drift both read labels with it. Its own keywords then belong to the items after it.
 *
 * Before: "REQUIRED parameters:" (hit REQUIRED → shall), next a list → After: { REQUIRED, shall }
 * Before: "Peers MUST retry." next a list → After: undefined
 */
export function requirementLabelOf(
  plain: string,
  hits: readonly KeywordHit[],
  nextType: string | undefined,
): RequirementLabel | undefined {
  if (hits.length === 0 || (nextType !== 'list' && nextType !== 'table')) return undefined;
  if (!/[:：]\s*$/.test(plain)) return undefined;
  return { keyword: hits[0]!.keyword, form: hits[0]!.form };
}
