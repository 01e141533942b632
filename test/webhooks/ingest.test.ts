import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { openDelivery, sign, within } from './open-delivery.ts';

const repo = { id: 500, name: 'spec', full_name: 'acme/spec', owner: { login: 'acme' } };

function release(id: number, name: string, action: string) {
  return { action, release: { id, tag_name: `v${id}`, name, draft: false, prerelease: false }, repository: repo };
}

describe('webhook ingest', () => {
  let app: TestInstance;
  beforeAll(async () => {
    app = await startTestInstance();
    app.store.repositories.register({
      id: 500,
      owner: 'acme',
      name: 'spec',
      domain: null,
      cloneUrl: null,
      registeredAt: '2026-01-01T00:00:00Z',
    });
  });
  afterAll(() => app.destroy());

  it('answers 400 when X-GitHub-Event or X-GitHub-Delivery is missing', async () => {
    const noEvent = await sendDelivery(app.url, 'ping', { zen: 'x' }, { headers: { 'x-github-event': '' } });
    expect(noEvent.status).toBe(400);
    expect(JSON.stringify(noEvent.body)).toContain('X-GitHub-Event');
    const noId = await sendDelivery(app.url, 'ping', { zen: 'x' }, { headers: { 'x-github-delivery': '' } });
    expect(noId.status).toBe(400);
    expect(JSON.stringify(noId.body)).toContain('X-GitHub-Delivery');
  });

  it('answers 400 to a signed body that is not JSON, and stores nothing', async () => {
    const before = app.store.deliveries.count();
    const sent = await sendDelivery(app.url, 'ping', null, { rawBody: '{"zen": "unterminated' });
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({ error: { code: 'bad_json' } });
    expect(app.store.deliveries.count()).toBe(before);
  });

  it('answers 415 to a wrong content type', async () => {
    const sent = await sendDelivery(app.url, 'ping', { zen: 'x' }, { headers: { 'content-type': 'text/plain' } });
    expect(sent.status).toBe(415);
    expect(JSON.stringify(sent.body)).toContain('application/json');
  });

  it('accepts the form-encoded hook format', async () => {
    const rawBody = 'payload=' + encodeURIComponent(JSON.stringify({ zen: 'form', hook_id: 7 }));
    const sent = await sendDelivery(app.url, 'ping', null, {
      rawBody,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(sent.status).toBe(202);
    expect(JSON.parse(app.store.deliveries.get(sent.id)!.payload.toString())).toEqual({ zen: 'form', hook_id: 7 });
  });

  it('accepts and stores a 10 MB body', async () => {
    const payload = { zen: 'big', hook_id: 9, padding: 'x'.repeat(10 * 1024 * 1024) };
    const sent = await sendDelivery(app.url, 'ping', payload);
    expect(sent.status).toBe(202);
    expect(app.store.deliveries.get(sent.id)!.payload.length).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('refuses a body over 25 MB with 413, from its declared length, before reading it', async () => {
    // Signed as GitHub would; the answer comes from the headers, so the body is never sent (a client still uploading
    // 26 MB when the server closes may see its connection reset before it reads the answer).
    const body = Buffer.from(JSON.stringify({ padding: 'x'.repeat(26 * 1024 * 1024) }));
    const open = openDelivery(app.url, { signature: sign(body), length: body.length, event: 'ping' });
    const answer = await within(open.answer, 10_000, 'a body over 25 MB');
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(answer.headers.connection).toBe('close');
    expect(app.store.deliveries.get(open.id)).toBeUndefined();
  });

  it('stores a duplicate delivery once and applies its effect once', async () => {
    const payload = release(9001, 'First', 'published');
    const first = await sendDelivery(app.url, 'release', payload);
    const second = await sendDelivery(app.url, 'release', payload, { id: first.id });
    expect(first.body).toMatchObject({ result: 'stored' });
    expect(second.body).toMatchObject({ result: 'duplicate' });
    await app.worker.drain();
    const third = await sendDelivery(app.url, 'release', payload, { id: first.id });
    expect(third.body).toMatchObject({ result: 'duplicate' });
    expect(await app.worker.drain()).toBe(0);
    const row = app.store.deliveries.get(first.id)!;
    expect(row).toMatchObject({ status: 'processed', attempts: 1, arrivals: 1 });
    expect(app.store.db.prepare(`SELECT count(*) FROM jobs WHERE subject = ?`).pluck().get(first.id)).toBe(1);
    expect(app.store.db.prepare(`SELECT count(*) FROM releases WHERE id = 9001`).pluck().get()).toBe(1);
  });

  it('re-arms a failed delivery when GitHub redelivers it', async () => {
    // A real failure: the store rejects release rows for a while.
    app.store.db.exec(
      `CREATE TRIGGER refuse_releases BEFORE INSERT ON releases BEGIN SELECT RAISE(ABORT, 'disk hiccup'); END`,
    );
    const payload = release(9002, 'Second', 'published');
    const sent = await sendDelivery(app.url, 'release', payload);
    await app.worker.drain();
    expect(app.store.deliveries.get(sent.id)).toMatchObject({ status: 'failed' });
    expect(app.store.deliveries.get(sent.id)!.last_error).toContain('disk hiccup');
    app.store.db.exec(`DROP TRIGGER refuse_releases`);
    // GitHub's "Redeliver" sends the same delivery id again; it runs now, not after the backoff.
    const again = await sendDelivery(app.url, 'release', payload, { id: sent.id });
    expect(again.body).toMatchObject({ result: 'rearmed' });
    await app.worker.drain();
    expect(app.store.deliveries.get(sent.id)).toMatchObject({ status: 'processed', last_error: null, arrivals: 2 });
    expect(app.store.releases.get(9002)).toMatchObject({ name: 'Second' });
  });

  it('answers 503 when the store refuses writes, and writes nothing', async () => {
    const before = app.store.deliveries.count();
    const jobsBefore = app.store.jobs.counts();
    // The store refuses every write to the delivery table, as a read-only or full database does.
    app.store.db.exec(
      `CREATE TRIGGER read_only BEFORE INSERT ON deliveries BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END`,
    );
    try {
      const sent = await Promise.all([1, 2, 3].map((n) => sendDelivery(app.url, 'ping', { zen: `ro ${n}` })));
      expect(sent.map((s) => s.status)).toEqual([503, 503, 503]);
      expect(sent[0]!.body).toMatchObject({ error: { code: 'store_unavailable' } });
    } finally {
      app.store.db.exec(`DROP TRIGGER read_only`);
    }
    expect(app.store.deliveries.count()).toBe(before);
    expect(app.store.jobs.counts()).toEqual(jobsBefore);
  });

  it('lists deliveries newest first for an admin token only', async () => {
    const { mintToken } = await import('../../sync/accounts/api-token.ts');
    const admin = app.store.users.upsert('root-admin', 'admin', '2026-01-01T00:00:00Z');
    const member = app.store.users.upsert('plain-member', 'member', '2026-01-01T00:00:00Z');
    const adminToken = mintToken();
    const memberToken = mintToken();
    app.store.users.addToken(admin.id, adminToken.hash, adminToken.prefix, '2026-01-01T00:00:00Z');
    app.store.users.addToken(member.id, memberToken.hash, memberToken.prefix, '2026-01-01T00:00:00Z');
    app.clock.advance(1000);
    const latest = await sendDelivery(app.url, 'ping', { zen: 'latest' });

    const get = (token?: string, query = '?limit=3') =>
      fetch(`${app.url}/api/admin/deliveries${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await get()).status).toBe(401);
    expect((await get('mgn_not-a-real-token-at-all')).status).toBe(401);
    expect((await get(memberToken.token)).status).toBe(403);
    expect((await get(adminToken.token, '?limit=0')).status).toBe(400);
    const response = await get(adminToken.token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { deliveries: Record<string, unknown>[] };
    expect(body.deliveries).toHaveLength(3);
    expect(body.deliveries[0]).toEqual({
      id: latest.id,
      event: 'ping',
      action: null,
      status: 'queued',
      attempts: 0,
      lastError: null,
      note: null,
      receivedAt: new Date(app.clock.now()).toISOString(),
    });
    expect(app.logs()).not.toContain(adminToken.token);
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });
});
