import type { LintRule } from '../../../content/draft/draft-types.ts';

/**
 * The lint rules that report a change the generator made to the source's form (a repair), as opposed to a
 * problem left for the editors: the note lists the first under "comparison with the source", the others under
 * "other matters".
 */
export const REPAIR_RULES: ReadonlySet<LintRule> = new Set<LintRule>([
  'conventions-replaced',
  'declared-keywords',
  'table-of-contents',
  'dropped-html',
  'terms-lead-in',
  'term-group',
  'self-reference',
  'depth-over-five',
  'hanging-paragraph',
  'lone-subclause',
  'reference-not-document',
  'reference-unidentified',
  'reference-dropped',
]);
