import type { RevisionDocxInput } from '../../content/publish/docx/revision-docx.ts';
import { runInProcess } from '../../kernel/threads/run-in-process.ts';

/** Runs `revisionDocx` in a background process (seconds of layout on a large draft stay off the event loop). */
export async function revisionDocxInProcess(input: RevisionDocxInput): Promise<Buffer> {
  const bytes = await runInProcess<RevisionDocxInput, Uint8Array>(
    new URL('./revision-docx-process.ts', import.meta.url),
    input,
    'making the Word file',
  );
  // Across the process boundary a Buffer arrives as its bytes.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
