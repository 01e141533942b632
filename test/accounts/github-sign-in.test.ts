// Sign-in with (fake) GitHub OAuth: state and PKCE, GitHub's 200-with-error answers, open redirects in `next`,
// session fixation, cookie attributes, /api/me, and what is kept of GitHub's user token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanner } from '../security/secret-scan.ts';
import { signInWithGitHub, webSession } from '../support/web-session.ts';
import { startAccountsFixture, type AccountsFixture } from './accounts-fixture.ts';

let f: AccountsFixture;
beforeAll(async () => {
  f = await startAccountsFixture();
});
afterAll(async () => {
  await f?.close();
});

describe('sign-in with GitHub', () => {
  it('signs in with state and PKCE S256, and /api/me says who, with which roles, maintaining what', async () => {
    const visitor = webSession(f.app.url);
    const start = await visitor.get('/auth/github?next=%2Fprojects%3Fsort%3Dstars');
    expect(start.status).toBe(303);
    const authorize = new URL(start.headers.get('location')!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${f.fake.webUrl}/login/oauth/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe(f.fake.oauth.clientId);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${f.app.url}/auth/github/callback`);
    const transaction = start.headers.getSetCookie().find((c) => c.startsWith('magnolia.oauth='))!;
    expect(transaction).toMatch(/HttpOnly/i);
    expect(transaction).toMatch(/SameSite=Lax/i);
    expect(transaction).toMatch(/Path=\/auth\/github/);
    expect(visitor.sid()).toBeUndefined();

    const approved = await fetch(f.fake.oauth.approveUrl(authorize.href, 'alice'), { redirect: 'manual' });
    const done = await visitor.get(approved.headers.get('location')!);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/projects?sort=stars');
    const cookie = done.headers.getSetCookie().find((c) => c.startsWith('magnolia.sid='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // http base URL; the https case is below
    expect(visitor.jar.cookies.has('magnolia.oauth')).toBe(false);
    // The token endpoint was asked for JSON, with the verifier that matches the challenge (the fake checks it).
    const exchange = f.fake.oauth.tokenRequests.at(-1)!;
    expect(exchange.accept).toBe('application/json');
    expect(exchange.answer).toHaveProperty('access_token');

    const me = await visitor.get('/api/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      login: 'alice',
      name: 'Alice Liddell',
      roles: ['member', 'maintainer'],
      maintainerOf: ['acme/widget'],
      via: 'session',
    });
  });

  it('counts organisation owners as maintainers of the projects their organisation owns', async () => {
    const carol = webSession(f.app.url);
    expect((await signInWithGitHub(carol, f.fake, 'carol')).status).toBe(303);
    expect(await (await carol.get('/api/me')).json()).toMatchObject({ maintainerOf: ['bigorg/thing'] });
    const bob = webSession(f.app.url);
    expect((await signInWithGitHub(bob, f.fake, 'bob')).status).toBe(303);
    expect(await (await bob.get('/api/me')).json()).toMatchObject({ roles: ['member'], maintainerOf: [] });
  });

  it('refuses an answer whose state is not the one this browser started with', async () => {
    const victim = webSession(f.app.url);
    const start = await victim.get('/auth/github');
    // The attacker's own authorisation, with the attacker's state, delivered to the victim's browser.
    const attacker = webSession(f.app.url);
    const theirs = await attacker.get('/auth/github');
    const approved = await fetch(f.fake.oauth.approveUrl(theirs.headers.get('location')!, 'bob'), {
      redirect: 'manual',
    });
    expect(start.status).toBe(303);
    const res = await victim.get(approved.headers.get('location')!, { accept: 'text/html', 'accept-language': 'en' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('sign-in this browser started');
    expect(victim.sid()).toBeUndefined();
    // And without any transaction cookie at all.
    const bare = await fetch(approved.headers.get('location')!, {
      redirect: 'manual',
      headers: { accept: 'application/json' },
    });
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({ error: { code: 'sign_in_not_started' } });
  });

  it("treats GitHub's 200 answer with an error (a bad or reused code) as a refused sign-in", async () => {
    const visitor = webSession(f.app.url);
    const start = await visitor.get('/auth/github');
    const approved = await fetch(f.fake.oauth.approveUrl(start.headers.get('location')!, 'alice'), {
      redirect: 'manual',
    });
    const callback = new URL(approved.headers.get('location')!);
    callback.searchParams.set('code', 'not-a-code-github-gave');
    const res = await visitor.get(callback.href, { accept: 'text/html', 'accept-language': 'en' });
    expect(res.status).toBe(401);
    expect(f.fake.oauth.tokenRequests.at(-1)!.answer).toMatchObject({ error: 'bad_verification_code' });
    expect(await res.text()).toContain('GitHub refused the sign-in (bad_verification_code)');
    expect(visitor.sid()).toBeUndefined();
  });

  it('says so when the person cancels on GitHub', async () => {
    const visitor = webSession(f.app.url);
    const start = await visitor.get('/auth/github');
    const url = new URL(f.fake.oauth.approveUrl(start.headers.get('location')!, 'alice'));
    url.searchParams.set('deny', '1');
    const denied = await fetch(url, { redirect: 'manual' });
    const res = await visitor.get(denied.headers.get('location')!, { accept: 'text/html', 'accept-language': 'zh-CN' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('GitHub 未授权此次登录（access_denied）');
  });

  it('keeps `next` to a path of this portal', async () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      'evil.example',
      '/%0a/evil.example',
    ]) {
      const visitor = webSession(f.app.url);
      const res = await signInWithGitHub(visitor, f.fake, 'bob', next);
      expect(res.status, next).toBe(303);
      const location = res.headers.get('location')!;
      expect(
        location.startsWith('/') && !location.startsWith('//') && !location.includes('\\'),
        `${next} → ${location}`,
      ).toBe(true);
      expect(new URL(location, f.app.url).origin, next).toBe(f.app.url);
    }
    const visitor = webSession(f.app.url);
    expect((await signInWithGitHub(visitor, f.fake, 'bob', '/%2F%2Fevil.example')).headers.get('location')).toBe(
      '/%2F%2Fevil.example',
    );
  });

  it('gives a new session id at sign-in: a session planted before it is not the one signed in', async () => {
    const planted = webSession(f.app.url);
    await signInWithGitHub(planted, f.fake, 'bob');
    const fixed = planted.sid()!;
    // The victim's browser carries the attacker's (bob's) session cookie, then signs in as alice.
    const victim = webSession(f.app.url);
    victim.jar.cookies.set('magnolia.sid', fixed);
    expect(await (await victim.get('/api/me')).json()).toMatchObject({ login: 'bob' });
    await signInWithGitHub(victim, f.fake, 'alice');
    expect(victim.sid()).toBeDefined();
    expect(victim.sid()).not.toBe(fixed);
    expect(await (await victim.get('/api/me')).json()).toMatchObject({ login: 'alice' });
    // The planted id names nobody any more.
    expect((await fetch(`${f.app.url}/api/me`, { headers: { cookie: `magnolia.sid=${fixed}` } })).status).toBe(401);
  });

  it('marks the cookie Secure when the portal is served over https', async () => {
    const { startAccountsFixture: start } = await import('./accounts-fixture.ts');
    const tls = await start({ MAGNOLIA_BASE_URL: 'https://portal.example.org' });
    try {
      const visitor = webSession(tls.app.url);
      const begin = await visitor.get('/auth/github', { 'x-forwarded-proto': 'https' });
      expect(new URL(begin.headers.get('location')!).searchParams.get('redirect_uri')).toBe(
        'https://portal.example.org/auth/github/callback',
      );
      const approved = await fetch(tls.fake.oauth.approveUrl(begin.headers.get('location')!, 'alice'), {
        redirect: 'manual',
      });
      const callback = approved.headers.get('location')!.replace('https://portal.example.org', tls.app.url);
      const done = await visitor.get(callback, { 'x-forwarded-proto': 'https' });
      expect(done.status).toBe(303);
      const cookie = done.headers.getSetCookie().find((c) => c.startsWith('magnolia.sid='))!;
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
    } finally {
      await tls.close();
    }
  });

  it("keeps GitHub's user token, the session ids and CSRF tokens out of the database and the logs", async () => {
    const visitor = webSession(f.app.url);
    await signInWithGitHub(visitor, f.fake, 'alice');
    const sessionId = decodeURIComponent(visitor.sid()!).slice(2).split('.')[0]!;
    const secrets = [
      ...[...f.fake.oauth.issued.keys()].map((value, i) => ({ name: `GitHub user token ${i}`, value })),
      { name: 'session id', value: sessionId },
      { name: 'CSRF token', value: visitor.csrf },
      { name: 'GITHUB_OAUTH_CLIENT_SECRET', value: f.fake.oauth.clientSecret },
      { name: 'session secret', value: f.app.services.sessionSecret },
    ];
    expect(f.fake.oauth.issued.size).toBeGreaterThan(3);
    const scanner = createScanner(secrets);
    const cells = scanner.scanDatabase(f.app.config.databaseFile);
    scanner.scan('logs', f.app.logs());
    expect(cells.cells).toBeGreaterThan(10);
    expect(scanner.findings).toEqual([]);
  });
});
