// Sessions (idle and absolute expiry, sign out, sign out everywhere), CSRF and Origin checks on cookie-authenticated
// writes, API tokens (checksum, scopes, expiry, revocation), and a demoted maintainer losing the role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../sync/accounts/api-token.ts';
import { signInWithGitHub, webSession, type WebSession } from '../support/web-session.ts';
import { startAccountsFixture, type AccountsFixture } from './accounts-fixture.ts';

const HOUR = 3_600_000;
let f: AccountsFixture;
beforeAll(async () => {
  f = await startAccountsFixture();
});
afterAll(async () => {
  await f?.close();
});

const signIn = async (login: string): Promise<WebSession> => {
  const visitor = webSession(f.app.url);
  expect((await signInWithGitHub(visitor, f.fake, login)).status).toBe(303);
  return visitor;
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const api = (path: string, init: RequestInit = {}) => fetch(`${f.app.url}${path}`, { redirect: 'manual', ...init });

describe('sessions', () => {
  it('end after the idle time without requests, and a request keeps them alive until the absolute limit', async () => {
    const visitor = await signIn('bob');
    // 12 h idle is the default: 11 h later it still works, and that request moves the idle expiry.
    f.app.clock.advance(11 * HOUR);
    expect((await visitor.get('/api/me')).status).toBe(200);
    f.app.clock.advance(11 * HOUR);
    expect((await visitor.get('/api/me')).status).toBe(200);
    f.app.clock.advance(12 * HOUR + 60_000);
    const idle = await visitor.get('/api/me');
    expect(idle.status).toBe(401);
    // An expired session is no session: the page is the anonymous one, and the stale cookie is cleared.
    const kept = await signIn('bob');
    for (let hours = 0; hours < 7 * 24 - 11; hours += 11) {
      f.app.clock.advance(11 * HOUR);
      expect((await kept.get('/api/me')).status, `after ${hours + 11} h`).toBe(200);
    }
    f.app.clock.advance(11 * HOUR);
    const ended = await kept.get('/api/me');
    expect(ended.status).toBe(401);
    // The cookie of a session that ended is cleared, so the visitor's pages come from the shared cache again.
    expect(ended.headers.getSetCookie().some((c) => /^magnolia\.sid=;/.test(c))).toBe(true);
    expect(kept.sid()).toBeUndefined();
    expect((await kept.get('/projects')).headers.get('x-page-cache')).not.toBe('bypass');
  });

  it('sign out ends the session; sign out everywhere ends every session of that person', async () => {
    const one = await signIn('bob');
    const two = await signIn('bob');
    const out = await one.post('/auth/signout');
    expect(out.status).toBe(303);
    expect(one.sid()).toBeUndefined();
    expect((await api('/api/me', { headers: { cookie: `magnolia.sid=${two.sid()}` } })).status).toBe(200);
    const three = await signIn('bob');
    const everywhere = await three.post('/account/sessions/revoke');
    expect(everywhere.status).toBe(303);
    expect((await two.get('/api/me')).status).toBe(401);
    expect((await three.get('/api/me')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the session token or from another origin; tokens are exempt', async () => {
    const alice = await signIn('alice');
    const path = '/api/projects/acme/widget/sync';
    const noToken = await alice.json('POST', path, undefined, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(await noToken.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    const wrongToken = await alice.json('POST', path, undefined, { 'x-csrf-token': 'a'.repeat(64) });
    expect(wrongToken.status).toBe(403);
    const otherSite = await alice.json('POST', path, undefined, { origin: 'https://evil.example' });
    expect(otherSite.status).toBe(403);
    expect(await otherSite.json()).toMatchObject({ error: { code: 'cross_origin' } });
    const noOrigin = await alice.json('POST', path, undefined, { origin: '' });
    expect(noOrigin.status).toBe(403);
    // A form post from another site: the browser sends the cookie (top-level POST is not sent with Lax, but an
    // older browser might), the Origin gives it away.
    const form = await alice.post('/account/tokens', { label: 'x' }, { origin: 'https://evil.example' });
    expect(form.status).toBe(403);
    expect((await alice.json('POST', path)).status).toBe(202);

    const created = await alice.json('POST', '/api/me/tokens', { scopes: 'read,proposals', expires: '30d' });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const withToken = await api(path, { method: 'POST', headers: bearer(token) });
    expect(withToken.status).toBe(202);
  });
});

describe('API tokens', () => {
  it('have a checksum, scopes and an expiry; a token acts with its user’s roles narrowed by its scopes', async () => {
    const alice = await signIn('alice');
    const readOnly = (await (await alice.json('POST', '/api/me/tokens', { scopes: 'read', expires: '7d' })).json()) as {
      token: string;
      prefix: string;
      scopes: string[];
      expiresAt: string;
    };
    expect(readOnly.token).toMatch(/^mgn_[A-Za-z0-9]{49}$/);
    expect(readOnly.token.startsWith(readOnly.prefix)).toBe(true);
    expect(readOnly.scopes).toEqual(['read']);
    expect(Date.parse(readOnly.expiresAt) - f.app.clock.now()).toBe(7 * 24 * HOUR);
    expect(await (await api('/api/me', { headers: bearer(readOnly.token) })).json()).toEqual({
      login: 'alice',
      name: 'Alice Liddell',
      roles: ['member'],
      maintainerOf: [],
      via: 'token',
      scopes: ['read'],
    });
    const refused = await api('/api/projects/acme/widget/sync', { method: 'POST', headers: bearer(readOnly.token) });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'token_scope' } });
    // A token cannot mint tokens.
    const mint = await api('/api/me/tokens', {
      method: 'POST',
      headers: { ...bearer(readOnly.token), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(mint.status).toBe(403);
    expect(await mint.json()).toMatchObject({ error: { code: 'session_required' } });
    // A damaged token is told apart without a lookup; an unknown one is unknown.
    const damaged = `${readOnly.token.slice(0, -1)}${readOnly.token.endsWith('A') ? 'B' : 'A'}`;
    const bad = await api('/api/me', { headers: bearer(damaged) });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('checksum');
    expect((await api('/api/me', { headers: bearer(mintToken().token) })).status).toBe(401);

    const listed = (await (await alice.get('/api/me/tokens')).json()) as {
      tokens: { id: number; prefix: string; state: string }[];
    };
    const mine = listed.tokens.find((t) => readOnly.token.startsWith(t.prefix))!;
    expect(mine.state).toBe('active');
    // Expired: 7 days and a minute later.
    f.app.clock.advance(7 * 24 * HOUR + 60_000);
    const expired = await api('/api/me', { headers: bearer(readOnly.token) });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: 'token_expired' } });
  });

  it('a revoked token stops working at once, and the revocation is in the audit log', async () => {
    const bob = await signIn('bob');
    const { token, id } = (await (
      await bob.json('POST', '/api/me/tokens', { expires: '30d', label: 'ci' })
    ).json()) as {
      token: string;
      id: number;
    };
    expect((await api('/api/me', { headers: bearer(token) })).status).toBe(200);
    expect((await api(`/api/me/tokens/${id}`, { method: 'DELETE', headers: bearer(token) })).status).toBe(200);
    const after = await api('/api/me', { headers: bearer(token) });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: { code: 'bad_token' } });
    const log = f.app.store.audit.list({ limit: 10, actor: 'bob' }).map((e) => [e.action, e.target, e.via]);
    expect(log).toEqual(
      expect.arrayContaining([
        ['token.revoke', 'bob', 'api'],
        ['token.create', 'bob', 'api'],
      ]),
    );
    // Nobody revokes another person's token.
    const alice = await signIn('alice');
    const { id: theirs } = (await (await alice.json('POST', '/api/me/tokens', {})).json()) as { id: number };
    expect((await bob.json('DELETE', `/api/me/tokens/${theirs}`)).status).toBe(404);
  });
});

