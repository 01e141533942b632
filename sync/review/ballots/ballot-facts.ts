import type { Store } from '../../../db/store.ts';
import type { ProposalFacts } from '../../proposals/workflow/proposal-facts.ts';
import type { BallotRule } from '../../proposals/workflow/workflow-schema.ts';
import { ballotJson, type BallotJson } from './ballot-json.ts';

/** The proposal's latest ballot as JSON at `now`, or null when none was opened. */
export function readBallot(store: Store, number: string, rule: BallotRule, now: number): BallotJson | null {
  const row = store.ballots.latest(number);
  return row ? ballotJson(row, store.ballots.positions(row.id), rule, now) : null;
}

/**
 * What the workflow's ballot guards read: the latest ballot while it is open (whatever revision it is on), else
 * the latest ballot if it was on the current revision (a closed ballot on an older text says nothing of this one).
 */
export function ballotFacts(ballot: BallotJson | null, currentRev: number | null): ProposalFacts['ballot'] {
  if (ballot === null) return null;
  if (ballot.status === 'closed' && ballot.rev !== currentRev) return null;
  return { status: ballot.status, passed: ballot.tally.passed, blocking: ballot.tally.block };
}
