/**
 * What the workflow engine knows of a proposal when it decides an action: the facts its guards read. The service
 * gathers them from the store (project level, revisions, comments, ballots); the engine never reads the store.
 */
export interface ProposalFacts {
  /** The proposal's stage id. */
  stage: string;
  project: {
    name: string;
    /** The project's current maturity level id, or null before its first evaluation. */
    level: string | null;
    /** How many requirements of the next levels up to the required one are not met. */
    gaps: number;
  };
  /** The source files and the commit they are pinned to (null while the ref is not resolved). */
  sources: { files: number; commit: string | null };
  /** SPDX id of the specification's licence, or null when it is not detected. */
  licence: string | null;
  /** The proposer's explicit IPR / patent statement was given. */
  iprStatement: boolean;
  /** Independent implementations named by the proposer. */
  implementations: number;
  /** Ready (generated) revisions, and when the latest one was made (ISO time). */
  revisions: { ready: number; lastReadyAt: string | null };
  /** The proposal's current or latest period; a notice or comment period ends at `endsAt` (ISO time). */
  period: { kind: 'notice' | 'comment'; startedAt: string; endsAt: string } | null;
  /** When the last comment period ended, if there was one. */
  lastCommentEndedAt: string | null;
  /** Comments of the current comment round without a disposition. */
  openComments: number;
  /** The ballot of the current revision, if any. */
  ballot: { status: 'open' | 'closed'; passed: boolean; blocking: number } | null;
  /** When the standard was (last) published or confirmed. */
  publishedAt: string | null;
}

/** Who asks for an action: their roles, and whether they maintain the proposal's project. */
export interface WorkflowActor {
  login: string;
  roles: readonly string[];
  maintainer: boolean;
}
