import { fill, plural, type Messages } from '../../../content/i18n/messages.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import type { BallotState } from '../../../sync/review/ballots/ballots-service.ts';
import type { BallotJson } from '../../../sync/review/ballots/ballot-json.ts';
import { revLabel } from '../../../sync/proposals/proposal-json.ts';
import type { ProposalActor } from '../../../sync/proposals/proposals-service.ts';
import { POSITIONS } from '../../../sync/review/ballots/tally-ballot.ts';

const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
/** A ratio as people write it: 3/4, 4/5, else a percentage. */
const fraction = (ratio: number): string => {
  for (const d of [2, 3, 4, 5, 6, 10]) {
    const n = Math.round(ratio * d);
    if (Math.abs(n / d - ratio) < 1e-9) return `${n}/${d}`;
  }
  return `${Math.round(ratio * 1000) / 10}%`;
};

/** What a refused ballot form brings back: the text the person typed. */
export interface BallotFormInput {
  voters?: string;
  closesAt?: string;
  position?: string;
  reason?: string;
  clauseIds?: string;
}

/** The rows of the ballot's result: counts, whether it passes (or passed) and why not. */
function describeBallot(b: BallotJson, state: BallotState, t: Messages, lang: Lang) {
  const w = t.ballot;
  const ratio = fraction(b.rule.passRatio);
  const clauses = (ids: string[]) =>
    ids.map((id) => ({
      id,
      number: state.clauseNumbers[id] || '',
      href: `/proposals/${b.number}/${b.revLabel}#${id}`,
    }));
  const tally = b.tally;
  const failing = tally.failing.map((f) =>
    f === 'blocked'
      ? w.failBlocked
      : f === 'quorum'
        ? fill(w.failQuorum, { minVoters: b.rule.minVoters })
        : fill(w.failRatio, { inFavour: tally.inFavour, counted: tally.counted, ratio }),
  );
  const open = b.status === 'open';
  return {
    heading: fill(w.heading, { seq: b.seq, rev: b.revLabel }),
    older:
      state.currentRev !== null && state.currentRev !== b.rev
        ? fill(w.olderRevision, { rev: b.revLabel, current: revLabel(state.currentRev) })
        : null,
    open,
    status: open
      ? fill(w.open, { closesAt: minute(b.closesAt) })
      : b.closedBy === null
        ? fill(w.closedOnTime, { closedAt: minute(b.closedAt ?? b.closesAt) })
        : fill(w.closed, { closedAt: minute(b.closedAt ?? b.closesAt), closedBy: b.closedBy }),
    openedBy: fill(w.openedBy, { login: b.openedBy, openedAt: minute(b.openedAt) }),
    panel: b.voters.join(', '),
    rule: fill(w.rule, { minVoters: b.rule.minVoters, ratio, abstain: b.rule.abstentionsCount ? '' : w.ruleAbstain }),
    passed: tally.passed,
    result: open ? (tally.passed ? w.passingNow : w.notPassingNow) : tally.passed ? w.passed : w.notPassed,
    failing,
    inFavour: fill(w.of, {
      inFavour: tally.inFavour,
      counted: tally.counted,
      percent: `${Math.round(tally.ratio * 100)}%`,
    }),
    counts: POSITIONS.map((p) => ({
      label: w.positions[p],
      value: {
        yes: tally.yes,
        'no-objection': tally.noObjection,
        block: tally.block,
        abstain: tally.abstain,
        recuse: tally.recuse,
      }[p],
    })),
    positions: b.positions.map((p) => ({
      voter: p.voter,
      position: w.positions[p.position],
      block: p.position === 'block',
      reason: p.reason,
      clauses: clauses(p.clauseIds),
      when: minute(p.at),
      changed: p.changes > 0 ? plural(lang, w.changed, p.changes, { count: p.changes }) : null,
    })),
    missing: tally.missing.join(', '),
    openBlocks: b.openBlocks.map((x) => ({ voter: x.voter, reason: x.reason, clauses: clauses(x.clauseIds) })),
  };
}

/**
 * The proposal page's ballot section (views/partials/ballot.ejs, id="ballot"): the latest ballot with its tally,
 * who voted what and the open blocks, and the forms this asker may use now: open (the secretariat, in a stage that
 * holds ballots, with none open), take a position (a voter of the open ballot), close (the secretariat).
 */
export function ballotModel(
  state: BallotState,
  asker: ProposalActor | null,
  t: Messages,
  lang: Lang,
  csrfToken: string,
  input: BallotFormInput = {},
) {
  const w = t.ballot;
  const b = state.ballot;
  const manages = asker !== null && asker.roles.some((r) => r === 'secretariat' || r === 'admin');
  const open = b !== null && b.status === 'open';
  const base = `/proposals/${state.number}/ballot`;
  const mine = b && asker ? b.positions.find((p) => same(p.voter, asker.login)) : undefined;
  const voter = open && asker !== null && b.voters.some((v) => same(v, asker.login));
  const chosen = input.position ?? mine?.position ?? '';
  return {
    csrfToken,
    ballot: b ? describeBallot(b, state, t, lang) : null,
    none: b === null ? w.none : null,
    openForm:
      manages && state.stageHoldsBallots && !open
        ? state.currentRev === null
          ? { url: base, blocked: w.noRevision, lead: '', voters: '', closesAt: '' }
          : {
              url: base,
              blocked: null,
              lead: fill(w.openLead, { rev: revLabel(state.currentRev) }),
              voters: input.voters ?? state.suggestedVoters.join('\n'),
              closesAt: input.closesAt ?? state.defaultClosesAt.slice(0, 10),
            }
        : null,
    positionForm: voter
      ? {
          url: `${base}/position`,
          now: mine ? fill(w.myPositionNow, { position: w.positions[mine.position] }) : null,
          options: POSITIONS.map((p) => ({ value: p, label: w.positions[p], checked: p === chosen })),
          reason: input.reason ?? mine?.reason ?? '',
          clauseIds: input.clauseIds ?? mine?.clauseIds.join(' ') ?? '',
        }
      : null,
    closeForm: manages && open ? { url: `${base}/close` } : null,
  };
}

export type BallotModel = ReturnType<typeof ballotModel>;
