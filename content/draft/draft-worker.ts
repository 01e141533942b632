// Worker-thread entry of the draft generator: receives a DraftInput, answers with the DraftResult (or an
// error message). Started by `runDraftInWorker`; the parent keeps serving while the remark pipeline runs here.
import { parentPort } from 'node:worker_threads';
import type { DraftInput } from './draft-types.ts';
import { generateDraft } from './generate-draft.ts';

if (parentPort) {
  const port = parentPort;
  port.on('message', (input: DraftInput) => {
    try {
      port.postMessage({ ok: true, result: generateDraft(input) });
    } catch (error) {
      port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
}
