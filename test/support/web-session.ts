// A signed-in visitor without a browser: a cookie jar, the session's CSRF token, and requests sent as the portal's
// own pages send them (Origin of the portal, the `_csrf` field or `x-csrf-token` header).
import type { FakeGitHub } from './fake-github.ts';

/** Cookies by name, from Set-Cookie headers (an expired or empty one removes its cookie). */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** A visitor of one portal: GETs and form posts with its cookies. */
export interface WebSession {
  jar: CookieJar;
  /** The session cookie's value (`s:<id>.<signature>`), or undefined when signed out. */
  sid(): string | undefined;
  csrf: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A form post from the portal's own page (Origin and CSRF token unless overridden). */
  post(path: string, form?: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  /** A JSON request with the cookies, Origin and `x-csrf-token`. */
  json(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Reads the CSRF token from /account (after a sign-in). */
  refreshCsrf(): Promise<string>;
}

export function webSession(base: string): WebSession {
  const jar = new CookieJar();
  const send = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const res = await fetch(path.startsWith('http') ? path : `${base}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { cookie: jar.header(), ...(init.headers as Record<string, string>) },
    });
    jar.take(res);
    return res;
  };
  const session: WebSession = {
    jar,
    sid: () => jar.cookies.get('magnolia.sid'),
    csrf: '',
    get: (path, headers = {}) => send(path, { headers }),
    post: (path, form = {}, headers = {}) =>
      send(path, {
        method: 'POST',
        headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ _csrf: session.csrf, ...form }).toString(),
      }),
    json: (method, path, body, headers = {}) =>
      send(path, {
        method,
        headers: {
          origin: base,
          'x-csrf-token': session.csrf,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    async refreshCsrf() {
      const res = await send('/account');
      const html = await res.text();
      session.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
      return session.csrf;
    },
  };
  return session;
}

/**
 * Signs in through the fake GitHub's OAuth app as `login`: /auth/github → the authorize page → approve → the
 * callback. Returns the callback's answer (303 to `next` when it worked).
 */
export async function signInWithGitHub(
  session: WebSession,
  fake: FakeGitHub,
  login: string,
  next = '/',
): Promise<Response> {
  const start = await session.get(`/auth/github?${new URLSearchParams({ next })}`);
  if (start.status !== 303) throw new Error(`/auth/github answered ${start.status}: ${await start.text()}`);
  const approved = await fetch(fake.oauth.approveUrl(start.headers.get('location')!, login), { redirect: 'manual' });
  const callback = approved.headers.get('location')!;
  const res = await session.get(callback);
  if (res.status === 303) await session.refreshCsrf();
  return res;
}

/** Signs in as a demo person (the instance must offer the demo sign-in). */
export async function signInAsDemo(session: WebSession, login: string, next = '/'): Promise<Response> {
  const res = await session.post('/auth/demo', { login, next });
  if (res.status === 303) await session.refreshCsrf();
  return res;
}
