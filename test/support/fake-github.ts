import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { createFakeOAuth, type FakeOAuth } from './fake-github-oauth.ts';

/** A user reference as REST payloads embed it. */
interface UserRef {
  login: string;
  type: string;
}

/** What a fake repository serves, in the demo community's (REST) shapes. */
export interface FakeRepositoryData {
  repository: { id: number; name: string; full_name: string; owner: { login: string } };
  releases?: readonly object[];
  contributors?: readonly object[];
  users?: readonly { login: string }[];
  issues?: readonly FakeIssue[];
  pullRequests?: readonly FakePullRequest[];
}

export interface FakeIssue {
  id: number;
  number: number;
  updated_at: string;
  user: UserRef;
  comment_list?: readonly object[];
}

export interface FakePullRequest extends FakeIssue {
  merged_at: string | null;
  merged_by: UserRef | null;
  head: { ref: string; sha?: string };
  reviews?: readonly object[];
  check_runs?: readonly object[];
}

/** A canned answer for the next matching request(s). */
export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** One request the fake saw (paths without the API prefix). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  ifNoneMatch: string | null;
  authorization: string | null;
  status: number;
}

export interface FakeGitHub {
  /** The API base to configure, e.g. `http://127.0.0.1:PORT/api/v3`. */
  apiUrl: string;
  /** The web base (GITHUB_URL for OAuth sign-in), e.g. `http://127.0.0.1:PORT`. */
  webUrl: string;
  /** The OAuth app, its people, their permissions and organisations. */
  oauth: FakeOAuth;
  requests: RecordedRequest[];
  addRepository(data: FakeRepositoryData): void;
  /** Renames or transfers: the old name answers 301 to `/repositories/{id}` from now on. */
  renameRepository(fullName: string, owner: string, name: string): void;
  deleteRepository(fullName: string): void;
  /** Answers the next requests whose `METHOD /path?query` (no prefix; `?` always present) matches with these, in order. */
  script(match: RegExp, ...responses: ScriptedResponse[]): void;
  /** When set, requests without `token <value>` or `bearer <value>` get 401. */
  requireToken: string | undefined;
  /** Remaining requests reported in `x-ratelimit-remaining` (304s do not count, as on GitHub). */
  rateLimitRemaining: number;
  close(): Promise<void>;
}

interface HeldRepository {
  data: FakeRepositoryData;
}

const sha = (n: number): string => createHash('sha1').update(`head-${n}`).digest('hex');

/**
 * A fake GitHub REST API on 127.0.0.1, port 0, under a GitHub Enterprise style prefix (`/api/v3`): the endpoints
 * the metadata refresh uses, with Link pagination, weak ETags and 304s, `x-ratelimit-*` headers, 301s after a
 * rename, and scripted failures.
 */
