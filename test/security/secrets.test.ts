// Secrets (issue 9): the real `magnolia serve` and CLI, as child processes, with a fake GitHub token, webhook
// secrets, a session secret and an API token, driven through every error path we can provoke (bad signatures, bad
// JSON, 404s, GitHub 500/401/403 rate limits, an upstream that vanishes, a clone that fails with the token in git's
// configuration, malformed URLs, CLI input errors, LOG_LEVEL=trace). Then every log line, page, API answer, every
// text cell of the SQLite file, the raw bytes of the database, its WAL and every file of the data dir (the
// mirrors' git configs among them) are scanned for each secret and its obvious encodings.
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHmac, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPortUrl } from '../github/github-harness.ts';
import { demoMetadata } from '../github/metadata-fixture.ts';
import { startFakeGitHub, type FakeGitHub, type FakeRepositoryData } from '../support/fake-github.ts';
import { createUpstreamWithHistory } from '../support/git-fixture.ts';
import { runCli, startServeProcess, type ServeProcess } from '../support/run-cli.ts';
import { createScanner, type Secret } from './secret-scan.ts';

const TOKEN = 'ghp_T0kenF4ke9q8W7e6R5t4Y3u2I1o0PaSdFgH';
const WEBHOOK_SECRET = 'whsec-9f/Te5t+Secret=Value!Zq';
const PREVIOUS_SECRET = 'whsec-old/Pr3vious+Secret=Kx';
const SESSION_SECRET = 'sess-Rand0m/Secret+Value&Mg7Kp2';

let fake: FakeGitHub;
let dataDir: string;
let env: Record<string, string>;
let serve: ServeProcess | undefined;
let apiToken = '';
const outputs: { where: string; text: string }[] = [];
const answers: { where: string; text: string }[] = [];

