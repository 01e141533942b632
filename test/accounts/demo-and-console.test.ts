// The offline demo sign-in (present only on loopback with the demo seeded and no OAuth app) and the admin console
// driven as its people would: roles, projects, the model, exemptions, organisations, deliveries, the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { readConfig } from '../../kernel/config/read-config.ts';
import { createLogger } from '../../kernel/log/create-logger.ts';
import { createSignInService } from '../../sync/accounts/sign-in-service.ts';
import { createUpstreamWithHistory } from '../support/git-fixture.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { signInAsDemo, webSession, type WebSession } from '../support/web-session.ts';

let app: TestInstance;
beforeAll(async () => {
  app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_RATE_LIMIT_WRITES: '1000' } });
}, 120_000);
afterAll(async () => {
  await app?.destroy();
});

/** Restarts the instance on the same data dir (the demo stays seeded) with more configuration. */
async function restartWith(env: Record<string, string>): Promise<void> {
  await app.close();
  app = await startTestInstance({ dataDir: app.dataDir, env: { MAGNOLIA_DEMO: 'on', ...env } });
}

const as = async (login: string): Promise<WebSession> => {
  const visitor = webSession(app.url);
  const res = await signInAsDemo(visitor, login, '/account');
  expect(res.status, login).toBe(303);
  return visitor;
};
/** A form post with a Host header of our choosing (fetch does not let one set Host). */
function rawPost(base: string, path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(base);
  const body = 'login=hanmei-admin';
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(body.length),
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const html = async (res: Response | Promise<Response>) => (await res).text();

describe('demo sign-in', () => {
  it('offers the demo people on the sign-in page, and signs in as one of them', async () => {
    const page = await html(fetch(`${app.url}/signin?lang=en`));
    for (const login of ['chenyu-ct', 'mkowalski', 'liuyang-dh', 'linqing-sec', 'hanmei-admin'])
      expect(page).toContain(`value="${login}"`);
    expect(page).toContain('maintainer of cloudtide/nimbus-placement');
    const chen = await as('chenyu-ct');
    expect(await (await chen.get('/api/me')).json()).toEqual({
      login: 'chenyu-ct',
      name: 'Chen Yu',
      roles: ['member', 'maintainer'],
      maintainerOf: ['cloudtide/nimbus-placement'],
      via: 'session',
    });
    const account = await html(chen.get('/account?lang=en'));
    expect(account).toContain(
      'maintainer of <a href="/projects/cloudtide/nimbus-placement">cloudtide/nimbus-placement</a>',
    );
    expect(await (await (await as('hanmei-admin')).get('/api/me')).json()).toMatchObject({
      roles: ['member', 'admin'],
    });
  });

  it('is refused from another origin, through a proxy, or under a name that is not loopback', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${app.url}/auth/demo`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: 'login=hanmei-admin',
      });
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ origin: app.url, 'x-forwarded-for': '203.0.113.9' })).status).toBe(404);
    // A name that another site rebound to 127.0.0.1 (DNS rebinding): its pages could post from "its" origin.
    expect(await rawPost(app.url, '/auth/demo', { host: 'rebound.example', origin: 'http://rebound.example' })).toBe(
      404,
    );
    expect((await post({ origin: app.url })).status).toBe(303);
    const nobody = await fetch(`${app.url}/auth/demo`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url, accept: 'application/json' },
      body: 'login=bob',
    });
    expect(nobody.status).toBe(404);
    expect(await nobody.json()).toMatchObject({ error: { code: 'demo_person_not_found' } });
  });

  it('does not exist when the portal listens beyond loopback, has an OAuth app, or a public base URL', async () => {
    const service = (env: Record<string, string>) =>
      createSignInService({
        store: app.store,
        clock: app.clock,
        config: readConfig({ MAGNOLIA_DATA_DIR: app.dataDir, ...env }),
        log: createLogger('silent'),
        sessions: app.services.sessions,
        github: undefined,
      });
    expect(service({}).demoAvailable()).toBe(true);
    expect(service({ HOST: '0.0.0.0' }).demoAvailable()).toBe(false);
    expect(service({ HOST: '192.168.1.20' }).demoAvailable()).toBe(false);
    expect(service({ MAGNOLIA_BASE_URL: 'https://portal.example.org' }).demoAvailable()).toBe(false);
    expect(service({ GITHUB_OAUTH_CLIENT_ID: 'x', GITHUB_OAUTH_CLIENT_SECRET: 'y' }).demoAvailable()).toBe(false);
  });
});

describe('the admin console', () => {
  it('lets an administrator grant and revoke a role, recorded with who, when and the request id', async () => {
    const admin = await as('hanmei-admin');
    const overview = await html(admin.get('/admin?lang=en'));
    expect(overview).toContain('href="/admin/deliveries"');
    const granted = await admin.post('/admin/users/chenyu-ct/roles', { role: 'reviewer' });
    expect(granted.status).toBe(303);
    expect(granted.headers.get('location')).toBe('/admin/users?done=role-granted');
    const entry = app.store.audit.list({ limit: 1, action: 'role.grant' })[0]!;
    expect(entry).toMatchObject({
      actor: 'hanmei-admin',
      target: 'chenyu-ct',
      via: 'web',
      request_id: granted.headers.get('x-request-id'),
    });
    expect(JSON.parse(entry.detail!)).toEqual({ role: 'reviewer' });
    const users = await html(admin.get('/admin/users?lang=en&done=role-granted'));
    expect(users).toContain('The role is granted.');
    expect(users).toMatch(/Reviewer: granted by hanmei-admin/);
    expect((await admin.post('/admin/users/chenyu-ct/roles/reviewer/revoke')).status).toBe(303);
    expect(app.store.audit.list({ limit: 1 })[0]).toMatchObject({ action: 'role.revoke', target: 'chenyu-ct' });
    // The audit log refuses to be rewritten.
    expect(() => app.store.db.prepare('UPDATE audit_log SET actor = ?').run('someone')).toThrow(/append-only/);
    expect(() => app.store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    const api = await admin.get('/api/admin/audit?action=role&limit=5');
    expect(((await api.json()) as { entries: { action: string }[] }).entries.map((e) => e.action)).toEqual([
      'role.revoke',
      'role.grant',
    ]);
  });

  it('gives the secretariat what the table gives it, and no more', async () => {
    const sec = await as('linqing-sec');
    const users = await html(sec.get('/admin/users?lang=en'));
    expect(users).not.toContain('action="/admin/users/chenyu-ct/roles"');
    expect((await sec.post('/admin/users/chenyu-ct/roles', { role: 'admin' })).status).toBe(403);
    expect((await sec.get('/admin/deliveries')).status).toBe(403);
    expect((await sec.get('/admin/audit')).status).toBe(200);
    const org = await sec.post('/admin/organisations', { match: '@example.org', organisation: 'Example Org' });
    expect(org.status).toBe(303);
    expect(await html(sec.get('/admin/organisations?lang=en'))).toContain('Example Org');
  });

  it('names a domain in both languages from the console, recorded in the audit log', async () => {
    const sec = await as('linqing-sec');
    const before = await html(sec.get('/admin/domains?lang=en'));
    expect(before).toContain('action="/admin/domains/iot"');
    const refused = await sec.post('/admin/domains/iot', { en: 'Internet of Things', zh: 'IoT' });
    expect(refused.status).toBe(400);
    const named = await sec.post('/admin/domains/iot', { en: 'Internet of Things', zh: '物联网' });
    expect(named.status).toBe(303);
    expect(app.services.projects.domains().find((d) => d.slug === 'iot')).toMatchObject({
      name: { en: 'Internet of Things', zh: '物联网' },
      named: true,
    });
    expect(app.store.audit.list({ limit: 1 })[0]).toMatchObject({ action: 'domain.name', target: 'iot' });
    expect(await html(sec.get('/admin/domains?lang=zh-CN'))).toContain('value="物联网"');
    const visitor = webSession(app.url);
    expect((await visitor.get('/admin/domains')).status).toBe(401);
  });

  it('adds, syncs and removes a member project', async () => {
    const admin = await as('hanmei-admin');
    const upstream = createUpstreamWithHistory(3, 'console-added');
    const added = await admin.post('/admin/projects', {
      fullName: 'acme/console-added',
      cloneUrl: upstream.bare,
      domain: 'iot',
    });
    expect(added.status, await added.clone().text()).toBe(303);
    expect(app.store.repositories.findMember('acme/console-added')?.commit_count).toBe(3);
    expect(app.store.audit.list({ limit: 1 })[0]).toMatchObject({
      action: 'project.add',
      target: 'acme/console-added',
    });
    // The audit detail never holds a path of this machine.
    expect(app.store.audit.list({ limit: 1 })[0]!.detail).not.toContain(upstream.bare);
    expect((await admin.post('/admin/projects/acme/console-added/sync')).status).toBe(303);
    expect((await admin.post('/admin/projects/acme/console-added/remove')).status).toBe(303);
    expect(app.store.repositories.findMember('acme/console-added')).toBeUndefined();
    // A bad clone URL is refused with its reason, nothing registered.
    const bad = await admin.post(
      '/admin/projects',
      { fullName: 'acme/x', cloneUrl: 'ext::sh -c evil' },
      { accept: 'text/html', 'accept-language': 'en' },
    );
    expect(bad.status).toBe(400);
    expect(app.store.repositories.findMember('acme/x')).toBeUndefined();
  });

  it('shows a model that does not validate with its problems, and installs one that does', async () => {
    const admin = await as('hanmei-admin');
    const invalid = await admin.post('/admin/model?lang=en', { source: 'levels: [' });
    expect(invalid.status).toBe(400);
    const page = await invalid.text();
    expect(page).toContain('This model was not installed');
    expect(page).toContain('levels: [</textarea>');
    const source = app.services.maturity.modelSource();
    const ok = await admin.post('/admin/model', { source: `${source}\n# installed from the console\n` });
    expect(ok.status).toBe(303);
    expect(app.store.audit.list({ limit: 1 })[0]).toMatchObject({ action: 'model.replace', actor: 'hanmei-admin' });
    expect(await html(admin.get('/admin/model?lang=en'))).toMatch(/v\d+<\/strong>/);
  });

  it('lets a reviewer grant and revoke an exemption', async () => {
    const reviewer = await as('mkowalski');
    const granted = await reviewer.post('/admin/exemptions', {
      project: 'cloudtide/nimbus-placement',
      signal: 'files.adopters',
      reason: 'adopters are listed on the website',
      expiresAt: '2099-01-01',
    });
    expect(granted.status).toBe(303);
    const page = await html(reviewer.get('/admin/exemptions?project=cloudtide%2Fnimbus-placement&lang=en'));
    expect(page).toContain('adopters are listed on the website');
    const id = /action="\/admin\/exemptions\/(\d+)\/revoke"/.exec(page)![1]!;
    expect(
      (await reviewer.post(`/admin/exemptions/${id}/revoke`, { project: 'cloudtide/nimbus-placement' })).status,
    ).toBe(303);
    expect(app.store.audit.list({ limit: 2, actor: 'mkowalski' }).map((e) => e.action)).toEqual([
      'exemption.revoke',
      'exemption.grant',
    ]);
    expect((await reviewer.get('/admin')).status).toBe(403);
  });

  it('redelivers a dead webhook delivery', async () => {
    const admin = await as('hanmei-admin');
    app.store.deliveries.acceptMany([
      {
        id: 'dead-delivery-1',
        event: 'push',
        action: null,
        hookId: null,
        repositoryId: null,
        installationId: null,
        payload: Buffer.from('{"zen":"x"}'),
        receivedAt: new Date(app.clock.now()).toISOString(),
        runAt: app.clock.now(),
      },
    ]);
    app.store.deliveries.markFailed('dead-delivery-1', 'dead', 'boom: the processor failed', 5);
    const listed = await html(admin.get('/admin/deliveries?status=dead&lang=en'));
    expect(listed).toContain('boom: the processor failed');
    expect((await admin.post('/admin/deliveries/dead-delivery-1/redeliver')).status).toBe(303);
    expect(app.store.deliveries.get('dead-delivery-1')?.status).toBe('queued');
    const again = await admin.json('POST', '/api/admin/deliveries/dead-delivery-1/redeliver');
    expect(again.status).toBe(409);
    expect(app.store.audit.list({ limit: 1 })[0]).toMatchObject({
      action: 'delivery.redeliver',
      target: 'delivery dead-delivery-1',
    });
  });

  it('shows who is signed in, in both languages, and never from the shared page cache', async () => {
    const anonymous = await fetch(`${app.url}/projects?lang=en`);
    expect(await anonymous.text()).toContain('href="/signin?next=%2Fprojects"');
    const chen = await as('chenyu-ct');
    for (const [lang, signOut] of [
      ['en', 'Sign out'],
      ['zh-CN', '退出登录'],
    ] as const) {
      const res = await chen.get(`/projects?lang=${lang}`);
      expect(res.headers.get('x-page-cache')).toBe('bypass');
      const page = await res.text();
      expect(page).toContain('<a class="account-name" href="/account"');
      expect(page).toContain('Chen Yu');
      expect(page).toContain(signOut);
      expect(page).toContain(`name="_csrf" value="${chen.csrf}"`);
    }
    // The next anonymous visitor gets the cached page, without anyone's name in it.
    const after = await fetch(`${app.url}/projects?lang=en`);
    expect(after.headers.get('x-page-cache')).toBe('hit');
    expect(await after.text()).not.toContain('Chen Yu');
  });
});

describe('the demo sign-in on a seeded instance under another configuration', () => {
  const demoPost = () =>
    fetch(`${app.url}/auth/demo`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url },
      body: 'login=hanmei-admin',
    });
  it('is absent (404) once an OAuth app is configured', async () => {
    await restartWith({ GITHUB_OAUTH_CLIENT_ID: 'Iv1.x', GITHUB_OAUTH_CLIENT_SECRET: 'a-secret-of-the-app' });
    expect((await demoPost()).status).toBe(404);
    const page = await (await fetch(`${app.url}/signin?lang=en`)).text();
    expect(page).not.toContain('action="/auth/demo"');
    expect(page).toContain('href="/auth/github?next=%2F"');
  });
  it('is absent (404) when the portal has a public base URL', async () => {
    await restartWith({ MAGNOLIA_BASE_URL: 'https://portal.example.org' });
    expect((await demoPost()).status).toBe(404);
    expect(await (await fetch(`${app.url}/signin?lang=en`)).text()).toContain('Sign-in is not set up on this portal');
  });
});