export async function startFakeGitHub(options: { prefix?: string } = {}): Promise<FakeGitHub> {
  const prefix = options.prefix ?? '/api/v3';
  const repos = new Map<number, HeldRepository>();
  const names = new Map<string, number>(); // lower-case full name → id, current names
  const formerNames = new Map<string, number>();
  const users = new Map<string, { login: string }>();
  const scripts: { match: RegExp; responses: ScriptedResponse[] }[] = [];
  const requests: RecordedRequest[] = [];
  let base = '';

  const oauth = createFakeOAuth(prefix);
  const fake: FakeGitHub = {
    apiUrl: '',
    webUrl: '',
    oauth,
    requests,
    requireToken: undefined,
    rateLimitRemaining: 5000,
    addRepository(data) {
      repos.set(data.repository.id, { data });
      names.set(data.repository.full_name.toLowerCase(), data.repository.id);
      for (const user of data.users ?? []) users.set(user.login.toLowerCase(), user);
    },
    renameRepository(fullName, owner, name) {
      const id = names.get(fullName.toLowerCase());
      const held = id === undefined ? undefined : repos.get(id);
      if (id === undefined || !held) throw new Error(`fake GitHub has no ${fullName}`);
      names.delete(fullName.toLowerCase());
      formerNames.set(fullName.toLowerCase(), id);
      const next = `${owner}/${name}`;
      held.data.repository = {
        ...held.data.repository,
        name,
        full_name: next,
        owner: { ...held.data.repository.owner, login: owner },
      };
      names.set(next.toLowerCase(), id);
    },
    deleteRepository(fullName) {
      const id = names.get(fullName.toLowerCase());
      if (id === undefined) throw new Error(`fake GitHub has no ${fullName}`);
      names.delete(fullName.toLowerCase());
      repos.delete(id);
    },
    script(match, ...responses) {
      scripts.push({ match, responses });
    },
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag'); // the fake computes GitHub-style ETags itself
  app.use(express.text({ type: 'application/x-www-form-urlencoded' }));
  app.use((req: Request, res: Response) => {
    const path = req.path.startsWith(prefix) ? req.path.slice(prefix.length) : req.path;
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    const record: RecordedRequest = {
      method: req.method,
      path,
      query,
      ifNoneMatch: req.header('if-none-match') ?? null,
      authorization: req.header('authorization') ?? null,
      status: 0,
    };
    requests.push(record);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      if (status !== 304) fake.rateLimitRemaining = Math.max(0, fake.rateLimitRemaining - 1);
      res.status(status).set({
        'x-github-request-id': `FAKE:${requests.length}`,
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(fake.rateLimitRemaining),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': 'core',
        ...headers,
      });
      if (body === undefined) res.end();
      else res.type('application/json; charset=utf-8').send(JSON.stringify(body));
    };

    // The OAuth app and what a user's own token reads (before the scripts and the portal-token check).
    if (oauth.handle(req, res, req.path)) {
      record.status = res.statusCode;
      return;
    }
    const target = `${req.method} ${path}?${query}`;
    const scripted = scripts.find((s) => s.match.test(target) && s.responses.length > 0);
    if (scripted) {
      const next = scripted.responses.shift()!;
      return send(next.status, next.body, next.headers);
    }
    if (fake.requireToken) {
      const auth = req.header('authorization') ?? '';
      if (auth !== `token ${fake.requireToken}` && auth !== `bearer ${fake.requireToken}`) {
        return send(401, {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        });
      }
    }
    const notFound = () =>
      send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });

    // A single object, or one page of a list, with an ETag and conditional answers.
    const answer = (body: unknown, extraHeaders: Record<string, string> = {}): void => {
      const text = JSON.stringify(body);
      const etag = `W/"${createHash('sha1').update(text).digest('hex')}"`;
      if (req.header('if-none-match') === etag) return send(304, undefined, { etag, ...extraHeaders });
      send(200, body, { etag, ...extraHeaders });
    };
    const page = (items: readonly unknown[]): void => {
      const perPage = Math.min(100, Number(req.query.per_page ?? 30) || 30);
      const current = Math.max(1, Number(req.query.page ?? 1) || 1);
      const last = Math.max(1, Math.ceil(items.length / perPage));
      const link = (n: number, rel: string) => {
        const url = new URL(`${base}${path}`);
        for (const [k, v] of new URLSearchParams(query)) url.searchParams.set(k, v);
        url.searchParams.set('page', String(n));
        return `<${url.href}>; rel="${rel}"`;
      };
      const links = [
        ...(current < last ? [link(current + 1, 'next'), link(last, 'last')] : []),
        ...(current > 1 ? [link(1, 'first'), link(current - 1, 'prev')] : []),
      ];
      answer(
        items.slice((current - 1) * perPage, current * perPage),
        links.length > 0 ? { link: links.join(', ') } : {},
      );
    };

    if (req.method !== 'GET') return send(405, { message: 'the fake serves GET only' });
    const user = /^\/users\/([^/]+)$/.exec(path);
    if (user) {
      const found = users.get(decodeURIComponent(user[1]!).toLowerCase());
      return found ? answer({ id: 1, type: 'User', ...found }) : notFound();
    }
    const byName = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
    let held: HeldRepository | undefined;
    let rest = '';
    if (byName) {
      // Clients percent-encode owner and name (a hostile name may hold "/" or "<"); GitHub decodes them.
      const fullName = `${decodeURIComponent(byName[1]!)}/${decodeURIComponent(byName[2]!)}`.toLowerCase();
      const id = names.get(fullName);
      if (id === undefined && formerNames.has(fullName)) {
        const location = `${base}/repositories/${formerNames.get(fullName)}${byName[3] ?? ''}${query ? `?${query}` : ''}`;
        return send(
          301,
          { message: 'Moved Permanently', url: location, documentation_url: 'https://docs.github.com/rest' },
          { location },
        );
      }
      held = id === undefined ? undefined : repos.get(id);
      rest = byName[3] ?? '';
    } else if (byId) {
      held = repos.get(Number(byId[1]));
      rest = byId[2] ?? '';
    }
    if (!held) return notFound();
    const data = held.data;
    const issueShape = (item: FakeIssue | FakePullRequest, isPull: boolean): Record<string, unknown> => {
      const {
        comment_list: _c,
        reviews: _r,
        check_runs: _k,
        merged_by: _m,
        head: _h,
        merged_at,
        ...fields
      } = item as FakePullRequest;
      return isPull
        ? {
            ...fields,
            pull_request: { url: `${base}/repos/${data.repository.full_name}/pulls/${item.number}`, merged_at },
          }
        : fields;
    };
    const pulls = data.pullRequests ?? [];
    const items: [FakeIssue | FakePullRequest, boolean][] = [
      ...(data.issues ?? []).map((i): [FakeIssue, boolean] => [i, false]),
      ...pulls.map((p): [FakePullRequest, boolean] => [p, true]),
    ];
    const byNumber = (n: string) => items.find(([i]) => i.number === Number(n));

    if (rest === '') return answer(data.repository);
    if (rest === '/releases') return page(data.releases ?? []);
    if (rest === '/contributors') return page(data.contributors ?? []);
    if (rest === '/issues') {
      const since = typeof req.query.since === 'string' ? req.query.since : undefined;
      const sorted = items
        .filter(([i]) => since === undefined || i.updated_at >= since)
        .sort(([a], [b]) => (a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : a.id - b.id));
      if (req.query.direction !== 'asc') sorted.reverse();
      return page(sorted.map(([i, isPull]) => issueShape(i, isPull)));
    }
    const comments = /^\/issues\/(\d+)\/comments$/.exec(rest);
    if (comments) {
      const item = byNumber(comments[1]!);
      return item ? page(item[0].comment_list ?? []) : notFound();
    }
    const pull = /^\/pulls\/(\d+)(\/reviews)?$/.exec(rest);
    if (pull) {
      const found = pulls.find((p) => p.number === Number(pull[1]));
      if (!found) return notFound();
      if (pull[2]) return page(found.reviews ?? []);
      const { comment_list: _c, reviews: _r, check_runs: _k, ...fields } = found;
      return answer({ ...fields, head: { ...found.head, sha: found.head.sha ?? sha(found.number) } });
    }
    const checks = /^\/commits\/([^/]+)\/check-runs$/.exec(rest);
    if (checks) {
      const found = pulls.find((p) => (p.head.sha ?? sha(p.number)) === checks[1]);
      if (!found)
        return send(422, { message: 'No commit found for SHA', documentation_url: 'https://docs.github.com/rest' });
      const runs = found.check_runs ?? [];
      return answer({
        total_count: runs.length,
        check_runs: runs.map((r, i) => ({ id: found.number * 1000 + i, ...r })),
      });
    }
    notFound();
  });

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`;
  fake.apiUrl = base;
  fake.webUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
