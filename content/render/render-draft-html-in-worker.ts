import { spawnWorker } from '../../kernel/threads/spawn-worker.ts';
import type { DraftManifest } from '../draft/draft-types.ts';

type Reply = { ok: true; html: string } | { ok: false; message: string };

/** Runs `renderDraftHtml` in a worker thread (same input, same HTML), so a large draft never blocks the caller. */
export function renderDraftHtmlInWorker(markdown: string, manifest: DraftManifest): Promise<string> {
  const worker = spawnWorker(new URL('./draft-html-worker.ts', import.meta.url));
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    const fail = (why: string) => new Error(`rendering the draft's HTML failed in its worker thread: ${why}`);
    worker.once('message', (reply: Reply) =>
      settle(() => (reply.ok ? resolve(reply.html) : reject(fail(reply.message)))),
    );
    worker.once('error', (error) => settle(() => reject(fail(error.message))));
    worker.once('exit', (code) => settle(() => reject(fail(`worker exited with code ${code} before answering`))));
    worker.postMessage({ markdown, manifest });
  });
}
