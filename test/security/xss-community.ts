// A community whose every field is hostile: one member project per vector, each with its own upstream git
// repository (hostile author, path, tag, message and folder), the fake GitHub's REST answers, signed webhook
// deliveries, reviewer and admin API calls, and finally a GitHub API error and a vanished upstream.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { addProject, isFullName } from '../../sync/projects/add-project.ts';
import { createUser } from '../maturity/maturity-users.ts';
import type { FakeGitHub } from '../support/fake-github.ts';
import { sendDelivery } from '../support/send-delivery.ts';
import type { TestInstance } from '../support/test-instance.ts';
import { gitTagName } from './xss-surfaces.ts';

const run = promisify(execFile);

/** One vector's project, as the surfaces fill it in. */
export interface HostileProject {
  nn: string;
  id: number;
  owner: string;
  initialName: string;
  marker: string;
  hostileName: string | null;
  repository: Record<string, unknown>;
  release: { tag_name: string; name: string | null; body: string | null };
  issueTitle: string;
  profile: { name: string | null };
  organisation: string | null;
  git: { authorName: string; subject: string; specPath: string; tag: string | null; upstreamDir: string };
  githubError: string | null;
  exemptionReason: string | null;
}

export interface HostileCommunity {
  cataloguePages: number;
  /** Project page path of each project (its final, hostile name). */
  projectPath(p: HostileProject): string;
  badgePath(p: HostileProject): string;
}

const day = (iso: string): string => `${iso}T10:00:00Z`;
const enc = encodeURIComponent;

/** A fresh project for vector `index`: harmless defaults the surfaces overwrite. */
export function blankProject(index: number): HostileProject {
  const nn = String(index).padStart(2, '0');
  const owner = `xss-${nn}`;
  return {
    nn,
    id: 70_000 + index,
    owner,
    initialName: `p${nn}`,
    marker: `zq${nn}x`,
    hostileName: null,
    repository: {
      id: 70_000 + index,
      node_id: `R_${nn}`,
      name: `p${nn}`,
      full_name: `${owner}/p${nn}`,
      owner: { login: owner, id: 80_000 + index, type: 'Organization' },
      description: `zq${nn}x`,
      homepage: null,
      topics: [],
      license: { key: 'mit', spdx_id: 'MIT', name: 'MIT License' },
      language: 'Go',
      default_branch: 'main',
      archived: false,
      fork: false,
      visibility: 'public',
      stargazers_count: 3,
      watchers_count: 3,
      subscribers_count: 1,
      forks_count: 1,
      open_issues_count: 1,
      created_at: day('2026-01-10'),
      pushed_at: day('2026-10-01'),
      updated_at: day('2026-10-01'),
    },
    release: { tag_name: 'v1.0.0', name: null, body: null },
    issueTitle: 'An issue',
    profile: { name: null },
    organisation: null,
    git: { authorName: `Dev ${nn}`, subject: 'Add the spec', specPath: 'protocol', tag: null, upstreamDir: 'repo' },
    githubError: null,
    exemptionReason: null,
  };
}

/** A payload as a relative path: "/" separates folders; empty, "." and ".." parts and over-long ones are tamed. */
export function asPath(payload: string): string {
  return payload
    .split('/')
    .filter((part) => part !== '')
    .map((part) => (part === '.' || part === '..' || part === '.git' ? `_${part}` : part))
    .map((part) => (Buffer.byteLength(part) > 200 ? part.slice(0, 60) : part))
    .join('/');
}

const rotation = (p: HostileProject): number => Number(p.nn) % 3;
const authorEmail = (p: HostileProject): string =>
  rotation(p) === 0 && p.organisation ? `dev${p.nn}@${p.organisation}` : `dev${p.nn}@gmail.com`;
// GitHub names hold only letters, digits, '.', '-' and '_': a rename to anything else is not followed (the
// project keeps its name), so the hostile name is sent but the project is addressed by the name it keeps.
const finalName = (p: HostileProject): string =>
  p.hostileName !== null && isFullName(`${p.owner}/${p.hostileName}`) ? p.hostileName : p.initialName;

// fast-import takes an identity as `name <email>`: neither may hold "<", ">" or a line break (git commit strips them
// too), so those characters are the only ones a hostile author loses.
const ident = (text: string): string => text.replace(/[<>\n]/g, '').trim() || 'x';
const quotePath = (file: string): string =>
  `"${file.replace(/[\\"]/g, '\\$&').replace(/[\x00-\x1f\x7f]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)}"`;
const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;

