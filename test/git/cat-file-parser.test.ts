import { describe, expect, it } from 'vitest';
import { createCatFileParser } from '../../kernel/git/cat-file-parser.ts';

const ID = 'a'.repeat(40);
const settled = async <T>(promise: Promise<T>): Promise<T | 'pending'> =>
  Promise.race([promise, new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending')))]);

describe('the cat-file parser', () => {
  it('answers in order: contents split over chunks, missing names, and info without content', async () => {
    const parser = createCatFileParser();
    const body = Buffer.from('x'.repeat(100));
    const big = parser.expect(true, false);
    const missing = parser.expect(true, false);
    const info = parser.expect(false, false);
    const whole = Buffer.concat([
      Buffer.from(`${ID} blob 100\n`),
      body,
      Buffer.from(`\nHEAD:nope.md missing\n${ID} tree 7\n`),
    ]);
    for (let i = 0; i < whole.length; i += 9) parser.push(whole.subarray(i, i + 9));
    expect(await big).toEqual({ id: ID, type: 'blob', size: 100, content: body });
    expect(await missing).toBeUndefined();
    expect(await info).toEqual({ id: ID, type: 'tree', size: 7 });
    expect(parser.waiting()).toBe(0);
  });

  it('answers a short reply after a long one at once (no stale wait for more bytes)', async () => {
    const parser = createCatFileParser();
    const big = parser.expect(true, true);
    parser.push(Buffer.from(`${ID} blob 1000\n`));
    parser.push(Buffer.from(`${'y'.repeat(1000)}\n`));
    expect(await big).toEqual({ id: ID, type: 'blob', size: 1000 });
    const small = parser.expect(false, false);
    parser.push(Buffer.from(`${ID} blob 3\n`));
    expect(await settled(small)).toEqual({ id: ID, type: 'blob', size: 3 });
  });

  it('fails every waiting request', async () => {
    const parser = createCatFileParser();
    const a = parser.expect(true, false);
    const b = parser.expect(false, false);
    parser.fail(new Error('git cat-file was closed'));
    await expect(a).rejects.toThrow('closed');
    await expect(b).rejects.toThrow('closed');
  });
});
