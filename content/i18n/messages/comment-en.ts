// English texts of the comments' refusals as pages show them (`error.<code>` of the comments service's DomainErrors).
import type { MessageCatalogue } from '../render-message.ts';

export const enCommentMessages: MessageCatalogue = {
  'error.comment_field_required': '“{field}” is required.',
  'error.comment_field_not_text': '“{field}” must be text.',
  'error.comment_too_long': '“{field}” is longer than {limit} characters: shorten it.',
  'error.comment_bad_rev': '“{value}” is not a revision: give it as 00, 01 …',
  'error.comment_bad_id': '“{field}” must be the number of a comment.',
  'error.comment_bad_kind': 'Choose the kind of comment: {kinds}.',
  'error.disposition_bad': 'Choose a disposition: {dispositions}.',
  'error.disposition_reason_required': 'A rejection needs its reason: say why.',
  'error.comment_no_revision': '{number} has no generated revision yet.',
  'error.comment_period_closed':
    '{number} is not open for public comment: outside a comment period only reviewers and the editors comment.',
  'error.comment_not_found': '{number} has no comment {id}.',
  'error.comment_reply_to_reply': 'Reply to the comment itself, not to a reply.',
  'error.comment_not_current':
    'Comments are made on the current revision {current} of {number}, not on {rev}: read it and comment there.',
  'error.comment_unknown_clause':
    'Revision {rev} of {number} has no clause {clauseId}: use a clause ID of its draft page.',
  'error.disposition_editors_only': 'Only the editors ({by} of the project) decide on comments.',
  'error.disposition_of_reply': 'A reply takes no disposition: decide on its comment.',
  'error.disposition_bad_revision':
    'The revision that carries the change must be a ready revision of {number} made since the comment ({rev} or later).',
  'error.diff_needs_two_revisions': '{number} has fewer than two ready revisions: a diff compares two.',
  'error.diff_order': 'A diff goes from an earlier revision to a later one: {from} is not before {to}.',
  'error.diff_bad_range': '“{value}” is not a pair of revisions: write it as 00..01.',
  'error.drift_no_revision':
    '{number} has no ready revision with a pinned commit in a mirror yet: drift compares one with upstream.',
  'error.resolution_bad_format': '“{format}” is not a format of the resolution table: use {formats}.',
};
