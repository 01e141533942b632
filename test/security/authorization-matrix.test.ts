// Every route the app serves × every kind of caller, generated from the app's own route table: a new route that is
// not in ACCESS below fails the first test, so nobody adds a route without saying who may call it. The expected
// answer of each cell comes from the one authorisation table (sync/accounts/authorize.ts): `can(actor, action,
// target)` for the caller as the test built it. Callers come with a session (cookie, CSRF token and Origin, as
// the portal's pages send them) or an API token, and include a maintainer of the project in the URL and of
// another one, a token whose scopes narrow its owner's roles, an expired session and a revoked token.
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import { hashToken, mintToken } from '../../sync/accounts/api-token.ts';
import { can, type Action, type Actor } from '../../sync/accounts/authorize.ts';
import type { GrantedRole, Scope } from '../../sync/accounts/roles.ts';
import { sessionKey } from '../../sync/accounts/sessions-service.ts';
import { plantSession } from '../support/plant-session.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

type Access = 'public' | 'webhook' | Action;

/** Who may call each route ("METHOD path" as Express knows it): an action of the table, or public. */
const ACCESS: Record<string, Access> = {
  'POST /webhooks/github': 'webhook',
  'GET /healthz': 'public',
  // Sign-in, sign-out and the sign-in page are for everyone (the demo sign-in exists only offline on loopback).
  'GET /auth/github': 'public',
  'GET /auth/github/callback': 'public',
  'POST /auth/demo': 'public',
  'POST /auth/signout': 'public',
  'GET /signin': 'public',
  'GET /api/me': 'account.read',
  'GET /api/me/tokens': 'account.read',
  'POST /api/me/tokens': 'token.create',
  'DELETE /api/me/tokens/:id': 'token.revoke',
  'GET /account': 'account.read',
  'POST /account/tokens': 'token.create',
  'POST /account/tokens/:id/revoke': 'token.revoke',
  'POST /account/sessions/revoke': 'sessions.revoke',
  'POST /account/notifications': 'inbox.use',
  'GET /inbox': 'inbox.use',
  'POST /inbox/read': 'inbox.use',
  'POST /inbox/read-all': 'inbox.use',
  'GET /api/me/inbox': 'inbox.use',
  'POST /api/me/inbox/read': 'inbox.use',
  'GET /api/admin/users': 'users.read',
  'PUT /api/admin/users/:login/roles/:role': 'roles.manage',
  'DELETE /api/admin/users/:login/roles/:role': 'roles.manage',
  'GET /api/admin/audit': 'audit.read',
  'GET /api/admin/deliveries': 'deliveries.read',
  'POST /api/admin/deliveries/:id/redeliver': 'deliveries.redeliver',
  'POST /api/projects/:owner/:repo/sync': 'projects.refresh',
  'POST /api/projects/:owner/:repo/evaluate': 'projects.refresh',
  'GET /api/projects': 'public',
  'GET /api/projects/:owner/:repo': 'public',
  'GET /api/projects/:owner/:repo/maturity': 'public',
  'GET /api/projects/:owner/:repo/maturity/history': 'public',
  'GET /api/projects/:owner/:repo/maturity/exemptions': 'exemptions.manage',
  'POST /api/projects/:owner/:repo/maturity/exemptions': 'exemptions.manage',
  'DELETE /api/projects/:owner/:repo/maturity/exemptions/:id': 'exemptions.manage',
  'GET /api/maturity/model': 'public',
  'PUT /api/maturity/model': 'model.replace',
  'GET /api/maturity/organisations': 'organisations.manage',
  'PUT /api/maturity/organisations/:match': 'organisations.manage',
  'DELETE /api/maturity/organisations/:match': 'organisations.manage',
  'GET /admin': 'console.view',
  'GET /admin/users': 'users.read',
  'POST /admin/users/:login/roles': 'roles.manage',
  'POST /admin/users/:login/roles/:role/revoke': 'roles.manage',
  'GET /admin/projects': 'projects.manage',
  'POST /admin/projects': 'projects.manage',
  'POST /admin/projects/:owner/:repo/remove': 'projects.manage',
  'POST /admin/projects/:owner/:repo/sync': 'projects.refresh',
  'POST /admin/projects/:owner/:repo/evaluate': 'projects.refresh',
  'GET /admin/model': 'console.view',
  'POST /admin/model': 'model.replace',
  'GET /admin/exemptions': 'exemptions.manage',
  'POST /admin/exemptions': 'exemptions.manage',
  'POST /admin/exemptions/:id/revoke': 'exemptions.manage',
  'GET /admin/organisations': 'organisations.manage',
  'POST /admin/organisations': 'organisations.manage',
  'POST /admin/organisations/remove': 'organisations.manage',
  'GET /admin/domains': 'domains.manage',
  'POST /admin/domains/:slug': 'domains.manage',
  'GET /admin/deliveries': 'deliveries.read',
  'POST /admin/deliveries/:id/redeliver': 'deliveries.redeliver',
  'GET /admin/audit': 'audit.read',
  'GET /api/search': 'public',
  'GET /api/domains': 'public',
  // Proposals are read in public; writing needs a session or a token, and the workflow file decides the rest.
  'GET /api/proposals': 'public',
  'GET /api/proposals/:number': 'public',
  'POST /api/proposals': 'proposals.write',
  'POST /api/proposals/:number/actions': 'proposals.write',
  'POST /api/proposals/:number/revisions': 'proposals.write',
  'GET /api/proposals/:number/revisions/:rev': 'public',
  'GET /api/proposals/:number/revisions/:rev/draft.md': 'public',
  'GET /api/proposals/:number/revisions/:rev/manifest.json': 'public',
  'GET /api/proposals/:number/revisions/:rev/draft.docx': 'public',
  'GET /api/proposals/:number/revisions/:rev/draft.pdf': 'public',
  'GET /api/proposals/:number/revisions/:rev/draft.html': 'public',
  // The explanatory note is read in public; saving needs a session or a token, and the workflow's editors.
  'GET /api/proposals/:number/revisions/:rev/note': 'public',
  'GET /api/proposals/:number/revisions/:rev/note.md': 'public',
  'PUT /api/proposals/:number/revisions/:rev/note': 'proposals.write',
  'POST /api/proposals/:number/ballots': 'ballots.manage',
  'GET /api/proposals/:number/ballots/current': 'public',
  'PUT /api/proposals/:number/ballots/current/position': 'ballots.vote',
  'POST /api/proposals/:number/ballots/current/close': 'ballots.manage',
  // Comments are read in public; commenting and dispositions need a session or a token, then the service decides
  // (a comment period, the workflow's editors).
  'GET /api/proposals/:number/comments': 'public',
  'POST /api/proposals/:number/comments': 'comments.write',
  'POST /api/proposals/:number/comments/:id/disposition': 'comments.dispose',
  'GET /api/proposals/:number/resolution': 'public',
  'GET /api/proposals/:number/diff': 'public',
  'GET /api/proposals/:number/drift': 'public',
  'PUT /api/admin/domains/:slug': 'domains.manage',
  'GET /search': 'public',
  'GET /badge/:owner/:repo.svg': 'public',
  'GET /': 'public',
  'GET /favicon.ico': 'public',
  'GET /projects': 'public',
  'GET /projects/:owner/:repo': 'public',
  'GET /source/:owner/:repo/blob/:sha/*path': 'public',
  'GET /source/:owner/:repo/raw/:sha/*path': 'public',
  'GET /source/:owner/:repo/image/:sha/*path': 'public',
  'GET /maturity-model': 'public',
  'GET /about': 'public',
  'GET /process': 'public',
  'GET /workflow': 'public',
  'GET /proposals': 'public',
  'GET /proposals/:number': 'public',
  'GET /proposals/new': 'proposals.write',
  'POST /proposals': 'proposals.write',
  'POST /proposals/:number/actions': 'proposals.write',
  'POST /proposals/:number/revisions': 'proposals.write',
  'GET /proposals/:number/:rev/note': 'public',
  'POST /proposals/:number/:rev/note': 'proposals.write',
  'GET /proposals/:number/:rev': 'public',
  'GET /draft-labels.css': 'public',
  'GET /proposals/feed.atom': 'public',
  'GET /proposals/:number/feed.atom': 'public',
  'POST /proposals/:number/ballot': 'ballots.manage',
  'POST /proposals/:number/ballot/position': 'ballots.vote',
  'POST /proposals/:number/ballot/close': 'ballots.manage',
  'GET /proposals/:number/:rev/comments': 'public',
  'POST /proposals/:number/:rev/comments': 'comments.write',
  'POST /proposals/:number/:rev/comments/:id/disposition': 'comments.dispose',
  'GET /proposals/:number/:rev/resolution': 'public',
  'GET /proposals/:number/diff/:range': 'public',
  'GET /faq': 'public',
};

