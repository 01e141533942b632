// English texts of the proposal workflow's message codes (guards and refusals of sync/proposals/workflow).
import type { MessageCatalogue } from '../render-message.ts';

const plural = (n: string | number | undefined, one: string, many: string) => (Number(n) === 1 ? one : many);

export const enWorkflowMessages: MessageCatalogue = {
  // A text given in both languages by data (a workflow or model file): the reader's one.
  local: (p) => String(p.en ?? ''),
  // A list of rendered messages (parameters 0, 1, 2 …).
  list: (p) => Object.values(p).join(', '),

  'proposal.level.none': 'not evaluated yet',
  'proposal.licence.unknown': 'not detected',
  'proposal.ballot.none': 'no ballot was held',
  'proposal.ballot.open': 'the ballot is still open',
  'proposal.ballot.closed': 'the ballot closed without passing',
  'proposal.actor.maintainer': 'a maintainer of the project',
  'proposal.actor.member': 'anyone signed in',
  'proposal.actor.reviewer': 'a reviewer',
  'proposal.actor.secretariat': 'the secretariat',
  'proposal.actor.admin': 'an administrator',

  'proposal.guard.project-level': (p) =>
    `the project's level is ${p.level}; this needs ${p.required}: ${p.gaps} ${plural(p.gaps, 'gap', 'gaps')} to close`,
  'proposal.guard.sources-pinned':
    'the sources are not pinned: pick at least one source file and a ref that resolves to a commit',
  'proposal.guard.licence-compatible':
    "the specification's licence ({licence}) is not among the compatible licences: {allowed}",
  'proposal.guard.ipr-statement': 'the proposer has not given the IPR and patent statement',
  'proposal.guard.implementations': (p) =>
    `${p.count} ${plural(p.count, 'implementation', 'implementations')} named; ${p.needed} are needed`,
  'proposal.guard.has-revision': 'no draft revision has been generated yet: generate one from the sources',
  'proposal.guard.notice-over': (p) =>
    `the public notice is still open: ${p.days} ${plural(p.days, 'day', 'days')} left (until ${p.endsAt})`,
  'proposal.guard.notice-over.missing': 'no public notice has been held',
  'proposal.guard.comment-period-over': (p) =>
    `the comment period is still open: ${p.days} ${plural(p.days, 'day', 'days')} left (until ${p.endsAt})`,
  'proposal.guard.comment-period-over.missing': 'no comment period has been held',
  'proposal.guard.revision-since-comment':
    'no revision since the last comment period (ended {endedAt}): generate a revision that answers the comments',
  'proposal.guard.comments-dispositioned': (p) =>
    `${p.count} ${plural(p.count, 'comment', 'comments')} without a disposition`,
  'proposal.guard.no-open-ballot': 'a ballot is open: close it first',
  'proposal.guard.ballot-passed': 'the ballot has not passed: {state}',
  'proposal.guard.no-blocking-positions': (p) =>
    `${p.count} blocking ${plural(p.count, 'position is', 'positions are')} not cleared`,
  'proposal.guard.reason-given': 'give the reason in the comment',
  'proposal.guard.review-due': 'the periodic review is not due until {dueAt}',
  'proposal.guard.review-due.missing': 'the standard has not been published',

  'proposal.refusal.unknown-action': '"{action}" is not an action of the workflow; its actions: {known}',
  'proposal.refusal.not-available':
    '"{action}" cannot be taken while the proposal is in {stage}; from here: {available}',
  'proposal.refusal.none': 'nothing (the stage is final)',
  'proposal.refusal.forbidden': '"{action}" may be taken only by {who}',
  'proposal.refusal.guards': (p) => `${p.count} ${plural(p.count, 'requirement is', 'requirements are')} not met`,
};
