// English texts of the notifications' message codes (sync/notifications): what happened to a proposal, and what
// its reader is asked to do. Titles, stage, action and draft names arrive as `local` messages (both languages).
import type { MessageCatalogue } from '../render-message.ts';

export const enNotificationMessages: MessageCatalogue = {
  'notification.created': '{actor} created proposal {number} “{title}”',
  'notification.stage': '{actor} took “{action}” on {number} “{title}”: {from} → {to}',
  'notification.revision': 'Revision {rev} ({draft}) of {number} “{title}” is ready',
  'notification.ask.act': 'Your turn, as {as}: {waiting}',
  'notification.ask.follow': 'Nothing is asked of you now (you are {as}): {waiting}',
  'notification.as.maintainers': 'a maintainer of the project',
  'notification.as.editors': 'one of the editors',
  'notification.as.secretariat': 'the secretariat',
  'notification.as.reviewers': 'a reviewer',
  'notification.as.proposer': 'the proposer',
  'notification.as.requester': 'who asked for this revision',
  'error.bad_email': '“{email}” is not an e-mail address: write it as name@example.org, or leave the field empty',
  'error.bad_notification_language': 'choose the language of notifications: zh-CN or en',
  'error.bad_inbox_request': 'send {"ids": [1, 2]} to mark those notifications read, or {"all": true} for all',
};
