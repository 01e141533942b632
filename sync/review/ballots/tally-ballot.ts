import type { BallotRule } from '../../proposals/workflow/workflow-schema.ts';

/** The positions a voter may take: 赞成, 无异议, 阻塞, 弃权, 回避. */
export const POSITIONS = ['yes', 'no-objection', 'block', 'abstain', 'recuse'] as const;
export type Position = (typeof POSITIONS)[number];

/** A voter's position in force (their latest). */
export interface CastPosition {
  voter: string;
  position: Position;
}

/** A ballot counted by a rule. */
export interface Tally {
  passed: boolean;
  yes: number;
  noObjection: number;
  block: number;
  abstain: number;
  recuse: number;
  /** Voters of the panel who have not taken a position, in panel order. */
  missing: string[];
  /** yes + no objection. */
  inFavour: number;
  /** The denominator: the panel less those who recused, and less those who abstained unless they count. */
  counted: number;
  /** Voters who took part (any position but recuse): the quorum is `minVoters` of them. */
  participated: number;
  /** inFavour / counted (0 when nobody counts). */
  ratio: number;
  /** Which parts of the rule fail: `blocked`, `quorum`, `ratio` (empty when passed). */
  failing: ('blocked' | 'quorum' | 'ratio')[];
}

/**
 * Counts a ballot: pure, the rule is the workflow file's `settings.ballot`. Passed means no block, at least
 * `minVoters` took part, and yes + no objection at least `passRatio` of the panel less recusals (less abstentions
 * too unless `abstentionsCount`); a voter who has not voted stays in the denominator, as not in favour.
 *
 * Before: panel [a, b, c, d], a yes, b no-objection, c yes, d silent, rule 3/4 → After: 3/4 = 0.75, passed
 */
export function tallyBallot(voters: readonly string[], positions: readonly CastPosition[], rule: BallotRule): Tally {
  const byVoter = new Map(positions.map((p) => [p.voter.toLowerCase(), p.position]));
  const of = (position: Position) => voters.filter((v) => byVoter.get(v.toLowerCase()) === position).length;
  const [yes, noObjection, block, abstain, recuse] = POSITIONS.map(of) as [number, number, number, number, number];
  const missing = voters.filter((v) => !byVoter.has(v.toLowerCase()));
  const inFavour = yes + noObjection;
  const counted = voters.length - recuse - (rule.abstentionsCount ? 0 : abstain);
  const participated = yes + noObjection + block + abstain;
  const ratio = counted > 0 ? inFavour / counted : 0;
  const failing: Tally['failing'] = [];
  if (block > 0) failing.push('blocked');
  if (participated < rule.minVoters) failing.push('quorum');
  // A small tolerance: 3 of 4 against 0.75 must pass whatever the floating point says.
  if (counted === 0 || ratio + 1e-9 < rule.passRatio) failing.push('ratio');
  return {
    passed: failing.length === 0,
    yes,
    noObjection,
    block,
    abstain,
    recuse,
    missing,
    inFavour,
    counted,
    participated,
    ratio,
    failing,
  };
}
