import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startServeProcess } from '../support/run-cli.ts';

describe('magnolia CLI: users, tokens, serve', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'magnolia-cli-'));
  const env = { MAGNOLIA_DATA_DIR: dataDir, GITHUB_WEBHOOK_SECRET: 'cli-secret-123', MAGNOLIA_DEMO: 'off' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds a user, prints only the token on stdout, and the token opens the admin API of `serve`', async () => {
    expect((await runCli(['user', 'add', 'secretariat', '--role', 'admin'], env)).code).toBe(0);
    const created = await runCli(['token', 'create', 'secretariat'], env);
    expect(created.code).toBe(0);
    // mgn_ + 43 random base62 characters + a 6-character checksum (the shape secret scanners recognise).
    expect(created.stdout).toMatch(/^mgn_[A-Za-z0-9]{49}\n$/);
    const token = created.stdout.trim();

    const server = await startServeProcess(env);
    const { url } = server;
    expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ ok: true });
    const listed = await fetch(`${url}/api/admin/deliveries`, { headers: { authorization: `Bearer ${token}` } });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ deliveries: [] });

    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('shutting down');
    expect(server.output()).not.toContain(token);
  });

  it('says which port is taken instead of crashing', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as AddressInfo;
    try {
      const served = await runCli(['serve'], { ...env, PORT: String(port) });
      expect(served.code).toBe(1);
      expect(served.stderr).toContain(`127.0.0.1:${port} is already in use: set PORT to a free port`);
    } finally {
      blocker.close();
    }
  });

  it('explains bad input', async () => {
    const badRole = await runCli(['user', 'add', 'bob', '--role', 'king'], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('--role must be one of member, reviewer, secretariat, admin');
    const noUser = await runCli(['token', 'create', 'nobody'], env);
    expect(noUser.code).toBe(1);
    expect(noUser.stderr).toContain('user add nobody');
    expect(noUser.stdout).toBe('');
    const badConfig = await runCli(['user', 'list'], { ...env, LOG_LEVEL: 'loud' });
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr).toContain('LOG_LEVEL must be one of');
  });
});
