import { ignored, processed, type Processor } from '../processor-context.ts';
import { isOutcome, resolveMember } from '../resolve-member.ts';
import { repositoryFacts } from '../to-facts.ts';

/**
 * `star`, `watch`, `fork` and `public`: the payload's repository snapshot carries the new counts and visibility.
 * Older snapshots (by `updated_at`) than the facts already held are skipped.
 */
export const processRepositoryCounts: Processor = (payload, _action, ctx) => {
  const member = resolveMember(payload, ctx);
  if (isOutcome(member)) return member;
  const { row, repo } = member;
  if (row.deleted_at !== null) return ignored(`${row.full_name} was deleted`);
  const applied = ctx.store.repositories.applyFacts(row.id, repositoryFacts(repo), ctx.at);
  return processed(applied ? undefined : 'older than the facts already held');
};
