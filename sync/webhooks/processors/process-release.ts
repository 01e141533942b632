import { releaseSchema } from '../payload-schemas.ts';
import { ignored, processed, type Processor } from '../processor-context.ts';
import { isOutcome, resolveMember } from '../resolve-member.ts';
import { releaseFacts } from '../to-facts.ts';

const UPDATES = new Set(['edited', 'published', 'unpublished', 'prereleased', 'released']);

/**
 * `release`: keyed by the release id. `created` only inserts (an `edited` that overtook it is newer);
 * `deleted` leaves a tombstone that no later event undoes.
 */
export const processRelease: Processor = (payload, action, ctx) => {
  if (action !== 'created' && action !== 'deleted' && !(action && UPDATES.has(action))) {
    return ignored(`release.${action ?? '(no action)'} is not used`);
  }
  const member = resolveMember(payload, ctx);
  if (isOutcome(member)) return member;
  const release = releaseSchema.safeParse(payload.release);
  if (!release.success) return ignored('the payload has no usable release object');
  const facts = releaseFacts(release.data, member.row.id);
  const { releases } = ctx.store;
  if (action === 'deleted') {
    releases.tombstone(facts.id, facts.repositoryId, facts.tagName, ctx.at);
    return processed(`release ${facts.tagName} deleted: tombstoned`);
  }
  const written = action === 'created' ? releases.insertIfAbsent(facts) : releases.upsert(facts);
  ctx.followUps.fetch(member.row.id);
  if (!written) {
    const existing = releases.get(facts.id);
    return processed(
      existing?.deleted_at
        ? `release ${facts.tagName} was deleted; kept deleted`
        : `release ${facts.tagName} already newer`,
    );
  }
  return processed();
};
