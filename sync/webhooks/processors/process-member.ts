import { accountSchema } from '../payload-schemas.ts';
import { ignored, processed, type Processor } from '../processor-context.ts';
import { isOutcome, resolveMember } from '../resolve-member.ts';

/** `member`: collaborators added, removed or whose permission changed. */
export const processMember: Processor = (payload, action, ctx) => {
  if (action !== 'added' && action !== 'removed' && action !== 'edited') {
    return ignored(`member.${action ?? '(no action)'} is not used`);
  }
  const member = resolveMember(payload, ctx);
  if (isOutcome(member)) return member;
  const user = accountSchema.safeParse(payload.member);
  if (!user.success) return ignored('the payload has no usable member object');
  const { collaborators } = ctx.store;
  if (action === 'removed') {
    collaborators.remove(member.row.id, user.data.id, user.data.login, ctx.at);
  } else {
    const changes = payload.changes as { permission?: { to?: unknown } } | undefined;
    const permission = typeof changes?.permission?.to === 'string' ? changes.permission.to : null;
    collaborators.add(member.row.id, user.data.id, user.data.login, permission, ctx.at);
  }
  return processed();
};
