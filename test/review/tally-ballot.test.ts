import { describe, expect, it } from 'vitest';
import { tallyBallot, type CastPosition, type Position } from '../../sync/review/ballots/tally-ballot.ts';

const THREE_QUARTERS = { passRatio: 0.75, minVoters: 3, closeDays: 14, abstentionsCount: false };
const FOUR_FIFTHS = { ...THREE_QUARTERS, passRatio: 0.8 };

/** A panel a, b, c … with the positions given in order ('-' for a voter who has not voted). */
const panel = (...given: (Position | '-')[]) => {
  const voters = given.map((_, i) => String.fromCharCode(97 + i));
  const positions: CastPosition[] = given.flatMap((p, i) => (p === '-' ? [] : [{ voter: voters[i]!, position: p }]));
  return { voters, positions };
};

describe('tallyBallot', () => {
  const cases: {
    name: string;
    given: (Position | '-')[];
    threeQuarters: boolean;
    fourFifths: boolean;
    counted: number;
    failing34?: string[];
  }[] = [
    { name: 'everyone yes', given: ['yes', 'yes', 'yes'], threeQuarters: true, fourFifths: true, counted: 3 },
    {
      name: 'no objection counts in favour',
      given: ['yes', 'no-objection', 'no-objection', 'yes'],
      threeQuarters: true,
      fourFifths: true,
      counted: 4,
    },
    {
      name: '3 of 4 in favour, one silent: exactly 3/4',
      given: ['yes', 'yes', 'no-objection', '-'],
      threeQuarters: true,
      fourFifths: false,
      counted: 4,
      failing34: [],
    },
    {
      name: '4 of 5 in favour, one silent: exactly 4/5',
      given: ['yes', 'yes', 'yes', 'yes', '-'],
      threeQuarters: true,
      fourFifths: true,
      counted: 5,
    },
    {
      name: '3 of 5 in favour, two silent: below both',
      given: ['yes', 'yes', 'yes', '-', '-'],
      threeQuarters: false,
      fourFifths: false,
      counted: 5,
      failing34: ['ratio'],
    },
    {
      name: 'a recusal leaves the denominator',
      given: ['yes', 'yes', 'yes', 'recuse'],
      threeQuarters: true,
      fourFifths: true,
      counted: 3,
    },
    {
      name: 'an abstention leaves the denominator (abstentionsCount: false)',
      given: ['yes', 'yes', 'no-objection', 'abstain', '-'],
      threeQuarters: true,
      fourFifths: false,
      counted: 4,
    },
    {
      name: 'one block fails whatever the ratio',
      given: ['yes', 'yes', 'yes', 'yes', 'yes', 'block'],
      threeQuarters: false,
      fourFifths: false,
      counted: 6,
      failing34: ['blocked'],
    },
    {
      name: 'too few took part: 2 of a panel of 5 recused … quorum of 3 not met',
      given: ['yes', 'yes', 'recuse', 'recuse', 'recuse'],
      threeQuarters: false,
      fourFifths: false,
      counted: 2,
      failing34: ['quorum'],
    },
    {
      name: 'everybody recused: nobody counts',
      given: ['recuse', 'recuse', 'recuse'],
      threeQuarters: false,
      fourFifths: false,
      counted: 0,
      failing34: ['quorum', 'ratio'],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const { voters, positions } = panel(...c.given);
      const a = tallyBallot(voters, positions, THREE_QUARTERS);
      const b = tallyBallot(voters, positions, FOUR_FIFTHS);
      expect([a.passed, b.passed]).toEqual([c.threeQuarters, c.fourFifths]);
      expect(a.counted).toBe(c.counted);
      if (c.failing34) expect(a.failing).toEqual(c.failing34);
    });

  it('counts every position and names the voters who have not voted, in panel order', () => {
    const { voters, positions } = panel('yes', '-', 'no-objection', 'block', 'abstain', 'recuse', '-');
    expect(tallyBallot(voters, positions, THREE_QUARTERS)).toEqual({
      passed: false,
      yes: 1,
      noObjection: 1,
      block: 1,
      abstain: 1,
      recuse: 1,
      missing: ['b', 'g'],
      inFavour: 2,
      counted: 5,
      participated: 4,
      ratio: 0.4,
      failing: ['blocked', 'ratio'],
    });
  });

  it('counts abstentions against when the rule says they count', () => {
    const { voters, positions } = panel('yes', 'yes', 'yes', 'abstain');
    expect(tallyBallot(voters, positions, THREE_QUARTERS)).toMatchObject({ passed: true, counted: 3, ratio: 1 });
    expect(tallyBallot(voters, positions, { ...FOUR_FIFTHS, abstentionsCount: true })).toMatchObject({
      passed: false,
      counted: 4,
      ratio: 0.75,
      failing: ['ratio'],
    });
  });

  it('matches voters to positions without regard to case, and ignores positions of people off the panel', () => {
    const t = tallyBallot(
      ['Alice', 'bob', 'carol'],
      [
        { voter: 'alice', position: 'yes' },
        { voter: 'BOB', position: 'yes' },
        { voter: 'carol', position: 'yes' },
        { voter: 'mallory', position: 'block' },
      ],
      THREE_QUARTERS,
    );
    expect(t).toMatchObject({ passed: true, yes: 3, block: 0, missing: [] });
  });
});
