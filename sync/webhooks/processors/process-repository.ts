import { isFullName } from '../../projects/add-project.ts';
import { ignored, processed, type Processor } from '../processor-context.ts';
import { isOutcome, resolveMember } from '../resolve-member.ts';
import { repositoryFacts } from '../to-facts.ts';

const KNOWN = new Set([
  'created',
  'deleted',
  'archived',
  'unarchived',
  'edited',
  'renamed',
  'transferred',
  'publicized',
  'privatized',
]);

/**
 * `repository`: facts of a member repository. `deleted` leaves a tombstone; nothing after it (a late `edited`)
 * resurrects the row. `renamed` and `transferred` keep the row (keyed by id) and remember the old name.
 */
export const processRepository: Processor = (payload, action, ctx) => {
  if (!action || !KNOWN.has(action)) return ignored(`repository.${action ?? '(no action)'} is not used`);
  const member = resolveMember(payload, ctx);
  if (isOutcome(member)) return member;
  const { row, repo } = member;
  const { repositories } = ctx.store;
  if (action === 'deleted') {
    repositories.tombstone(row.id, ctx.at);
    return processed(`${row.full_name} deleted on GitHub: tombstoned`);
  }
  if (row.deleted_at !== null) return ignored(`${row.full_name} was deleted; a late ${action} does not resurrect it`);
  // The new name becomes the clone URL (${GITHUB_URL}/<owner>/<repo>.git): only a real GitHub name may.
  if (!isFullName(`${repo.owner.login}/${repo.name}`))
    return ignored(`${JSON.stringify(repo.full_name)} is not an owner/repo name; ${row.full_name} keeps its name`);
  const renamed = repositories.rename(row.id, repo.owner.login, repo.name, ctx.at);
  repositories.applyFacts(row.id, repositoryFacts(repo), ctx.at);
  ctx.followUps.refresh(row.id);
  if (action === 'transferred' || renamed) ctx.followUps.fetch(row.id);
  return processed(renamed ? `${row.full_name} is now ${repo.full_name}` : undefined);
};
