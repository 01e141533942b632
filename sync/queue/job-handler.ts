import type { JobRow } from '../../db/jobs/job-queries.ts';

/** Runs jobs of one kind. Handlers are idempotent: a job interrupted by a crash runs again. */
export interface JobHandler {
  run(job: JobRow): Promise<void> | void;
  /** Called after a failed attempt; `final` when the job goes to the dead-letter state. */
  failed?(job: JobRow, error: string, final: boolean): void;
}
