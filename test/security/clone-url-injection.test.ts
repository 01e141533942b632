import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database.ts';
import { createStore } from '../../db/store.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { readConfig } from '../../kernel/config/read-config.ts';
import { createUpstreamWithHistory } from '../support/git-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { offlineEnv, temporaryDataDir } from '../support/offline-env.ts';

describe('clone URLs cannot run commands or carry credentials', () => {
  const dataDir = temporaryDataDir('injection');
  const marks = mkdtempSync(path.join(tmpdir(), 'magnolia-injection-marks-'));
  const env = offlineEnv(dataDir);
  const mark = (name: string) => path.join(marks, name);
  const uploadPack = (name: string) => `--upload-pack=touch ${mark(name)}; true`;
  const extHelper = (name: string) => `ext::sh -c touch% ${mark(name)}`;
  afterAll(() => {
    rmSync(marks, { recursive: true, force: true });
  });

  it('`project add` refuses an option or a remote helper as a clone URL, and git never runs it', async () => {
    const option = await runCli(['project', 'add', 'acme/evil', '--clone-url', uploadPack('add-option')], env);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain('starts with "-", which git would read as an option');
    const helper = await runCli(['project', 'add', 'acme/evil', '--clone-url', extHelper('add-ext')], env);
    expect(helper.code).toBe(1);
    expect(helper.stderr).toContain('names a git remote helper');
    expect(existsSync(mark('add-option'))).toBe(false);
    expect(existsSync(mark('add-ext'))).toBe(false);
    expect((await runCli(['project', 'list'], env)).stdout).toBe('');
  });

  it('`project add` refuses credentials in the URL, says what to use, and never prints them', async () => {
    for (const url of [
      'https://bob:p@ss-w0rd@127.0.0.1:9/acme/spec.git',
      'https://127.0.0.1:9/acme/spec.git?access_token=s3cr3t-t0ken-value',
    ]) {
      const added = await runCli(['project', 'add', 'acme/spec', '--clone-url', url], env);
      expect(added.code).toBe(1);
      expect(added.stderr).toContain('GITHUB_TOKEN');
      expect(added.stderr).toContain('credential helper');
      expect(added.stderr).not.toMatch(/p@ss-w0rd|ss-w0rd|s3cr3t-t0ken-value/);
    }
    expect((await runCli(['project', 'list'], env)).stdout).toBe('');
  });

  it('`sync` refuses a bad URL an older version stored, records why, and mirrors the others', async () => {
    const good = createUpstreamWithHistory(3, 'good');
    expect((await runCli(['project', 'add', 'acme/good', '--clone-url', good.bare], env)).code).toBe(0);
    const config = readConfig({ MAGNOLIA_DATA_DIR: dataDir, MAGNOLIA_DEMO: 'off' });
    const store = createStore(openDatabase(config.databaseFile));
    const plant = (id: number, name: string, cloneUrl: string) =>
      store.repositories.register({
        id,
        owner: 'acme',
        name,
        domain: null,
        cloneUrl,
        registeredAt: '2026-06-01T00:00:00Z',
      });
    plant(901, 'planted-option', uploadPack('sync-option'));
    plant(902, 'planted-ext', extHelper('sync-ext'));
    plant(903, 'planted-credential', 'https://bob:hunter2@127.0.0.1:9/acme/x.git');
    // Mirrored once, so `sync` starts with `git ls-remote <url>`, run from a checkout that has an origin (as an
    // operator running `npx magnolia sync` in a clone does): an unchecked URL there is git's --upload-pack.
    for (const id of [901, 902, 903])
      store.repositories.recordFetch(id, {
        headSha: null,
        mirrorBranch: null,
        commitCount: 0,
        at: '2026-06-01T00:00:00Z',
      });
    store.db.close();

    const synced = await runCli(['sync'], env, good.work);
    expect(synced.code).toBe(1);
    expect(synced.stderr).toMatch(/acme\/planted-option: failed: .*starts with "-".*Git was not run/);
    expect(synced.stderr).toMatch(/acme\/planted-ext: failed: .*remote helper.*Git was not run/);
    expect(synced.stderr).toMatch(/acme\/planted-credential: failed: .*carries a credential/);
    expect(synced.stderr).toMatch(/acme\/good: unchanged/);
    expect(synced.stderr).not.toContain('hunter2');
    expect(existsSync(mark('sync-option'))).toBe(false);
    expect(existsSync(mark('sync-ext'))).toBe(false);
    const listed = (await runCli(['project', 'list'], env)).stdout;
    expect(listed).toMatch(/^acme\/planted-option\t-\t0\t-\tfetch-error$/m);
    expect(listed).toMatch(/^acme\/good\t-\t3\t.{12}\tok$/m);
  });

  it('the runner lets git use only https, http, ssh, git and file transports, whatever the URL', async () => {
    // Below the URL check: the git environment itself refuses the ext transport, even where a configuration (here
    // given as GIT_CONFIG_* variables, as a user's ~/.gitconfig could) allows it.
    const allowExt = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'protocol.ext.allow', GIT_CONFIG_VALUE_0: 'always' };
    await expect(runGit(['ls-remote', '--', extHelper('runner-ext')], { env: allowExt })).rejects.toThrow(
      /transport 'ext' not allowed/,
    );
    expect(existsSync(mark('runner-ext'))).toBe(false);
  });
});
