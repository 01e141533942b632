import { ignored, processed, type Processor } from '../processor-context.ts';
import { isOutcome, resolveMember } from '../resolve-member.ts';

/** `push`, `create`, `delete`: git content changed; the mirror fetches the repository (coalesced). */
export const processGitRef: Processor = (payload, _action, ctx) => {
  const member = resolveMember(payload, ctx);
  if (isOutcome(member)) return member;
  if (member.row.deleted_at !== null) return ignored(`${member.row.full_name} was deleted`);
  const ref = typeof payload.ref === 'string' ? payload.ref : '(unknown ref)';
  ctx.followUps.fetch(member.row.id);
  return processed(`fetch requested for ${ref}`);
};
