import { textReason } from '../maturity/in-english.ts';
import { existsSync, renameSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProject } from '../../sync/projects/register-project.ts';
import { BOB, createUpstreamWithHistory, type Upstream } from '../support/git-fixture.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

const offline = async () => ({ kind: 'unknown' as const, reason: textReason('GitHub is not reachable in tests') });

describe('an upstream that goes away after registration, and comes back', () => {
  let app: TestInstance;
  let upstream: Upstream;
  let id: number;
  const counts = () => ({
    commits: app.store.commits.count(id),
    refs: app.store.gitRefs.list(id),
    head: app.store.repositories.get(id)!.head_sha,
    commitCount: app.store.repositories.get(id)!.commit_count,
  });
  const localPaths = () => [upstream.bare, app.dataDir, app.store.repositories.get(id)!.mirror_path!];

  beforeAll(async () => {
    app = await startTestInstance();
    upstream = createUpstreamWithHistory(5, 'ledger');
    const { added } = await registerProject(
      {
        store: app.store,
        clock: app.clock,
        lookup: offline,
        fetch: app.sync.fetch,
        refreshMetadata: app.sync.refreshMetadata,
      },
      { fullName: 'lab/ledger', cloneUrl: upstream.bare },
    );
    id = added.id;
  });
  afterAll(() => app.destroy());

  it('never shows a path of this machine in the API or on the page while all is well', async () => {
    const api = (await (await fetch(`${app.url}/api/projects/lab/ledger`)).json()) as Record<string, any>;
    expect(api.mirror).toMatchObject({ cloneUrl: 'local repository', lastError: null });
    const page = await (await fetch(`${app.url}/projects/lab/ledger`)).text();
    for (const text of [JSON.stringify(api), page]) for (const p of localPaths()) expect(text).not.toContain(p);
  });

  it('records a clear error, writes nothing half-way, and keeps serving the last mirror', async () => {
    const before = counts();
    renameSync(upstream.bare, `${upstream.bare}.gone`);
    await expect(app.sync.reconcile(id)).rejects.toThrow(
      /git ls-remote from .* failed .*may be deleted, moved, private or offline: the mirror keeps what it had/s,
    );
    // A fetch (a push webhook, say) fails the same way and touches nothing either.
    await expect(app.sync.fetch(id)).rejects.toMatchObject({ code: 'upstream_unreachable' });
    expect(counts()).toEqual(before);
    const row = app.store.repositories.get(id)!;
    expect(row.last_fetch_error).toMatch(
      /^git fetch from .* failed \(exit 128\): fatal: .*does not appear to be a git repository/,
    );
    expect(existsSync(row.mirror_path!)).toBe(true);

    const response = await fetch(`${app.url}/api/projects/lab/ledger`);
    expect(response.status).toBe(200);
    const api = (await response.json()) as Record<string, any>;
    expect(api).toMatchObject({ commitCount: 5, headSha: before.head });
    expect(api.mirror.lastError).toMatch(
      /^git fetch from local repository failed .*'local repository' does not appear/,
    );
    const page = await (await fetch(`${app.url}/projects/lab/ledger`)).text();
    expect(page).toContain('最近一次镜像更新失败');
    for (const text of [JSON.stringify(api), page]) for (const p of localPaths()) expect(text).not.toContain(p);
  });

  it('recovers when the upstream is back: the error clears, and new commits arrive', async () => {
    renameSync(`${upstream.bare}.gone`, upstream.bare);
    // Nothing changed upstream, but the recorded error makes the reconcile fetch and clear it.
    expect(await app.sync.reconcile(id)).toMatchObject({ newCommits: 0 });
    expect(app.store.repositories.get(id)!.last_fetch_error).toBeNull();
    expect(await app.sync.reconcile(id)).toMatchObject({ unchanged: true });
    const sha = upstream.commit({ 'NEWS.md': '# Back\n' }, BOB, '2026-05-01T00:00:00Z');
    upstream.push();
    expect(await app.sync.reconcile(id)).toMatchObject({ newCommits: 1, headSha: sha });
    const api = (await (await fetch(`${app.url}/api/projects/lab/ledger`)).json()) as Record<string, any>;
    expect(api).toMatchObject({ commitCount: 6, headSha: sha, mirror: { lastError: null } });
  });
});
