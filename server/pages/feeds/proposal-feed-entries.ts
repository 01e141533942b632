import type { ProposalRow } from '../../../db/proposals/proposal-queries.ts';
import { BALLOT_CLOSE, BALLOT_OPEN } from '../../../sync/review/ballots/ballot-actions.ts';
import type { Store } from '../../../db/store.ts';
import type { Message } from '../../../kernel/i18n/message.ts';
import { whatHappened } from '../../../sync/notifications/event-messages.ts';
import type { Workflow } from '../../../sync/proposals/workflow/workflow-schema.ts';

/** One event of a proposal's public history, as a feed shows it. */
export interface FeedEntry {
  /** Stable: the history row's or the revision's, under the proposal's absolute URL. */
  key: string;
  number: string;
  at: string;
  title: Message;
  actor: string;
  comment: string;
  decision: string | null;
  /** The stage an action moved the proposal to (absent for revisions). */
  to?: string;
}

/**
 * The public events of one proposal: every action of its history (creation included) and every ready revision,
 * oldest first. Only what the proposal page shows to anyone: no inbox, no e-mail, nothing of an account.
 */
export function proposalFeedEntries(store: Store, row: ProposalRow, flow: Workflow): FeedEntry[] {
  const entries: FeedEntry[] = [];
  const ballots = new Map(store.ballots.list(row.number).map((b) => [`ballot ${b.seq}`, b]));
  for (const h of store.proposals.history(row.number)) {
    const at = { ...row, stage: h.to_stage };
    const ballot = h.decision === null ? undefined : ballots.get(h.decision);
    const title =
      h.action === 'create'
        ? whatHappened({ kind: 'created', number: row.number, actor: h.actor }, at, flow)
        : (h.action === BALLOT_OPEN || h.action === BALLOT_CLOSE) && ballot
          ? whatHappened(
              h.action === BALLOT_OPEN
                ? {
                    kind: 'ballot-open',
                    number: row.number,
                    actor: h.actor,
                    seq: ballot.seq,
                    rev: ballot.rev,
                    voters: [],
                    closesAt: ballot.closes_at,
                  }
                : {
                    kind: 'ballot-close',
                    number: row.number,
                    actor: ballot.closed_by,
                    seq: ballot.seq,
                    rev: ballot.rev,
                    voters: [],
                    passed: h.comment === 'passed',
                  },
              at,
              flow,
            )
          : whatHappened(
              { kind: 'stage', number: row.number, actor: h.actor, action: h.action, from: h.from_stage },
              at,
              flow,
            );
    entries.push({
      key: `event-${h.id}`,
      number: row.number,
      at: h.at,
      title,
      actor: h.actor,
      // A ballot's close keeps its result as a word (`passed`), already in the title.
      comment: h.action === BALLOT_CLOSE ? '' : h.comment,
      decision: h.decision,
      to: h.to_stage,
    });
  }
  for (const r of store.revisions.list(row.number)) {
    if (r.status !== 'ready' || r.ready_at === null) continue;
    entries.push({
      key: `revision-${r.rev}`,
      number: row.number,
      at: r.ready_at,
      title: whatHappened(
        { kind: 'revision', number: row.number, actor: r.requested_by, rev: r.rev },
        { ...row, stage: r.stage },
        flow,
      ),
      actor: r.requested_by,
      comment: r.reason,
      decision: null,
    });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}

/** Only the rows of a feed of one stage: the proposals in it now, each with the event that brought it there. */
export function enteredStage(store: Store, row: ProposalRow, stage: string): boolean {
  return row.stage === stage && store.proposals.history(row.number).some((h) => h.to_stage === stage);
}
