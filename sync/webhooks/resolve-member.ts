import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import { repositorySchema, type RepositoryPayload } from './payload-schemas.ts';
import { ignored, type ProcessOutcome, type ProcessorContext } from './processor-context.ts';

/** A member repository an event is about, with the payload's view of it. */
export interface ResolvedMember {
  row: RepositoryRow;
  repo: RepositoryPayload;
}

/**
 * Finds the member project an event is about, by GitHub's numeric id. A project registered offline (provisional
 * negative id) is matched once by name and adopts the real id. Anything else is an ignore with the reason.
 */
export function resolveMember(
  payload: Record<string, unknown>,
  ctx: ProcessorContext,
): ResolvedMember | ProcessOutcome {
  const parsed = repositorySchema.safeParse(payload.repository);
  if (!parsed.success) return ignored('the payload has no usable repository object');
  const repo = parsed.data;
  const { repositories } = ctx.store;
  let row = repositories.get(repo.id);
  if (!row) {
    const provisional = repositories.findMember(repo.full_name);
    if (provisional && provisional.id < 0) {
      repositories.adoptId(provisional.id, repo.id);
      row = repositories.get(repo.id);
    }
  }
  if (!row) return ignored(`${repo.full_name} (id ${repo.id}) is not a member project`);
  if (row.removed_at !== null) return ignored(`${row.full_name} is no longer a member project`);
  return { row, repo };
}

/** Narrows the result of `resolveMember`. */
export function isOutcome(value: ResolvedMember | ProcessOutcome): value is ProcessOutcome {
  return 'status' in value;
}
