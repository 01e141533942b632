import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BOB, createUpstreamWithHistory } from '../support/git-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { offlineEnv, temporaryDataDir } from '../support/offline-env.ts';

describe('magnolia project and sync commands', () => {
  const dataDir = temporaryDataDir('project-cli');
  const env = offlineEnv(dataDir);
  const upstream = createUpstreamWithHistory(9, 'codec');

  it('adds a project from a local bare upstream and lists it', async () => {
    const added = await runCli(['project', 'add', 'acme/codec', '--clone-url', upstream.bare, '--domain', 'iot'], env);
    expect(added.stderr).toContain('9 commits indexed');
    expect(added.stderr).toMatch(/metadata unknown: .+/);
    expect(added.code).toBe(0);
    expect(added.stdout).toBe('acme/codec\n');
    const again = await runCli(['project', 'add', 'acme/codec', '--clone-url', upstream.bare], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already a member');
    const listed = await runCli(['project', 'list'], env);
    expect(listed.stdout).toBe(`acme/codec\tiot\t9\t${upstream.head().slice(0, 12)}\tok\n`);
  });

  it('`sync` catches a push that no webhook announced, with plain progress lines outside a terminal', async () => {
    upstream.commit({ 'CHANGELOG.md': '# 1.1\n' }, BOB, '2026-05-01T00:00:00Z');
    upstream.push();
    const synced = await runCli(['sync'], env);
    expect(synced.code).toBe(0);
    expect(synced.stderr).toMatch(/^\[1\/1\] acme\/codec: 1 new commit, 1 ref changed; metadata unknown$/m);
    const listed = await runCli(['project', 'list'], env);
    expect(listed.stdout).toContain(`acme/codec\tiot\t10\t${upstream.head().slice(0, 12)}`);
    // The project was evaluated at the new head, so its page and the API show the push at once.
    const db = new Database(path.join(dataDir, 'magnolia.sqlite'), { readonly: true });
    try {
      const result = db.prepare('SELECT commit_sha FROM maturity_results').get() as { commit_sha: string };
      expect(result.commit_sha).toBe(upstream.head());
    } finally {
      db.close();
    }
    const unchanged = await runCli(['sync', 'acme/codec'], env);
    expect(unchanged.stderr).toContain('unchanged');
  });

  it('explains bad input and removes a project', async () => {
    expect((await runCli(['project', 'add', 'not a name'], env)).stderr).toContain('is not <owner>/<repo>');
    expect((await runCli(['sync', 'acme/nothing'], env)).stderr).toContain('is not a member project');
    expect((await runCli(['project', 'remove', 'acme/codec'], env)).code).toBe(0);
    expect((await runCli(['project', 'list'], env)).stdout).toBe('');
  });
});
