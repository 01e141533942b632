import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { openDelivery, sign, within } from './open-delivery.ts';

const MB = 1024 * 1024;

// A ping body of exactly `bytes` bytes.
function pingBody(bytes: number, zen = 'streamed'): Buffer {
  const head = `{"zen":"${zen}","hook_id":3,"padding":"`;
  return Buffer.from(head + 'x'.repeat(bytes - head.length - 2) + '"}');
}

describe('webhook bodies are verified while they stream, within a budget', () => {
  let app: TestInstance;
  beforeAll(async () => {
    // The smallest budget allowed: one 25 MB body, or a few smaller ones, at a time.
    app = await startTestInstance({ env: { MAGNOLIA_WEBHOOK_BODY_BUDGET_MB: '25' } });
  });
  afterAll(() => app.destroy());

  it('refuses a missing or malformed signature before the body is sent', async () => {
    for (const signature of [undefined, 'sha256=not-hex', 'sha1=' + 'a'.repeat(40), 'sha256=' + 'a'.repeat(63)]) {
      const open = openDelivery(app.url, { signature, length: 20 * MB });
      // Not one byte of the body is written: the answer must come from the headers alone.
      const answer = await within(open.answer, 5_000, `signature ${signature}`);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: signature ? 'bad_signature' : 'missing_signature' } });
      expect(answer.headers.connection).toBe('close');
    }
  });

  it('answers 503 with Retry-After, before reading, to a body past the budget; the budget comes back after', async () => {
    const first = pingBody(20 * MB, 'first');
    const a = openDelivery(app.url, { signature: sign(first), length: first.length });
    a.write(first.subarray(0, MB));
    await new Promise((resolve) => setTimeout(resolve, 300));

    // 20 MB are in flight: 10 more do not fit in 25, and the answer comes without the body.
    const second = pingBody(10 * MB, 'second');
    const b = openDelivery(app.url, { signature: sign(second), length: second.length });
    const busy = await within(b.answer, 5_000, 'a body past the budget');
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('5');
    expect(busy.body).toMatchObject({ error: { code: 'webhook_busy' } });
    // A chunked body reserves the most a body may be (25 MB): refused too while the first is in flight.
    const chunked = openDelivery(app.url, { signature: sign(second), length: undefined });
    expect((await within(chunked.answer, 5_000, 'a chunked body past the budget')).status).toBe(503);

    a.end(first.subarray(MB));
    expect((await within(a.answer, 20_000, 'the first body')).status).toBe(202);
    // The first answer gave its 20 MB back: the second fits now.
    const again = await sendDelivery(app.url, 'ping', null, { rawBody: second, id: b.id });
    expect(again.status).toBe(202);
    expect(app.store.deliveries.get(b.id)?.payload.length).toBe(second.length);
  });

  it('gives the budget back after a body whose signature fails, which is refused with 401 and not stored', async () => {
    const before = app.store.deliveries.count();
    for (let i = 0; i < 3; i += 1) {
      const body = pingBody(20 * MB, `forged ${i}`);
      const sent = await sendDelivery(app.url, 'ping', null, { rawBody: body, secret: 'not-the-secret' });
      expect(sent.status).toBe(401);
      expect(sent.body).toMatchObject({ error: { code: 'bad_signature' } });
    }
    expect(app.store.deliveries.count()).toBe(before);
    const body = pingBody(20 * MB, 'genuine');
    expect((await sendDelivery(app.url, 'ping', null, { rawBody: body })).status).toBe(202);
  });

  it('closes a body still arriving after 10 s (GitHub would have given up) and gives its budget back', async () => {
    const slow = openDelivery(app.url, { signature: sign(pingBody(20 * MB)), length: 20 * MB });
    slow.write(Buffer.alloc(MB, 0x20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const body = pingBody(10 * MB, 'after the slow one');
    expect((await sendDelivery(app.url, 'ping', null, { rawBody: body })).status).toBe(503);
    const started = performance.now();
    await expect(within(slow.answer, 15_000, 'the slow body')).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(performance.now() - started).toBeGreaterThan(8_000);
    expect((await sendDelivery(app.url, 'ping', null, { rawBody: body })).status).toBe(202);
  }, 30_000);

  it('verifies a chunked body (no Content-Length) as it streams', async () => {
    const body = pingBody(3 * MB, 'chunked');
    const open = openDelivery(app.url, { signature: sign(body), length: undefined });
    for (let at = 0; at < body.length; at += 256 * 1024) open.write(body.subarray(at, at + 256 * 1024));
    open.end();
    const answer = await within(open.answer, 20_000, 'a chunked body');
    expect(answer.status).toBe(202);
    expect(app.store.deliveries.get(open.id)?.payload.equals(body)).toBe(true);
    const forged = openDelivery(app.url, { signature: sign(body, 'other'), length: undefined });
    forged.end(body);
    expect((await within(forged.answer, 20_000, 'a forged chunked body')).status).toBe(401);
  });
});
