// The OAuth side of the fake GitHub: the web endpoints of an OAuth app (authorize, access_token) and the REST
// endpoints a sign-in reads with the user's token (/user, a repository permission, organisation memberships).
// Like GitHub, a bad code or bad client credentials are answered with HTTP 200 and `{ "error": ... }`.
import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';

/** A person who can sign in at the fake GitHub. */
export interface FakePerson {
  id: number;
  login: string;
  name: string | null;
}

/** One call of the token endpoint, as the fake saw it. */
export interface TokenRequest {
  accept: string | null;
  body: Record<string, string>;
  answer: Record<string, unknown>;
}

export interface FakeOAuth {
  readonly clientId: string;
  readonly clientSecret: string;
  addPerson(person: FakePerson): void;
  /** GitHub's answer of `GET /repos/{fullName}/collaborators/{login}/permission` (default: read). */
  setPermission(fullName: string, login: string, permission: string, roleName?: string): void;
  setOrgMembership(login: string, org: string, role: 'admin' | 'member'): void;
  /** The URL that approves an authorize request as `login` (what clicking "Authorize" does). */
  approveUrl(authorizeUrl: string, login: string): string;
  /** User tokens issued, by token. */
  readonly issued: Map<string, string>;
  readonly tokenRequests: TokenRequest[];
  /** Handles OAuth web paths and user-token REST paths; false when the request is not one of them. */
  handle(req: Request, res: Response, path: string): boolean;
}