/** A caller: the actor the table judges (null: nobody), and the headers of one request (fresh each time). */
interface Principal {
  name: string;
  actor: Actor | null;
  headers: (write: boolean) => Record<string, string>;
}

/** The routes of an Express app, walked through its mounted routers. */
function routesOf(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: unknown[]): void => {
    for (const layer of stack as {
      route?: { path: string; methods: Record<string, boolean> };
      handle?: { stack?: unknown[] };
    }[]) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) out.push(`${method.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: unknown[] } }).router.stack);
  return [...new Set(out)].sort();
}

const ALL_SCOPES: Scope[] = ['read', 'proposals', 'reviews', 'admin'];

describe('authorization matrix', () => {
  let app: TestInstance;
  let principals: Principal[] = [];
  let exemptionId = 0;
  let nimbus = 0;
  let nimbusRow: RepositoryRow;

  beforeAll(async () => {
    app = await startTestInstance({
      env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_RATE_LIMIT_WRITES: '100000', MAGNOLIA_RATE_LIMIT_SIGNIN: '100000' },
    });
    const at = new Date(app.clock.now()).toISOString();
    const id = (login: string): number => app.store.users.findByLogin(login)!.id;
    nimbusRow = app.store.repositories.findMember('cloudtide/nimbus-placement')!;
    nimbus = nimbusRow.id;
    const tablestream = app.store.repositories.findMember('hanhai-data/tablestream')!.id;
    app.store.users.upsert('member-person', 'member', at);
    app.store.users.upsert('matrix-target', 'member', at);
    const token = (login: string, scopes: Scope[] = ALL_SCOPES): string => {
      const minted = mintToken();
      app.store.users.addToken(id(login), minted.hash, minted.prefix, at, {
        scopes: scopes.join(','),
        checksummed: true,
      });
      return minted.token;
    };
    const gone = app.store.users.upsert('revoked-person', 'admin', at);
    const revoked = token('revoked-person');
    app.store.users.revokeTokens(gone.id, at);
    expect(app.store.users.findByTokenHash(hashToken(revoked))).toBeUndefined();
    // The project the URLs name; the demo people are who the demo community says they are.
    const row = app.store.repositories.findMember('cloudtide/nimbus-placement')!;
    exemptionId = app.store.maturity.exemptions.create({
      repositoryId: row.id,
      signal: 'files.adopters',
      reason: 'matrix test',
      expiresAt: new Date(app.clock.now() + 86_400_000).toISOString(),
      createdBy: 'mkowalski',
      createdAt: at,
    });

    const actor = (
      login: string,
      via: 'session' | 'token',
      granted: GrantedRole[],
      maintains: number[] = [],
      scopes?: Scope[],
    ): Actor => ({
      userId: id(login),
      login,
      name: null,
      granted: new Set(granted),
      maintainerOf: new Set(maintains),
      via,
      ...(scopes ? { scopes: new Set(scopes) } : {}),
    });
    const origin = { origin: app.url };
    const bearer = (value: string) => () => ({ authorization: `Bearer ${value}` });
    const session = (login: string) => (write: boolean) => {
      const planted = plantSession(app, id(login));
      return { cookie: planted.cookie, ...(write ? { ...origin, 'x-csrf-token': planted.csrf } : {}) };
    };
    const expired = (write: boolean) => {
      const planted = plantSession(app, id('hanmei-admin'));
      app.store.db
        .prepare('UPDATE sessions SET expires_at = ? WHERE id_hash = ?')
        .run(app.clock.now() - 1, sessionKey(planted.id));
      return { cookie: planted.cookie, ...(write ? { ...origin, 'x-csrf-token': planted.csrf } : {}) };
    };
    const tokens = {
      member: token('member-person'),
      otherMaintainer: token('zhouhao'),
      reviewer: token('mkowalski'),
      admin: token('hanmei-admin'),
      adminReadOnly: token('hanmei-admin', ['read']),
    };
    principals = [
      { name: 'anonymous', actor: null, headers: () => ({}) },
      { name: 'a session cookie that names no session', actor: null, headers: () => ({ cookie: 'magnolia.sid=x' }) },
      { name: 'an expired session (of an admin)', actor: null, headers: expired },
      { name: 'a revoked token', actor: null, headers: bearer(revoked) },
      { name: 'an unknown token', actor: null, headers: bearer('mgn_not-a-token-at-all-000') },
      {
        name: 'member (token)',
        actor: actor('member-person', 'token', [], [], ALL_SCOPES),
        headers: bearer(tokens.member),
      },
      { name: 'member (session)', actor: actor('member-person', 'session', []), headers: session('member-person') },
      {
        name: 'maintainer of this project (session)',
        actor: actor('chenyu-ct', 'session', [], [nimbus]),
        headers: session('chenyu-ct'),
      },
      {
        name: 'maintainer of another project (token)',
        actor: actor('zhouhao', 'token', [], [tablestream], ALL_SCOPES),
        headers: bearer(tokens.otherMaintainer),
      },
      {
        name: 'reviewer (token)',
        actor: actor('mkowalski', 'token', ['reviewer'], [], ALL_SCOPES),
        headers: bearer(tokens.reviewer),
      },
      { name: 'reviewer (session)', actor: actor('mkowalski', 'session', ['reviewer']), headers: session('mkowalski') },
      {
        name: 'secretariat (session)',
        actor: actor('linqing-sec', 'session', ['secretariat']),
        headers: session('linqing-sec'),
      },
      {
        name: 'admin (token)',
        actor: actor('hanmei-admin', 'token', ['admin'], [], ALL_SCOPES),
        headers: bearer(tokens.admin),
      },
      { name: 'admin (session)', actor: actor('hanmei-admin', 'session', ['admin']), headers: session('hanmei-admin') },
      {
        name: "admin's read-only token",
        actor: actor('hanmei-admin', 'token', ['admin'], [], ['read']),
        headers: bearer(tokens.adminReadOnly),
      },
    ];
  }, 120_000);
  afterAll(async () => {
    await app?.destroy();
  });

  const concrete = (path: string): string =>
    path
      .replace(':owner', 'cloudtide')
      .replace(':repo.svg', 'nimbus-placement.svg')
      .replace(':repo', 'nimbus-placement')
      .replace(':login', 'matrix-target')
      .replace(':role', 'reviewer')
      .replace(':id', path.includes('exemptions') ? String(exemptionId) : '999999')
      .replace(':match', '@example.org');

  // Writes carry a body valid enough to pass authorisation first, and harmless once authorised (an invalid model,
  // a project name that is not one, a delivery that does not exist).
  const bodyOf = (method: string, path: string): { type: string; body: string } | undefined => {
    if (method === 'GET') return undefined;
    const json = (value: unknown) => ({ type: 'application/json', body: JSON.stringify(value) });
    const form = (value: Record<string, string>) => ({
      type: 'application/x-www-form-urlencoded',
      body: new URLSearchParams(value).toString(),
    });
    if (path.startsWith('/admin/') || path.startsWith('/account/') || path.startsWith('/auth/'))
      return form({
        role: 'reviewer',
        fullName: 'not a project name',
        source: 'not: [a valid model',
        project: 'cloudtide/nimbus-placement',
        signal: 'files.roadmap',
        reason: 'matrix',
        expiresAt: '2099-01-01',
        match: '@example.org',
        organisation: 'Example Org',
        label: 'matrix',
        days: '7',
      });
    if (path.includes('organisations')) return json({ organisation: 'Example Org' });
    if (path.endsWith('/maturity/model')) return json({ source: 'not: [a valid model' });
    if (path.endsWith('/exemptions'))
      return json({ signal: 'files.roadmap', reason: 'matrix', expiresAt: '2099-01-01T00:00:00Z' });
    if (method === 'POST') return json({});
    return undefined;
  };

  it('knows who may call every route the app serves', () => {
    const served = routesOf(app.app);
    expect(served.filter((r) => !(r in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((r) => !served.includes(r))).toEqual([]);
  });

  it('answers every route × caller as the authorisation table says', async () => {
    const wrong: string[] = [];
    let cells = 0;
    let writes = 0;
    for (const route of routesOf(app.app)) {
      const access = ACCESS[route];
      if (access === undefined || access === 'webhook') continue; // signatures, not roles: test/webhooks/signature.test.ts
      const [method, path] = route.split(' ') as [string, string];
      const target = path.includes(':owner') ? { repositoryId: nimbus } : undefined;
      for (const who of principals) {
        cells += 1;
        const body = bodyOf(method, path);
        if (method !== 'GET') writes += 1;
        const res = await fetch(
          `${app.url}${concrete(path)}${path === '/api/projects/:owner/:repo/maturity/history' ? '?signal=files.readme' : ''}`,
          {
            method,
            // As a browser does, every write says where it comes from: the portal's own pages.
            headers: {
              ...(method !== 'GET' ? { origin: app.url } : {}),
              ...who.headers(method !== 'GET'),
              ...(body ? { 'content-type': body.type } : {}),
            },
            body: body?.body,
            redirect: 'manual',
          },
        );
        await res.arrayBuffer();
        // A removal that the table allowed is undone, so the next cells still find the project.
        if (!app.store.repositories.findMember('cloudtide/nimbus-placement')) app.store.repositories.restore(nimbusRow);
        const decision = access === 'public' ? { allowed: true as const } : can(who.actor, access, target);
        const refused = res.status === 401 || res.status === 403;
        const label = `${route} as ${who.name}: ${res.status}`;
        if (res.status >= 500) wrong.push(`${label} (a server error)`);
        else if (decision.allowed && refused) wrong.push(`${label}, but the table allows it`);
        else if (!decision.allowed) {
          const expected = decision.reason === 'unauthenticated' ? 401 : 403;
          if (res.status !== expected) wrong.push(`${label}, not ${expected} (${decision.reason}: needs ${access})`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // Every write route was called by every caller (29 writes × 15 callers when this was written).
    const writeRoutes = routesOf(app.app).filter((r) => !r.startsWith('GET ') && ACCESS[r] !== 'webhook');
    expect(writes).toBe(writeRoutes.length * principals.length);
    expect(writes).toBeGreaterThanOrEqual(29 * 15);
    expect(cells).toBeGreaterThanOrEqual(900);
  }, 120_000);
});
