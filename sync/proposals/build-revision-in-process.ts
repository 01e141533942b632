import { runInProcess } from '../../kernel/threads/run-in-process.ts';
import type { BuiltRevision, RevisionBuildRequest } from './build-revision.ts';

/** Runs `buildRevision` in a background process: same request, same revision, same refusals. */
export const buildRevisionInProcess = (request: RevisionBuildRequest): Promise<BuiltRevision> =>
  runInProcess(new URL('./revision-process.ts', import.meta.url), request, 'generating the revision');