function gitWithInput(args: string[], cwd: string, input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args[0]}: ${stderr}`))));
    child.stdin.end(input);
  });
}

/** Writes the upstream (a bare repository in a hostile folder) in one fast-import; returns its folder. */
async function writeUpstream(root: string, p: HostileProject): Promise<string> {
  // A clone URL with a control character is refused at entry (kernel/git/validate-clone-url.ts): keep the rest.
  const dir = path.join(root, `u${p.nn}`, asPath(p.git.upstreamDir).replace(/[\x00-\x1f\x7f]/g, '_') || 'repo');
  mkdirSync(dir, { recursive: true });
  await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir]);
  const spec = `spec/${asPath(p.git.specPath) || 'x'}.md`;
  const author = `${ident(p.git.authorName)} <${ident(authorEmail(p))}>`;
  const specText =
    '# Protocol\n\nThe key words "MUST", "MUST NOT", "SHOULD" in this document are to be interpreted as described ' +
    'in BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all capitals.\n\n' +
    'A client MUST send a hello.\n\nA server MUST answer.\n\nBoth MUST close cleanly.\n';
  let stream = `blob\nmark :1\n${data(specText)}`;
  const times = ['2026-08-01', '2026-09-01', '2026-10-01'].map((d) => Date.parse(day(d)) / 1000);
  times.forEach((time, i) => {
    stream +=
      `commit refs/heads/main\nmark :${10 + i}\nauthor ${author} ${time} +0000\n` +
      `committer Upstream <upstream@example.org> ${time} +0000\n` +
      data(`${p.git.subject}\n\nSigned-off-by: Dev <dev@example.org>`) +
      (i > 0 ? `from :${9 + i}\n` : '') +
      `M 100644 inline README.md\n${data(`# ${p.initialName}\n\nRevision ${i}.\n`)}` +
      (i === 0 ? `M 100644 :1 ${quotePath(spec)}\n` : '') +
      '\n';
  });
  const tag = p.git.tag === null ? null : gitTagName(p.git.tag);
  if (tag)
    stream += `tag ${tag}\nfrom :12\ntagger Upstream <upstream@example.org> ${times[2]} +0000\n${data('release')}`;
  await gitWithInput(['fast-import', '--quiet'], dir, stream);
  return dir;
}

async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** Puts every project into the instance: REST, registration and backfill, webhooks, API calls, then breakage. */
export async function buildHostileCommunity(input: {
  inst: TestInstance;
  fake: FakeGitHub;
  root: string;
  projects: HostileProject[];
  modelTexts: { index: number; text: string }[];
}): Promise<HostileCommunity> {
  const { inst, fake, projects } = input;
  const upstreams = new Map<HostileProject, string>();
  await inParallel(projects, 4, async (p) => void upstreams.set(p, await writeUpstream(input.root, p)));

  for (const p of projects) {
    const login = `dev${p.nn}`;
    fake.addRepository({
      repository: p.repository as never,
      releases: [release(p)],
      contributors: [{ login, contributions: 3, type: 'User' }],
      users: [
        {
          login,
          type: 'User',
          name: p.profile.name,
          company: rotation(p) === 1 ? p.organisation : null,
          email: authorEmail(p),
        } as { login: string },
      ],
      issues: [issue(p)],
    });
  }
  await inParallel(projects, 3, async (p) => {
    // Registered, with the backfill queued; the webhooks below bring the hostile fields.
    const added = await addProject(
      { store: inst.store, clock: inst.clock, lookup: inst.sync.lookup },
      { fullName: `${p.owner}/${p.initialName}`, cloneUrl: upstreams.get(p)! },
    );
    // The backfill `project add` would run, queued (a rename to a name GitHub cannot have enqueues nothing).
    inst.sync.followUps.fetch(added.id);
    inst.sync.followUps.refresh(added.id);
  });

  // Webhooks: the hostile name arrives with a rename (the fake GitHub renames too, so REST agrees).
  await inParallel(projects, 4, async (p) => {
    const name = p.hostileName ?? p.initialName;
    // GitHub itself cannot hold such a name: only a forged delivery carries it, REST keeps the real one.
    if (name !== p.initialName && name === finalName(p))
      fake.renameRepository(`${p.owner}/${p.initialName}`, p.owner, name);
    const repository = { ...p.repository, name, full_name: `${p.owner}/${name}` };
    const sender = { login: 'octocat', id: 1, type: 'User' };
    const changes = { repository: { name: { from: p.initialName } } };
    for (const [event, payload] of [
      ['repository', { action: 'renamed', changes, repository, sender }],
      ['release', { action: 'published', release: release(p), repository, sender }],
      ['issues', { action: 'opened', issue: issue(p), repository, sender }],
    ] as const) {
      const sent = await sendDelivery(inst.url, event, payload);
      if (sent.status !== 202) throw new Error(`${event} delivery for ${p.owner}: ${sent.status}`);
    }
  });
  await inst.worker.drain();

  // Reviewer and admin input: exemption reasons, organisation corrections, the maturity model.
  const admin = createUser(inst.store, 'xss-admin', 'admin', inst.clock);
  const call = async (method: string, url: string, body: unknown, type = 'application/json') => {
    const res = await fetch(inst.url + url, {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': type },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  };
  await inParallel(projects, 4, async (p) => {
    const api = `/api/projects/${enc(p.owner)}/${enc(finalName(p))}/maturity`;
    if (p.exemptionReason !== null)
      await call('POST', `${api}/exemptions`, {
        signal: 'files.adopters',
        reason: `${p.exemptionReason} `.padEnd(3, '.'),
        expiresAt: '2027-06-30T00:00:00Z',
      });
    if (rotation(p) === 2 && p.organisation !== null && p.organisation.trim() !== '')
      await call('PUT', `/api/maturity/organisations/${enc(authorEmail(p))}`, { organisation: p.organisation });
  });
  if (input.modelTexts.length > 0)
    await call('PUT', '/api/maturity/model', hostileModel(input.modelTexts), 'text/yaml');
  await inst.worker.drain();

  // Breakage last: a GitHub error whose message is the payload, and an upstream that vanished.
  await inParallel(projects, 4, async (p) => {
    if (p.githubError !== null) {
      const answer = { status: 502, body: { message: p.githubError } };
      fake.script(new RegExp(`^GET /(repos/${p.owner}/|repositories/${p.id}[/?])`), answer, answer, answer, answer);
      await inst.sync.refreshMetadata(p.id);
    }
    const dir = upstreams.get(p)!;
    renameSync(dir, `${dir}.gone`);
    await inst.sync.fetch(p.id).catch(() => undefined);
  });
  return {
    cataloguePages: Math.ceil(inst.store.repositories.listMembers().length / 20),
    projectPath: (p) => `/projects/${enc(p.owner)}/${enc(finalName(p))}`,
    badgePath: (p) => `/badge/${enc(p.owner)}/${enc(finalName(p))}.svg`,
  };
}

function release(p: HostileProject) {
  return {
    id: p.id * 10,
    target_commitish: 'main',
    draft: false,
    prerelease: false,
    created_at: day('2026-10-02'),
    published_at: day('2026-10-02'),
    author: { login: `dev${p.nn}`, id: 1, type: 'User' },
    assets: [],
    ...p.release,
  };
}

function issue(p: HostileProject) {
  return {
    id: p.id * 100,
    number: 1,
    title: p.issueTitle,
    user: { login: `dev${p.nn}`, id: 1, type: 'User' },
    author_association: 'MEMBER',
    labels: [],
    state: 'open',
    comments: 0,
    created_at: day('2026-10-03'),
    updated_at: day('2026-10-03'),
    closed_at: null,
    comment_list: [],
  };
}

/** The default model with hostile texts in signal titles, then descriptions, then formulas. */
function hostileModel(texts: { index: number; text: string }[]): string {
  const file = new URL('../../content/maturity/model.yml', import.meta.url);
  const model = YAML.parse(readFileSync(file, 'utf8')) as {
    signals: Record<'title' | 'description' | 'formula', { en: string; zh: string }>[];
  };
  const n = model.signals.length;
  for (const { index, text } of texts) {
    const field = (['title', 'description', 'formula'] as const)[Math.floor(index / n) % 3]!;
    const slot = model.signals[index % n]![field];
    slot.en = `${slot.en} ${text}`;
    slot.zh = `${slot.zh} ${text}`;
  }
  return YAML.stringify(model);
}

/** Waits until the search index (rebuilt in a worker thread after writes) finds `word`. */
export async function waitForSearch(portalUrl: string, word: string, timeoutMs = 30_000): Promise<void> {
  const found = async () =>
    ((await (await fetch(`${portalUrl}/api/search?q=${word}`)).json()) as { results: unknown[] }).results.length > 0;
  for (const until = Date.now() + timeoutMs; !(await found());) {
    if (Date.now() > until) throw new Error(`the search index did not pick up "${word}" in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