describe('maintainers', () => {
  it('a maintainer demoted on GitHub loses the role once the hour-old permission is read again', async () => {
    f.fake.oauth.setPermission('acme/gadget', 'alice', 'admin', 'admin');
    const alice = await signIn('alice');
    expect(await (await alice.get('/api/me')).json()).toMatchObject({ maintainerOf: ['acme/gadget', 'acme/widget'] });
    f.fake.oauth.setPermission('acme/gadget', 'alice', 'write', 'write');
    // Within the hour the permission read at sign-in holds.
    f.app.clock.advance(30 * 60_000);
    expect((await alice.json('POST', '/api/projects/acme/gadget/sync')).status).toBe(202);
    const reads = () =>
      f.fake.requests.filter((r) => r.path === '/repos/acme/gadget/collaborators/alice/permission').length;
    const before = reads();
    f.app.clock.advance(31 * 60_000);
    const refused = await alice.json('POST', '/api/projects/acme/gadget/sync');
    expect(refused.status).toBe(403);
    expect(reads()).toBe(before + 1);
    expect(await (await alice.get('/api/me')).json()).toMatchObject({ maintainerOf: ['acme/widget'] });
    // Still a maintainer of the other project: re-read, confirmed, allowed.
    expect((await alice.json('POST', '/api/projects/acme/widget/sync')).status).toBe(202);
    expect(f.app.store.audit.list({ limit: 5, actor: 'alice', action: 'project.sync' }).map((e) => e.target)).toContain(
      'acme/widget',
    );
  });

  it('a maintainer of one project may not act on another', async () => {
    const alice = await signIn('alice');
    const other = await alice.json('POST', '/api/projects/bigorg/thing/sync');
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { message: string } }).error.message).toContain(
      'maintainer or secretariat or admin',
    );
  });
});
