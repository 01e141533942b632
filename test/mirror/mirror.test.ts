import { textReason } from '../maturity/in-english.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProject } from '../../sync/projects/add-project.ts';
import { ALICE, BOB, CAROL, createUpstreamWithHistory, type Upstream } from '../support/git-fixture.ts';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

const offline = async () => ({ kind: 'unknown' as const, reason: textReason('GitHub is not reachable in tests') });

describe('git mirror', () => {
  let app: TestInstance;
  let upstream: Upstream;
  let id: number;

  beforeAll(async () => {
    app = await startTestInstance();
    upstream = createUpstreamWithHistory(12, 'protocol');
    const added = await addProject(
      { store: app.store, clock: app.clock, lookup: offline },
      { fullName: 'acme/protocol', cloneUrl: upstream.url, domain: 'iot' },
    );
    id = added.id;
    expect(added.provisional).toBe(true);
    await app.sync.fetch(id);
  });
  afterAll(() => app.destroy());

  const commitShas = () =>
    app.store.db.prepare('SELECT sha FROM commits WHERE repository_id = ? ORDER BY sha').pluck().all(id) as string[];

  it('backfills the history: commits, authors, trailers, refs, head and counts', () => {
    const row = app.store.repositories.get(id)!;
    expect(row.head_sha).toBe(upstream.head());
    expect(row.commit_count).toBe(12);
    expect(app.store.commits.count(id)).toBe(12);
    expect(app.store.commits.contributorCount(id)).toBe(3);
    const first = app.store.db
      .prepare('SELECT * FROM commits WHERE repository_id = ? ORDER BY author_time LIMIT 1')
      .get(id) as Record<string, string>;
    expect(first).toMatchObject({
      author_name: ALICE.name,
      author_email: ALICE.email,
      subject: 'Revise the protocol (0)',
    });
    expect(JSON.parse(first.signed_off_by!)).toEqual([`${ALICE.name} <${ALICE.email}>`]);
    const refs = app.store.gitRefs.list(id);
    expect(refs.map((r) => r.name)).toEqual(['refs/heads/main', 'refs/tags/v1.0.0']);
    expect(refs[1]).toMatchObject({ kind: 'tag', commitSha: upstream.head() });
    expect(refs[1]!.sha).not.toBe(upstream.head()); // annotated: the ref points at the tag object
  });

  it('a signed push webhook fetches the new commit, and the fetch indexes only what is new', async () => {
    // The project learns its GitHub id from the first delivery (it was registered offline).
    const sha = upstream.commit(
      { 'spec/protocol.md': '# Protocol\n\nA server SHOULD answer.\n' },
      BOB,
      '2026-04-01T10:00:00Z',
    );
    upstream.push();
    const sent = await sendDelivery(app.url, 'push', {
      ref: 'refs/heads/main',
      after: sha,
      repository: { id: 31337, name: 'protocol', full_name: 'acme/protocol', owner: { login: 'acme' } },
    });
    expect(sent.status).toBe(202);
    await app.worker.drain();
    id = 31337;
    const row = app.store.repositories.get(id)!;
    expect(row.head_sha).toBe(sha);
    expect(row.head_sha).toBe(upstream.head());
    expect(app.store.commits.count(id)).toBe(13);
    const fetchJob = app.store.db
      .prepare(`SELECT state FROM jobs WHERE kind = 'fetch' AND subject = '31337'`)
      .pluck()
      .get();
    expect(fetchJob).toBe('done');

    const next = upstream.commit({ 'README.md': 'more\n' }, CAROL, '2026-04-02T10:00:00Z');
    upstream.push();
    const outcome = await app.sync.fetch(id);
    expect(outcome).toMatchObject({ cloned: false, newCommits: 1, removedCommits: 0, headSha: next });
  });

  it('mirrors a force-push and a deleted branch, and forgets commits nobody reaches', async () => {
    upstream.git('checkout', '-q', '-b', 'draft');
    const onBranch = upstream.commit({ 'draft.md': 'wip\n' }, CAROL, '2026-04-03T10:00:00Z');
    upstream.push('draft');
    upstream.git('checkout', '-q', 'main');
    await app.sync.fetch(id);
    expect(app.store.gitRefs.list(id).map((r) => r.name)).toContain('refs/heads/draft');
    expect(commitShas()).toContain(onBranch);

    // Rewrite the last commit of main and force-push; delete the draft branch.
    const before = upstream.head();
    upstream.git('reset', '-q', '--hard', 'HEAD~1');
    const rewritten = upstream.commit({ 'README.md': 'rewritten\n' }, ALICE, '2026-04-04T10:00:00Z');
    upstream.push('--force', 'main');
    upstream.push('--delete', 'draft');
    const outcome = await app.sync.fetch(id);
    expect(outcome.headSha).toBe(rewritten);
    expect(outcome.removedCommits).toBe(2);
    expect(app.store.gitRefs.list(id).map((r) => r.name)).toEqual(['refs/heads/main', 'refs/tags/v1.0.0']);
    expect(commitShas()).not.toContain(before);
    expect(commitShas()).not.toContain(onBranch);
    expect(commitShas()).toContain(rewritten);
    expect(app.store.repositories.get(id)!.commit_count).toBe(14);
  });

  it('reconcile catches a change no webhook announced, and skips the fetch when nothing changed', async () => {
    expect(await app.sync.reconcile(id)).toMatchObject({ unchanged: true });
    const missed = upstream.commit({ 'spec/new.md': '# New\n' }, BOB, '2026-04-05T10:00:00Z');
    upstream.git('tag', 'v1.1.0');
    upstream.push('main', '--tags');
    const outcome = await app.sync.reconcile(id);
    expect(outcome).toMatchObject({ newCommits: 1, headSha: missed });
    expect(app.store.gitRefs.list(id).map((r) => r.name)).toContain('refs/tags/v1.1.0');
  });

  it('records a failing fetch with a redacted message and keeps what it had', async () => {
    // A credential in a clone URL is refused at entry; a row an older version stored is refused before git runs.
    const token = 'ghp_' + 'S3cr3tT0k3nValue1234567890abcdef';
    const input = { fullName: 'acme/broken', cloneUrl: `https://x-access-token:${token}@127.0.0.1:9/acme/broken.git` };
    await expect(addProject({ store: app.store, clock: app.clock, lookup: offline }, input)).rejects.toThrow(
      /carries a credential/,
    );
    app.store.repositories.register({
      id: 4242,
      owner: 'acme',
      name: 'broken',
      domain: null,
      cloneUrl: input.cloneUrl,
      registeredAt: '2026-06-01T00:00:00Z',
    });
    await expect(app.sync.fetch(4242)).rejects.toThrow(/carries a credential.*Git was not run/);
    const row = app.store.repositories.get(4242)!;
    expect(row.last_fetch_error).toContain('"https://127.0.0.1:9/acme/broken.git" carries a credential');
    expect(row.last_fetch_error).not.toContain(token);
    expect(app.logs()).not.toContain(token);
    const api = await (await fetch(`${app.url}/api/projects/acme/broken`)).text();
    expect(api).not.toContain(token);

    // A clone git itself fails: the message says which upstream and what git said.
    const unreachable = await addProject(
      { store: app.store, clock: app.clock, lookup: offline },
      { fullName: 'acme/unreachable', cloneUrl: 'https://127.0.0.1:9/acme/unreachable.git' },
    );
    await expect(app.sync.fetch(unreachable.id)).rejects.toThrow(/git clone from https:\/\/127\.0\.0\.1:9/);
    expect(app.store.repositories.get(unreachable.id)!.last_fetch_error).toMatch(
      /may be deleted, moved, private or offline/,
    );
    expect(app.store.repositories.get(id)!.last_fetch_error).toBeNull();
  });
});
