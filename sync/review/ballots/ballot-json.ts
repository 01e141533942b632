import type { BallotPositionRow, BallotRow } from '../../../db/ballots/ballot-queries.ts';
import type { BallotRule } from '../../proposals/workflow/workflow-schema.ts';
import { revLabel } from '../../proposals/proposal-json.ts';
import { tallyBallot, type Position, type Tally } from './tally-ballot.ts';

/** A voter's position in force, with how many times they changed it. */
export interface PositionJson {
  voter: string;
  position: Position;
  reason: string;
  clauseIds: string[];
  at: string;
  /** Earlier positions of this voter on this ballot (the history is kept). */
  changes: number;
}

/** A ballot as the API and the page show it. */
export interface BallotJson {
  number: string;
  seq: number;
  rev: number;
  revLabel: string;
  /** `closed` also when the closing date passed before anyone closed it (then `closedBy` is null, `closedOnTime`). */
  status: 'open' | 'closed';
  closedOnTime: boolean;
  openedBy: string;
  openedAt: string;
  closesAt: string;
  closedAt: string | null;
  closedBy: string | null;
  voters: string[];
  /** The rule it is (or was, when closed by the secretariat) counted by. */
  rule: BallotRule;
  positions: PositionJson[];
  tally: Tally;
  /** Blocks in force: only their holder clears them, by taking another position. */
  openBlocks: { voter: string; reason: string; clauseIds: string[]; at: string }[];
}

/** What closing stores: the tally and the rule of that moment. */
export interface StoredResult {
  rule: BallotRule;
  tally: Tally;
}

/** A ballot's row and positions as JSON at `now`, counted by `rule` (or by the stored one once it was closed). */
export function ballotJson(
  row: BallotRow,
  rows: readonly BallotPositionRow[],
  rule: BallotRule,
  now: number,
): BallotJson {
  const voters = JSON.parse(row.voters) as string[];
  const latest = new Map<string, { row: BallotPositionRow; changes: number }>();
  for (const p of rows) {
    const key = p.voter.toLowerCase();
    latest.set(key, { row: p, changes: latest.has(key) ? latest.get(key)!.changes + 1 : 0 });
  }
  const positions: PositionJson[] = voters.flatMap((voter) => {
    const found = latest.get(voter.toLowerCase());
    if (!found) return [];
    const p = found.row;
    return [
      {
        voter,
        position: p.position as Position,
        reason: p.reason,
        clauseIds: JSON.parse(p.clause_ids) as string[],
        at: p.at,
        changes: found.changes,
      },
    ];
  });
  const stored = row.result ? (JSON.parse(row.result) as StoredResult) : null;
  const ranOut = row.status === 'open' && Date.parse(row.closes_at) <= now;
  const counted = stored?.rule ?? rule;
  return {
    number: row.number,
    seq: row.seq,
    rev: row.rev,
    revLabel: revLabel(row.rev),
    status: row.status === 'closed' || ranOut ? 'closed' : 'open',
    closedOnTime: ranOut || (row.status === 'closed' && row.closed_by === null),
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    closesAt: row.closes_at,
    closedAt: row.closed_at ?? (ranOut ? row.closes_at : null),
    closedBy: row.closed_by,
    voters,
    rule: counted,
    positions,
    tally: stored?.tally ?? tallyBallot(voters, positions, counted),
    openBlocks: positions
      .filter((p) => p.position === 'block')
      .map((p) => ({ voter: p.voter, reason: p.reason, clauseIds: p.clauseIds, at: p.at })),
  };
}
