import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, createFixtureRepo, type FixtureRepo } from '../draft/fixture-repo.ts';
import { runCli, type CliRun } from '../support/run-cli.ts';
import { mountSmallTmpfs } from './read-only-mount.ts';

// We run as root, where chmod stops nothing: the unusable places are a path under a regular file (ENOTDIR), a
// regular file where a folder should be, a folder that does not exist, and a tmpfs mounted read-only.
let work: string;
let afile: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'magnolia-paths-'));
  afile = path.join(work, 'a-file');
  writeFileSync(afile, 'not a folder\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const serve = (dataDir: string): Promise<CliRun> =>
  runCli(['serve'], { MAGNOLIA_DATA_DIR: dataDir, PORT: '0', MAGNOLIA_DEMO: 'off', MAGNOLIA_RECONCILE_MINUTES: '0' });

/** One line that names `culprit`, says why, says what to do, and shows no stack. */
function expectHelpfulRefusal(run: CliRun, culprit: string, why: RegExp): void {
  expect(run.code).toBe(3);
  expect(run.stderr).toContain(culprit);
  expect(run.stderr).toMatch(why);
  expect(run.stderr).toMatch(/Make .+ a folder this user can write to \(or set MAGNOLIA_DATA_DIR to one\)/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toContain('unexpected error');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
}

describe('start-up with an unusable data directory', () => {
  it('names the file in the way when the data dir is under a regular file', async () => {
    const run = await serve(path.join(afile, 'data'));
    expectHelpfulRefusal(run, `${afile} is a file, not a folder (ENOTDIR)`, /cannot use the database/);
  });

  it('names the file when the data dir itself is a regular file', async () => {
    const run = await serve(afile);
    expectHelpfulRefusal(run, `${afile} is a file, not a folder`, /cannot use the database/);
  });

  it('says the file system is read-only, for a new and for an existing instance', async (ctx) => {
    const mount = mountSmallTmpfs();
    if ('refused' in mount) {
      ctx.skip(mount.refused);
      return;
    }
    try {
      // An instance created while the mount was writable, then the mount turned read-only under it.
      const existing = path.join(mount.dir, 'existing');
      const created = await runCli(['project', 'list'], { MAGNOLIA_DATA_DIR: existing, MAGNOLIA_DEMO: 'off' });
      expect(created.code).toBe(0);
      mount.readOnly();
      for (const dataDir of [path.join(mount.dir, 'fresh'), mount.dir, existing]) {
        const run = await serve(dataDir);
        expectHelpfulRefusal(run, `${mount.dir}`, /the file system is mounted read-only \(EROFS\)/);
      }
      const cli = await runCli(['project', 'list'], { MAGNOLIA_DATA_DIR: existing });
      expectHelpfulRefusal(cli, existing, /EROFS/);
    } finally {
      mount.remove();
    }
  });
});

describe('magnolia draft --out to a place it cannot write', () => {
  let repo: FixtureRepo;
  beforeAll(async () => {
    repo = await createFixtureRepo();
    await repo.write('SPEC.md', '# Widget Protocol\n\n## Wire\n\nA peer MUST send frames.\n');
    await repo.commit(ALICE, '2024-01-01T00:00:00Z', 'first');
  });
  afterAll(() => repo.remove());

  const draft = (...extra: string[]) => runCli(['draft', '--repo', repo.dir, '--ref', 'main', 'SPEC.md', ...extra], {});

  function expectRefusal(run: CliRun, option: string, target: string, why: string): void {
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`cannot write ${option} ${target}: ${why}`);
    expect(run.stderr).toContain(`give ${option} a file path in an existing folder you can write to`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }

  it('refuses a folder, a path under a file and a missing folder, naming each', async () => {
    const folder = path.join(work, 'out-folder');
    mkdirSync(folder);
    expectRefusal(await draft('--out', folder), '--out', folder, 'it is a folder, not a file (EISDIR)');
    const under = path.join(afile, 'draft.md');
    expectRefusal(await draft('--out', under), '--out', under, `${afile} is a file, not a folder (ENOTDIR)`);
    const missing = path.join(work, 'no', 'such', 'draft.md');
    expectRefusal(
      await draft('--out', missing),
      '--out',
      missing,
      `${path.join(work, 'no', 'such')} does not exist (ENOENT)`,
    );
    const manifest = path.join(afile, 'm.json');
    expectRefusal(
      await draft('--out', path.join(work, 'ok.md'), '--manifest', manifest),
      '--manifest',
      manifest,
      `${afile} is a file, not a folder (ENOTDIR)`,
    );
  });

  it('refuses a read-only file system', async (ctx) => {
    const mount = mountSmallTmpfs();
    if ('refused' in mount) {
      ctx.skip(mount.refused);
      return;
    }
    try {
      mount.readOnly();
      const target = path.join(mount.dir, 'draft.md');
      expectRefusal(
        await draft('--out', target),
        '--out',
        target,
        `${mount.dir}: the file system is mounted read-only (EROFS)`,
      );
    } finally {
      mount.remove();
    }
  });
});
