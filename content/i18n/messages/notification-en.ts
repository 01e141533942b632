// English texts of the notifications' message codes (sync/notifications): what happened to a proposal, and what
// its reader is asked to do. Titles, stage, action and draft names arrive as `local` messages (both languages).
import type { MessageCatalogue } from '../render-message.ts';

export const enNotificationMessages: MessageCatalogue = {
  'notification.created': '{actor} created proposal {number} “{title}”',
  'notification.stage': '{actor} took “{action}” on {number} “{title}”: {from} → {to}',
  'notification.revision': 'Revision {rev} ({draft}) of {number} “{title}” is ready',
  'notification.ballot-open':
    '{actor} opened ballot {seq} on revision {rev} of {number} “{title}”; it closes on {closesAt}',
  'notification.ballot-close': '{actor} closed ballot {seq} on revision {rev} of {number} “{title}”: {result}',
  'notification.ballot-close-on-time':
    'Ballot {seq} on revision {rev} of {number} “{title}” closed on its closing date: {result}',
  'notification.ballot.passed': 'passed',
  'notification.ballot.not-passed': 'not passed',
  'notification.drift':
    'The upstream project changed the sources of revision {rev} of {number} “{title}” (head {commit}): pinned files changed {files}, clauses touched {clauses}, requirements changed in strength {strength}',
  'notification.ask.vote': 'Your turn, as a voter: take your position on ballot {seq} by {closesAt}',
  'notification.ask.drift':
    'Your turn, as {as}: look at the drift and decide whether to make a new revision from {commit}',
  'notification.ask.act': 'Your turn, as {as}: {waiting}',
  'notification.ask.follow': 'Nothing is asked of you now (you are {as}): {waiting}',
  'notification.as.maintainers': 'a maintainer of the project',
  'notification.as.editors': 'one of the editors',
  'notification.as.secretariat': 'the secretariat',
  'notification.as.reviewers': 'a reviewer',
  'notification.as.proposer': 'the proposer',
  'notification.as.requester': 'who asked for this revision',
  'notification.as.voter': 'a voter of the ballot',
  'error.bad_email': '“{email}” is not an e-mail address: write it as name@example.org, or leave the field empty',
  'error.bad_notification_language': 'choose the language of notifications: zh-CN or en',
  'error.bad_inbox_request': 'send {"ids": [1, 2]} to mark those notifications read, or {"all": true} for all',
};
