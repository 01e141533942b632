// Worker-thread entry of the draft page renderer: receives a draft's Markdown and manifest, answers with the HTML
// (or an error message). Started by `renderDraftHtmlInWorker`; parsing a large draft takes seconds, never on the
// thread that serves requests.
import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../../kernel/threads/lower-thread-priority.ts';
import type { DraftManifest } from '../draft/draft-types.ts';
import { renderDraftHtml } from './render-draft-html.ts';

if (parentPort) {
  lowerThreadPriority();
  const port = parentPort;
  port.on('message', (input: { markdown: string; manifest: DraftManifest }) => {
    try {
      port.postMessage({ ok: true, html: renderDraftHtml(input.markdown, input.manifest) });
    } catch (error) {
      port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
}
