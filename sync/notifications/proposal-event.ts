/**
 * What the services tell the notifications when something happens to a proposal, inside the transaction of the
 * change: created, an action that changed its stage, a revision that became ready, a ballot opened or closed, or
 * upstream drift found under its current revision.
 */
export type ProposalEvent =
  | { kind: 'created'; number: string; actor: string }
  | { kind: 'stage'; number: string; actor: string; action: string; from: string | null }
  | { kind: 'revision'; number: string; actor: string; rev: number }
  | { kind: 'ballot-open'; number: string; actor: string; seq: number; rev: number; voters: string[]; closesAt: string }
  | {
      kind: 'ballot-close';
      number: string;
      /** Null when the ballot ran out of time and was closed on its closing date. */
      actor: string | null;
      seq: number;
      rev: number;
      voters: string[];
      passed: boolean;
    }
  | {
      kind: 'drift';
      number: string;
      rev: number;
      headCommit: string;
      files: number;
      clauses: number;
      strengthChanges: number;
    };

/** Records the notifications of one event (called inside the event's transaction). */
export type ProposalEventSink = (event: ProposalEvent) => void;
