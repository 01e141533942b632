import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignatureVerifier } from '../../server/webhooks/verify-signature.ts';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, TEST_SECRET, type TestInstance } from '../support/test-instance.ts';

// GitHub's published test vector ("Validating webhook deliveries").
const VECTOR = {
  secret: "It's a Secret to Everybody",
  payload: 'Hello, World!',
  signature: 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
};

describe('webhook signature', () => {
  it("verifies GitHub's published test vector", async () => {
    const verify = createSignatureVerifier([VECTOR.secret]);
    expect(await verify(VECTOR.payload, VECTOR.signature)).toBe(true);
    expect(await verify(VECTOR.payload + ' ', VECTOR.signature)).toBe(false);
    expect(await verify(VECTOR.payload, VECTOR.signature.replace('sha256=', 'sha1='))).toBe(false);
  });

  describe('over HTTP, with a rotated secret', () => {
    let app: TestInstance;
    const PREVIOUS = 'the-old-secret-1234';
    beforeAll(async () => {
      app = await startTestInstance({ env: { GITHUB_WEBHOOK_SECRET_PREVIOUS: PREVIOUS } });
    });
    afterAll(() => app.destroy());
    const ping = { zen: 'Design for failure.', hook_id: 42 };

    it('accepts the current secret', async () => {
      expect((await sendDelivery(app.url, 'ping', ping)).status).toBe(202);
    });

    it('accepts the previous secret during a rotation', async () => {
      expect((await sendDelivery(app.url, 'ping', ping, { secret: PREVIOUS })).status).toBe(202);
    });

    it('refuses a wrong secret with 401 and stores nothing', async () => {
      const before = app.store.deliveries.count();
      const sent = await sendDelivery(app.url, 'ping', ping, { secret: 'not-the-secret' });
      expect(sent.status).toBe(401);
      expect(sent.body).toMatchObject({ error: { code: 'bad_signature' } });
      expect(app.store.deliveries.count()).toBe(before);
    });

    it('refuses a delivery signed only with sha1=', async () => {
      const body = JSON.stringify(ping);
      const sha1 = 'sha1=' + createHmac('sha1', TEST_SECRET).update(body).digest('hex');
      const sent = await sendDelivery(app.url, 'ping', ping, {
        headers: { 'x-hub-signature': sha1, 'x-hub-signature-256': '' },
      });
      expect(sent.status).toBe(401);
    });

    it('refuses a delivery without any signature', async () => {
      const response = await fetch(`${app.url}/webhooks/github`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': 'no-sig-1' },
        body: JSON.stringify(ping),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'missing_signature' } });
    });

    it('never logs the secrets or the signatures', () => {
      const logs = app.logs();
      expect(logs).not.toContain(TEST_SECRET);
      expect(logs).not.toContain(PREVIOUS);
      expect(logs).not.toMatch(/sha256=[0-9a-f]{64}/);
    });
  });

  it('answers 503 with what to set when no secret is configured', async () => {
    const app = await startTestInstance({ env: { GITHUB_WEBHOOK_SECRET: '' } });
    try {
      const sent = await sendDelivery(app.url, 'ping', { zen: 'x' });
      expect(sent.status).toBe(503);
      expect(JSON.stringify(sent.body)).toContain('GITHUB_WEBHOOK_SECRET');
    } finally {
      await app.destroy();
    }
  });
});
