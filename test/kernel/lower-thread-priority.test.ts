import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { spawnWorker } from '../../kernel/threads/spawn-worker.ts';

// The draft workers lower their own priority so the event loop keeps the CPU on a busy machine; the thread that
// answers requests must keep its own.
describe('lowerThreadPriority', () => {
  it.runIf(process.platform === 'linux')('lowers the calling worker thread only', async () => {
    const before = getPriority();
    const worker = spawnWorker(new URL('./fixtures/priority-worker.ts', import.meta.url));
    const inWorker = await new Promise<number>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(inWorker).toBe(10);
    expect(getPriority()).toBe(before);
  });
});
