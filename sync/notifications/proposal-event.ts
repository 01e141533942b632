/**
 * What the proposals service tells the notifications when something happens to a proposal, inside the transaction
 * of the change: created, an action that changed its stage, or a revision that became ready.
 */
export type ProposalEvent =
  | { kind: 'created'; number: string; actor: string }
  | { kind: 'stage'; number: string; actor: string; action: string; from: string | null }
  | { kind: 'revision'; number: string; actor: string; rev: number };

/** Records the notifications of one event (called inside the event's transaction). */
export type ProposalEventSink = (event: ProposalEvent) => void;
