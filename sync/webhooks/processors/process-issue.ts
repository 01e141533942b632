import { issueSchema, pullRequestSchema } from '../payload-schemas.ts';
import { ignored, processed, type Processor } from '../processor-context.ts';
import { isOutcome, resolveMember } from '../resolve-member.ts';
import { issueFacts } from '../to-facts.ts';

/**
 * `issues`: upserted by id, newest `updated_at` wins; `deleted` and `transferred` (the issue left this
 * repository) leave a tombstone.
 */
export const processIssue: Processor = (payload, action, ctx) => {
  const member = resolveMember(payload, ctx);
  if (isOutcome(member)) return member;
  const issue = issueSchema.safeParse(payload.issue);
  if (!issue.success) return ignored('the payload has no usable issue object');
  if (action === 'deleted' || action === 'transferred') {
    ctx.store.issues.tombstone(issue.data.id, ctx.at);
    return processed(`issue #${issue.data.number} ${action}: tombstoned`);
  }
  const written = ctx.store.issues.upsert(issueFacts(issue.data, member.row.id, issue.data.pull_request !== undefined));
  return processed(written ? undefined : 'older than the issue already held, or deleted');
};

/** `pull_request`: upserted by id, newest `updated_at` wins (pull requests cannot be deleted). */
export const processPullRequest: Processor = (payload, _action, ctx) => {
  const member = resolveMember(payload, ctx);
  if (isOutcome(member)) return member;
  const pr = pullRequestSchema.safeParse(payload.pull_request);
  if (!pr.success) return ignored('the payload has no usable pull_request object');
  const written = ctx.store.issues.upsert(issueFacts(pr.data, member.row.id, true));
  return processed(written ? undefined : 'older than the pull request already held');
};
