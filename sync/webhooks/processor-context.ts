import type { Store } from '../../db/store.ts';

/** Follow-up work a processor asks for; the mirror runs it later, outside the processor's transaction. */
export interface FollowUps {
  /** A git fetch of the repository (coalesced: at most one pending per repository). */
  fetch(repositoryId: number): void;
  /** A metadata refresh through the REST API (coalesced likewise). */
  refresh(repositoryId: number): void;
}

/** What a processor may use; it runs inside one transaction with the delivery's outcome. */
export interface ProcessorContext {
  store: Store;
  /** ISO time of processing. */
  at: string;
  followUps: FollowUps;
}

/** The result of processing one delivery. */
export type ProcessOutcome = { status: 'processed'; note?: string } | { status: 'ignored'; note: string };

/** A processor of one event: synchronous database work only, idempotent, tolerant of any order. */
export type Processor = (
  payload: Record<string, unknown>,
  action: string | null,
  ctx: ProcessorContext,
) => ProcessOutcome;

export const processed = (note?: string): ProcessOutcome =>
  note ? { status: 'processed', note } : { status: 'processed' };
export const ignored = (note: string): ProcessOutcome => ({ status: 'ignored', note });
