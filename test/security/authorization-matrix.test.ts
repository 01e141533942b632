// Every route the app serves × every kind of caller, generated from the app's own route table: a new route that is
// not in ACCESS below fails the first test, so nobody adds a route without saying who may call it. Callers that
// come with sign-in (a maintainer of this or of another project, the secretariat, an expired session) join the
// PRINCIPALS table when sessions exist; today a session cookie must be treated as anonymous.
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, mintToken } from '../../sync/accounts/api-token.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

type Access = 'public' | 'member' | 'reviewer' | 'admin' | 'webhook';

/** Who may call each route ("METHOD path" as Express knows it). */
const ACCESS: Record<string, Access> = {
  'POST /webhooks/github': 'webhook',
  'GET /healthz': 'public',
  'GET /api/admin/deliveries': 'admin',
  'GET /api/projects': 'public',
  'GET /api/projects/:owner/:repo': 'public',
  'GET /api/projects/:owner/:repo/maturity': 'public',
  'GET /api/projects/:owner/:repo/maturity/history': 'public',
  'GET /api/projects/:owner/:repo/maturity/exemptions': 'reviewer',
  'POST /api/projects/:owner/:repo/maturity/exemptions': 'reviewer',
  'DELETE /api/projects/:owner/:repo/maturity/exemptions/:id': 'reviewer',
  'GET /api/maturity/model': 'public',
  'PUT /api/maturity/model': 'admin',
  'GET /api/maturity/organisations': 'admin',
  'PUT /api/maturity/organisations/:match': 'admin',
  'DELETE /api/maturity/organisations/:match': 'admin',
  'GET /api/search': 'public',
  'GET /api/domains': 'public',
  'PUT /api/admin/domains/:slug': 'admin',
  'GET /search': 'public',
  'GET /badge/:owner/:repo.svg': 'public',
  'GET /': 'public',
  'GET /favicon.ico': 'public',
  'GET /projects': 'public',
  'GET /projects/:owner/:repo': 'public',
  'GET /maturity-model': 'public',
  'GET /about': 'public',
  'GET /process': 'public',
  'GET /faq': 'public',
};

const RANK: Record<Access, number> = { public: 0, webhook: 0, member: 1, reviewer: 2, admin: 3 };

interface Principal {
  name: string;
  /** The highest access this caller holds (0 = none). */
  rank: number;
  headers: () => Record<string, string>;
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

describe('authorization matrix', () => {
  let app: TestInstance;
  const tokens: Record<string, string> = {};
  let exemptionId = 0;

  beforeAll(async () => {
    app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on' } });
    const at = new Date(app.clock.now()).toISOString();
    for (const role of ['member', 'reviewer', 'admin'] as const) {
      const user = app.store.users.upsert(`${role}-person`, role, at);
      const minted = mintToken();
      app.store.users.addToken(user.id, minted.hash, minted.prefix, at);
      tokens[role] = minted.token;
    }
    const gone = app.store.users.upsert('revoked-person', 'admin', at);
    const revoked = mintToken();
    app.store.users.addToken(gone.id, revoked.hash, revoked.prefix, at);
    app.store.users.revokeTokens(gone.id, at);
    tokens.revoked = revoked.token;
    expect(app.store.users.findByTokenHash(hashToken(revoked.token))).toBeUndefined();
    const row = app.store.repositories.findMember('cloudtide/nimbus-placement')!;
    exemptionId = app.store.maturity.exemptions.create({
      repositoryId: row.id,
      signal: 'files.adopters',
      reason: 'matrix test',
      expiresAt: new Date(app.clock.now() + 86_400_000).toISOString(),
      createdBy: 'reviewer-person',
      createdAt: at,
    });
  }, 120_000);
  afterAll(async () => {
    await app?.destroy();
  });

  const principals = (): Principal[] => [
    { name: 'anonymous', rank: 0, headers: () => ({}) },
    { name: 'a session cookie (no sessions yet: anonymous)', rank: 0, headers: () => ({ cookie: 'magnolia.sid=x' }) },
    { name: 'a revoked token', rank: 0, headers: () => ({ authorization: `Bearer ${tokens.revoked}` }) },
    { name: 'an unknown token', rank: 0, headers: () => ({ authorization: 'Bearer mgn_not-a-token-at-all-000' }) },
    { name: 'member', rank: 1, headers: () => ({ authorization: `Bearer ${tokens.member}` }) },
    { name: 'reviewer', rank: 2, headers: () => ({ authorization: `Bearer ${tokens.reviewer}` }) },
    { name: 'admin', rank: 3, headers: () => ({ authorization: `Bearer ${tokens.admin}` }) },
  ];

  const concrete = (path: string): string =>
    path
      .replace(':owner', 'cloudtide')
      .replace(':repo.svg', 'nimbus-placement.svg')
      .replace(':repo', 'nimbus-placement')
      .replace(':id', String(exemptionId))
      .replace(':match', '@example.org');

  it('knows who may call every route the app serves', () => {
    const served = routesOf(app.app);
    expect(served.filter((r) => !(r in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((r) => !served.includes(r))).toEqual([]);
  });

  it('answers every route × caller as the table says', async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const route of routesOf(app.app)) {
      const access = ACCESS[route];
      if (access === undefined || access === 'webhook') continue; // signatures, not roles: test/webhooks/signature.test.ts
      const [method, path] = route.split(' ') as [string, string];
      for (const who of principals()) {
        cells += 1;
        // Reads with a body-less request; writes with a body that is valid enough to pass the role check first.
        const body =
          method === 'PUT' && path.includes('organisations')
            ? JSON.stringify({ organisation: 'Example Org' })
            : method === 'POST'
              ? JSON.stringify({ signal: 'files.roadmap', reason: 'matrix', expiresAt: '2099-01-01T00:00:00Z' })
              : method === 'PUT'
                ? JSON.stringify({ source: 'not: [a valid model' })
                : undefined;
        const res = await fetch(
          `${app.url}${concrete(path)}${path === '/api/projects/:owner/:repo/maturity/history' ? '?signal=files.readme' : ''}`,
          {
            method,
            headers: { ...who.headers(), ...(body ? { 'content-type': 'application/json' } : {}) },
            body,
            redirect: 'manual',
          },
        );
        await res.arrayBuffer();
        const needed = RANK[access];
        const allowed = who.rank >= needed;
        const refused = res.status === 401 || res.status === 403;
        if (allowed === refused || res.status >= 500) {
          wrong.push(`${route} as ${who.name}: ${res.status} (needs ${access})`);
        }
        // Without any valid credential a protected route says 401 (sign in), with too little a role 403.
        if (!allowed && who.rank === 0 && res.status !== 401)
          wrong.push(`${route} as ${who.name}: ${res.status}, not 401`);
        if (!allowed && who.rank > 0 && res.status !== 403)
          wrong.push(`${route} as ${who.name}: ${res.status}, not 403`);
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBeGreaterThanOrEqual(150);
  });
});
