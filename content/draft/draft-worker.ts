// Worker-thread entry of the draft generator: receives a DraftInput, answers with the DraftResult (or an
// error message). Started by `runDraftInWorker`; the parent keeps serving while the remark pipeline runs here.
import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../../kernel/threads/lower-thread-priority.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { DraftInput } from './draft-types.ts';
import { generateDraft } from './generate-draft.ts';

if (parentPort) {
  lowerThreadPriority();
  const port = parentPort;
  port.on('message', (input: DraftInput) => {
    try {
      port.postMessage({ ok: true, result: generateDraft(input) });
    } catch (error) {
      // A DomainError (a limit, a bad date) keeps its kind and code across the thread boundary.
      const domain = error instanceof DomainError ? { kind: error.kind, code: error.code, params: error.params } : {};
      port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error), ...domain });
    }
  });
}
