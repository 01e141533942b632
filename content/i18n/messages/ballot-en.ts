// English texts of the ballots' refusals as pages show them (`error.<code>` of the ballots service's DomainErrors).
import type { MessageCatalogue } from '../render-message.ts';

export const enBallotMessages: MessageCatalogue = {
  'error.ballot_bad_list': '{what} must be a list: one item per line, or separated by spaces or commas.',
  'error.ballot_bad_logins': 'These are not logins: {logins}. Name each voter by their login on the portal.',
  'error.ballot_too_many_voters': 'A ballot has at most 200 voters.',
  'error.ballot_bad_closing_date': '“{value}” is not a closing date: give it as YYYY-MM-DD.',
  'error.ballot_closing_date_out_of_range': 'The closing date must be after now and within a year: {value} is not.',
  'error.ballot_bad_position': 'Choose a position: {positions}.',
  'error.ballot_reason_too_long': 'A reason is at most 4,000 characters: shorten it.',
  'error.ballot_too_many_clauses': 'Name at most 100 clause IDs.',
  'error.ballot_secretariat_only': 'Only the secretariat opens and closes ballots.',
  'error.ballot_not_now': 'The proposal is in stage {stage}, where no ballot is held.',
  'error.ballot_no_revision': 'The proposal has no generated revision to vote on: generate one first.',
  'error.ballot_already_open': 'Ballot {seq} is open until {closesAt}: close it first.',
  'error.ballot_unknown_voters':
    'Nobody on the portal has the login {logins}: voters sign in once before they are invited.',
  'error.ballot_drafters_may_not_vote':
    '{logins} drafted this proposal (proposer, maintainer of the project or drafter) and may not vote: take them off the panel.',
  'error.ballot_too_few_voters': 'The panel has {count} voters; the workflow needs at least {needed}: invite more.',
  'error.ballot_not_found': 'No ballot has been opened on {number}.',
  'error.ballot_closed': 'Ballot {seq} is closed: positions can no longer be taken or changed.',
  'error.ballot_not_a_voter': '{login} is not on the ballot’s panel: only its voters take positions.',
  'error.ballot_block_needs_reason': 'A block needs its reason: say what must change.',
  'error.ballot_block_needs_clauses':
    'A block names the clauses it is about: give at least one clause ID of revision {rev}.',
  'error.ballot_unknown_clauses': 'Revision {rev} has no clause {ids}: use the clause IDs of its manifest.',
};
