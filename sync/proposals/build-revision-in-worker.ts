import { runInWorker } from '../../kernel/threads/run-in-worker.ts';
import type { BuiltRevision, RevisionBuildRequest } from './build-revision.ts';

/** Runs `buildRevision` in a worker thread at a lower priority: same request, same revision, same refusals. */
export const buildRevisionInWorker = (request: RevisionBuildRequest): Promise<BuiltRevision> =>
  runInWorker(new URL('./revision-worker.ts', import.meta.url), request, 'generating the revision');