const cli = async (...args: string[]) => {
  const run = await runCli(args, env);
  outputs.push({ where: `magnolia ${args.join(' ')} (exit ${run.code})`, text: `${run.stdout}\n${run.stderr}` });
  return run;
};
const call = async (method: string, url: string, init: { headers?: Record<string, string>; body?: string } = {}) => {
  const res = await fetch(serve!.url + url, {
    method,
    headers: { accept: 'text/html', ...init.headers },
    body: init.body,
    redirect: 'manual',
  });
  const text = `${res.status}\n${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${await res.text()}`;
  answers.push({ where: `${method} ${url} → ${res.status}`, text });
  return res.status;
};
const deliver = (
  event: string,
  payload: unknown,
  o: { secret?: string; body?: string; headers?: Record<string, string> } = {},
) => {
  const body = o.body ?? JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', o.secret ?? WEBHOOK_SECRET)
    .update(body)
    .digest('hex')}`;
  const headers = {
    'content-type': 'application/json',
    'x-github-event': event,
    'x-github-delivery': randomUUID(),
    'x-hub-signature-256': signature,
    ...o.headers,
  };
  return call('POST', '/webhooks/github', { headers, body });
};
const repo = (id: number, name: string): FakeRepositoryData => ({
  repository: { ...demoMetadata().repository, id, name, full_name: `acme/${name}`, owner: { login: 'acme' } },
});
const forever = <T>(answer: T): T[] => Array.from({ length: 60 }, () => answer);

/** Waits until no job is running or due (failed jobs wait for their backoff: they have been tried). */
async function jobsSettled(databaseFile: string): Promise<void> {
  for (let quiet = 0, until = Date.now() + 45_000; quiet < 2;) {
    if (Date.now() > until) throw new Error('jobs did not settle in 45 s');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const db = new Database(databaseFile, { readonly: true });
    const busy = db
      .prepare(`SELECT count(*) FROM jobs WHERE state = 'running' OR (state = 'pending' AND run_at <= ?)`)
      .pluck()
      .get(Date.now()) as number;
    db.close();
    quiet = busy === 0 ? quiet + 1 : 0;
  }
}

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.requireToken = TOKEN;
  fake.addRepository(demoMetadata()); // acme/widget
  for (const [id, name] of [
    [9101, 'err500'],
    [9102, 'err401'],
    [9103, 'err403'],
    [9104, 'ghdefault'],
    [9105, 'gone'],
  ] as const)
    fake.addRepository(repo(id, name));
  fake.script(/^GET \/repos\/acme\/err500[/?]/, ...forever({ status: 500, body: { message: 'Server Error' } }));
  fake.script(/^GET \/repos\/acme\/err401[/?]/, ...forever({ status: 401, body: { message: 'Bad credentials' } }));
  const reset = String(Math.floor(Date.now() / 1000) + 3600);
  fake.script(
    /^GET \/repos\/acme\/err403[/?]/,
    ...forever({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { message: 'API rate limit exceeded for user ID 1.' },
    }),
  );
  const upstream = createUpstreamWithHistory(6, 'widget');
  const doomed = createUpstreamWithHistory(3, 'gone');
  dataDir = mkdtempSync(path.join(tmpdir(), 'magnolia-secrets-'));
  env = {
    MAGNOLIA_DATA_DIR: dataDir,
    MAGNOLIA_DEMO: 'off',
    MAGNOLIA_RECONCILE_MINUTES: '0',
    GITHUB_TOKEN: TOKEN,
    GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
    GITHUB_WEBHOOK_SECRET_PREVIOUS: PREVIOUS_SECRET,
    MAGNOLIA_SESSION_SECRET: SESSION_SECRET,
    GITHUB_API_URL: fake.apiUrl,
    // An https forge on a closed port: default clone URLs get the token through git's configuration, and fail.
    GITHUB_URL: (await closedPortUrl()).replace(/^http:/, 'https:').replace(/\/api\/v3$/, ''),
    LOG_LEVEL: 'trace',
  };

  // The CLI: set-up, then bad input and failing work.
  await cli('user', 'add', 'root', '--role', 'admin');
  apiToken = (await cli('token', 'create', 'root')).stdout.trim();
  for (const name of ['widget', 'err500', 'err401', 'err403'])
    await cli('project', 'add', `acme/${name}`, '--clone-url', upstream.bare);
  await cli('project', 'add', 'acme/gone', '--clone-url', doomed.bare);
  await Promise.all([
    cli('project', 'add', 'acme/ghdefault'),
    cli('project', 'add', 'not a name'),
    cli('project', 'add', 'acme/nope'),
    cli('project', 'add', 'acme/widget', '--clone-url', upstream.bare),
    cli('project', 'add', 'acme/x', '--domain', 'Bad Domain'),
    cli('sync', 'acme/unknown'),
    cli('draft', '--repo', path.join(dataDir, 'nowhere'), '--ref', 'main', 'spec.md'),
  ]);
  renameSync(doomed.bare, `${doomed.bare}.vanished`);
  await cli('sync');
  await cli('maturity', 'evaluate');

  // The server.
  serve = await startServeProcess(env);
  const admin = { authorization: `Bearer ${apiToken}` };
  const sender = { login: 'octocat', id: 1, type: 'User' };
  const repository = (id: number, name: string) => ({ ...repo(id, name).repository, owner: { login: 'acme', id: 77 } });
  const push = (id: number, name: string) => ({
    ref: 'refs/heads/main',
    before: '0'.repeat(40),
    after: '1'.repeat(40),
    repository: repository(id, name),
    sender,
  });
  await deliver('ping', { zen: 'Keep it logically awesome.', hook_id: 1 });
  await deliver('ping', { zen: 'rotated' }, { secret: PREVIOUS_SECRET });
  await deliver('ping', {}, { secret: 'not-the-secret' });
  await deliver('ping', {}, { headers: { 'x-hub-signature-256': '' } });
  await deliver('ping', {}, { headers: { 'x-hub-signature-256': '', 'x-hub-signature': 'sha1=0000' } });
  await deliver('ping', undefined, { body: '{"not json' });
  await deliver('ping', {}, { headers: { 'x-github-event': '' } });
  await deliver('ping', {}, { headers: { 'content-type': 'text/plain' } });
  await deliver('ping', undefined, {
    body: 'payload=%7B%22zen%22%3A1%7D',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  await deliver('ping', undefined, {
    body: 'payload=%7Bbad',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  await deliver('repository', { action: 'edited', repository: repository(9001, 'widget'), sender });
  for (const [id, name] of [
    [9101, 'err500'],
    [9102, 'err401'],
    [9103, 'err403'],
  ] as const)
    await deliver('repository', { action: 'edited', repository: repository(id, name), sender });
  await deliver('push', push(9104, 'ghdefault'));
  await deliver('push', push(9105, 'gone'));
  for (const url of [
    '/',
    '/projects',
    '/projects/acme/widget',
    '/projects/acme/gone',
    '/projects/acme/nope',
    '/nope',
    '/%E0%A4%A',
    '/projects/%E0%A4%A/x',
    '//evil.example/x',
    `/search?q=widget`,
    '/badge/acme/widget.svg',
    '/healthz',
    '/api/projects',
    '/api/projects/acme/widget',
    '/api/projects/acme/gone',
    '/api/projects/acme/ghdefault',
    '/api/projects/acme/err401/maturity',
    '/api/search?q=widget',
    '/api/nope',
  ])
    await call('GET', url);
  await call('GET', '/', { headers: { cookie: 'lang=%E0%A4%A' } });
  // A client that puts the token in a query string: request logs keep the path only.
  await call('GET', `/api/projects?access_token=${TOKEN}`);
  await call('GET', '/api/admin/deliveries');
  await call('GET', '/api/admin/deliveries', {
    headers: { authorization: 'Bearer mgn_not-a-token-at-all-000000000000' },
  });
  await call('GET', '/api/admin/deliveries', { headers: { authorization: `Bearer ${TOKEN}` } });
  await call('PUT', '/api/maturity/model', { headers: { ...admin, 'content-type': 'text/yaml' }, body: 'levels: [' });
  await call('POST', '/api/projects/acme/widget/maturity/exemptions', {
    headers: { ...admin, 'content-type': 'application/json' },
    body: '{"signal":1',
  });
  await jobsSettled(path.join(dataDir, 'magnolia.sqlite'));
  await call('GET', '/api/admin/deliveries?limit=100', { headers: admin });
  for (const url of [
    '/projects/acme/gone',
    '/projects/acme/ghdefault',
    '/projects/acme/err401',
    '/projects/acme/err403',
    '/projects/acme/err500',
  ])
    await call('GET', url);
}, 240_000);

afterAll(async () => {
  await serve?.stop();
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('secrets', () => {
  const secrets = (): Secret[] => [
    { name: 'GITHUB_TOKEN', value: TOKEN },
    { name: 'GITHUB_WEBHOOK_SECRET', value: WEBHOOK_SECRET },
    { name: 'GITHUB_WEBHOOK_SECRET_PREVIOUS', value: PREVIOUS_SECRET },
    { name: 'MAGNOLIA_SESSION_SECRET', value: SESSION_SECRET },
    { name: 'API token', value: apiToken },
  ];

  it('provoked the error paths it claims to (the scan below is not vacuous)', () => {
    const logs = outputs.map((o) => o.text).join('\n') + serve!.output();
    expect(apiToken).toMatch(/^mgn_/);
    expect(fake.requests.some((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(answers.filter((a) => a.where.startsWith('POST /webhooks/github → 202'))).toHaveLength(9);
    expect(answers.some((a) => a.where.startsWith('POST /webhooks/github → 401'))).toBe(true);
    expect(answers.some((a) => a.where.startsWith('POST /webhooks/github → 400'))).toBe(true);
    for (const expected of [
      'Bad credentials',
      'rate limit',
      'GitHub API answered 500',
      'is not <owner>/<repo>',
      'already a member',
    ]) {
      expect(logs, expected).toContain(expected);
    }
    // LOG_LEVEL=trace: nothing logs at trace yet, so the debug lines (GitHub requests, job ends) are the most verbose.
    expect(logs).toMatch(/"level":20/);
    expect(logs).toMatch(/gone\.git|does not appear to be a git repository/);
    expect(logs).toMatch(/ghdefault|Failed to connect/);
  });

  it('the scanner finds a secret in each form it claims (control)', () => {
    const scanner = createScanner(secrets());
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
    scanner.scan('basic', `Authorization: Basic ${basic}`);
    scanner.scan('url', `https://h/?s=${encodeURIComponent(WEBHOOK_SECRET)}`);
    scanner.scan('b64url', Buffer.from(`ab${SESSION_SECRET}`).toString('base64url'));
    scanner.scan('hex', Buffer.from(PREVIOUS_SECRET).toString('hex'));
    scanner.scan('json', JSON.stringify({ t: apiToken }));
    // The base64 of "x-access-token:" + token, the URL-encoded secret, base64url at an odd offset, hex, JSON.
    expect(
      scanner.findings.map((f) => /^([A-Z_]+|API token) \(.*\) in (\w+):/.exec(f)?.slice(1, 3).join(' in ')),
    ).toEqual([
      'GITHUB_TOKEN in basic',
      'GITHUB_WEBHOOK_SECRET in url',
      'MAGNOLIA_SESSION_SECRET in b64url',
      'GITHUB_WEBHOOK_SECRET_PREVIOUS in hex',
      'API token in json',
    ]);
  });

  it('no secret in any log line, page, API answer, database cell, database or WAL byte, or data file', async () => {
    const scanner = createScanner(secrets());
    let logLines = 0;
    for (const o of outputs) {
      const token = o.where.startsWith('magnolia token create');
      // `token create` prints the new token on stdout by design; its stderr and every other output are scanned.
      scanner.scan(o.where, token ? o.text.replace(apiToken, '') : o.text);
      logLines += o.text.split('\n').length;
    }
    const databaseFile = path.join(dataDir, 'magnolia.sqlite');
    const live = scanner.scanTree(dataDir); // the database, its WAL and shm, mirrors (git configs), search index
    const cells = scanner.scanDatabase(databaseFile);
    const served = serve!.output();
    scanner.scan('magnolia serve stdout and stderr', served);
    logLines += served.split('\n').length;
    for (const a of answers) scanner.scan(a.where, a.text);
    await serve!.stop();
    serve = undefined;
    const stopped = scanner.scanTree(dataDir);
    console.log(
      `secrets scan: ${secrets().length} secrets in ${scanner.needleCount} forms; ${outputs.length} CLI runs and the ` +
        `server: ${logLines} log lines; ${answers.length} pages and API answers; ${cells.tables} tables, ` +
        `${cells.cells} text cells; data dir while serving ${live.files} files ${live.bytes} bytes, after stop ` +
        `${stopped.files} files; findings ${scanner.findings.length}`,
    );
    expect(scanner.findings).toEqual([]);
  });
});