interface IssuedCode {
  login: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  used: boolean;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Creates the fake's OAuth app `clientId` / `clientSecret`. */
export function createFakeOAuth(apiPrefix: string): FakeOAuth {
  const people = new Map<string, FakePerson>();
  const permissions = new Map<string, { permission: string; role_name: string }>();
  const orgs = new Map<string, { org: string; role: 'admin' | 'member' }[]>();
  const codes = new Map<string, IssuedCode>();
  const issued = new Map<string, string>();
  const tokenRequests: TokenRequest[] = [];
  const clientId = 'Iv1.fakeclient0001';
  const clientSecret = 'fake-client-secret-0f9e8d7c6b5a';
  const bad = (error: string, description: string) => ({
    error,
    error_description: description,
    error_uri: 'https://docs.github.com/apps/troubleshooting-oauth-errors',
  });
  const viewer = (req: Request): string | undefined => {
    const match = /^(?:token|bearer)\s+(\S+)$/i.exec(req.header('authorization') ?? '');
    return match ? issued.get(match[1]!) : undefined;
  };
  const json = (res: Response, status: number, body: unknown): void => {
    res.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
  };

  const oauth: FakeOAuth = {
    clientId,
    clientSecret,
    issued,
    tokenRequests,
    addPerson: (person) => void people.set(person.login.toLowerCase(), person),
    setPermission: (fullName, login, permission, roleName) =>
      void permissions.set(`${fullName.toLowerCase()}:${login.toLowerCase()}`, {
        permission,
        role_name: roleName ?? permission,
      }),
    setOrgMembership(login, org, role) {
      const list = (orgs.get(login.toLowerCase()) ?? []).filter((m) => m.org !== org);
      orgs.set(login.toLowerCase(), [...list, { org, role }]);
    },
    approveUrl(authorizeUrl, login) {
      const url = new URL(authorizeUrl);
      url.pathname = '/login/oauth/authorize/approve';
      url.searchParams.set('login', login);
      return url.href;
    },
    handle(req, res, path) {
      if (req.method === 'GET' && path === '/login/oauth/authorize') {
        const q = req.query as Record<string, string>;
        if (q.client_id !== clientId) {
          res.status(404).type('html').send('<h1>404</h1><p>no such OAuth app</p>');
          return true;
        }
        const hidden = Object.entries(q)
          .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(String(v))}">`)
          .join('');
        const buttons = [...people.values()]
          .map(
            (p) =>
              `<button type="submit" name="login" value="${escapeHtml(p.login)}">Authorize as ${escapeHtml(p.login)}</button>`,
          )
          .join(' ');
        res
          .type('html')
          .send(
            `<!doctype html><title>Authorize application</title><h1>Authorize Magnolia</h1>` +
              `<form method="get" action="/login/oauth/authorize/approve">${hidden}${buttons}</form>` +
              `<form method="get" action="/login/oauth/authorize/approve">${hidden}<button name="deny" value="1">Cancel</button></form>`,
          );
        return true;
      }
      if (req.method === 'GET' && path === '/login/oauth/authorize/approve') {
        const q = req.query as Record<string, string>;
        const target = new URL(q.redirect_uri ?? '');
        if (q.state !== undefined) target.searchParams.set('state', q.state);
        if (q.deny) {
          target.searchParams.set('error', 'access_denied');
          target.searchParams.set('error_description', 'The user has denied your application access.');
        } else {
          const code = randomBytes(10).toString('hex');
          codes.set(code, {
            login: q.login ?? '',
            clientId: q.client_id ?? '',
            redirectUri: q.redirect_uri ?? '',
            challenge: q.code_challenge ?? '',
            scope: q.scope ?? '',
            used: false,
          });
          target.searchParams.set('code', code);
        }
        res.redirect(302, target.href);
        return true;
      }
      if (req.method === 'POST' && path === '/login/oauth/access_token') {
        const body = Object.fromEntries(new URLSearchParams(typeof req.body === 'string' ? req.body : '').entries());
        const answer = ((): Record<string, unknown> => {
          if (body.client_id !== clientId || body.client_secret !== clientSecret)
            return bad('incorrect_client_credentials', 'The client_id and/or client_secret passed are incorrect.');
          const code = codes.get(body.code ?? '');
          if (!code || code.used || code.clientId !== body.client_id)
            return bad('bad_verification_code', 'The code passed is incorrect or expired.');
          code.used = true;
          if (code.redirectUri !== body.redirect_uri)
            return bad('redirect_uri_mismatch', 'The redirect_uri MUST match the registered callback URL.');
          const challenge = createHash('sha256')
            .update(body.code_verifier ?? '')
            .digest('base64url');
          if (challenge !== code.challenge) return bad('bad_verification_code', 'The code_verifier does not match.');
          const token = `gho_${randomBytes(18).toString('hex')}`;
          issued.set(token, code.login);
          return { access_token: token, token_type: 'bearer', scope: code.scope };
        })();
        tokenRequests.push({ accept: req.header('accept') ?? null, body, answer });
        json(res, 200, answer);
        return true;
      }
      if (!path.startsWith(apiPrefix)) return false;
      const api = path.slice(apiPrefix.length);
      const login = viewer(req);
      if (req.method === 'GET' && api === '/user') {
        const person = login ? people.get(login.toLowerCase()) : undefined;
        if (!person) json(res, 401, { message: 'Bad credentials', status: '401' });
        else json(res, 200, { id: person.id, login: person.login, name: person.name, type: 'User' });
        return true;
      }
      if (req.method === 'GET' && api === '/user/memberships/orgs') {
        if (!login) json(res, 401, { message: 'Bad credentials', status: '401' });
        else
          json(
            res,
            200,
            (orgs.get(login.toLowerCase()) ?? []).map((m) => ({
              state: 'active',
              role: m.role,
              organization: { login: m.org },
            })),
          );
        return true;
      }
      const permission = /^\/repos\/([^/]+)\/([^/]+)\/collaborators\/([^/]+)\/permission$/.exec(api);
      if (req.method === 'GET' && permission && login) {
        const [owner, repo, who] = permission.slice(1).map(decodeURIComponent) as [string, string, string];
        const found = permissions.get(`${owner}/${repo}`.toLowerCase() + `:${who.toLowerCase()}`) ?? {
          permission: 'read',
          role_name: 'read',
        };
        json(res, 200, { ...found, user: { login: who } });
        return true;
      }
      return false;
    },
  };
  return oauth;
}
