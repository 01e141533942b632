import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { listMigrations } from '../../db/migrate.ts';
import type { BackupManifest } from '../../sync/backup/backup-manifest.ts';
import { runCli, startServeProcess, type ServeProcess } from '../support/run-cli.ts';
import { makeBurst, sendBurst, type BurstDelivery } from '../support/send-burst.ts';
import { TEST_SECRET } from '../support/test-instance.ts';
import { workLeft } from '../support/work-left.ts';

// The schema version is the number of the newest migration (not a constant every new migration breaks).
const LATEST_MIGRATION = Math.max(...listMigrations().map((m) => m.version));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A read-only look into an instance's database while it serves. */
function inspect(dataDir: string) {
  const db = new Database(path.join(dataDir, 'magnolia.sqlite'), { readonly: true });
  return {
    db,
    members: () =>
      db.prepare(`SELECT id, owner, name FROM repositories WHERE removed_at IS NULL ORDER BY id`).all() as {
        id: number;
        owner: string;
        name: string;
      }[],
    deliveries: () =>
      new Map(
        (db.prepare(`SELECT id, status FROM deliveries`).all() as { id: string; status: string }[]).map((d) => [
          d.id,
          d.status,
        ]),
      ),
    mirrors: () =>
      db.prepare(`SELECT full_name, mirror_path FROM repositories ORDER BY full_name`).all() as {
        full_name: string;
        mirror_path: string;
      }[],
    async quiet(): Promise<void> {
      const busy = workLeft(db);
      for (const started = Date.now(); busy() > 0; await sleep(25)) {
        if (Date.now() - started > 60_000) throw new Error(`${dataDir}: the queue did not empty within a minute`);
      }
    },
  };
}

const refsOf = (gitDir: string) =>
  execFileSync('git', ['for-each-ref', '--format=%(objectname) %(refname)'], { cwd: gitDir, encoding: 'utf8' });

async function projects(url: string): Promise<unknown[]> {
  const body = (await (await fetch(`${url}/api/projects`)).json()) as { projects: Record<string, unknown>[] };
  return body.projects.map(({ fullName, headSha, commitCount, contributorCount, level, stars }) => ({
    fullName,
    headSha,
    commitCount,
    contributorCount,
    level,
    stars,
  }));
}

async function maturity(url: string, fullName: string): Promise<unknown> {
  const body = (await (await fetch(`${url}/api/projects/${fullName}/maturity`)).json()) as {
    level: string;
    nextLevel: string;
    commit: string;
    signals: { id: string; status: string; value: unknown }[];
  };
  return {
    level: body.level,
    nextLevel: body.nextLevel,
    commit: body.commit,
    signals: body.signals.map((s) => `${s.id}:${s.status}:${JSON.stringify(s.value)}`),
  };
}

describe('backup and restore', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'magnolia-backup-'));
  const liveDir = path.join(root, 'live');
  const backupDir = path.join(root, 'backup');
  const restoredDir = path.join(root, 'restored');
  const env = (dataDir: string) => ({
    MAGNOLIA_DATA_DIR: dataDir,
    MAGNOLIA_DEMO: 'on',
    GITHUB_WEBHOOK_SECRET: TEST_SECRET,
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_URL: 'http://127.0.0.1:9',
    MAGNOLIA_RECONCILE_MINUTES: '0',
  });
  const servers: ServeProcess[] = [];
  const dbs: Database.Database[] = [];
  afterAll(async () => {
    dbs.forEach((db) => db.close());
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(root, { recursive: true, force: true });
  });

  it('backs up a serving instance during a burst of deliveries; the restored instance matches it', async () => {
    const live = await startServeProcess(env(liveDir), 120_000);
    servers.push(live);
    const liveDb = inspect(liveDir);
    dbs.push(liveDb.db);
    const members = liveDb.members();
    const before = makeBurst(members, 60, 2_000_000);
    const answered = await sendBurst(live.url, before);
    expect([...answered.values()].every((s) => s === 202)).toBe(true);
    await liveDb.quiet();

    // The backup runs while deliveries keep arriving (and are processed, fetches included).
    const during = makeBurst(members, 300, 3_000_000);
    const burst = sendBurst(live.url, during, { connections: 8 });
    await sleep(100);
    const backup = await runCli(['backup', backupDir], env(liveDir));
    const duringAnswers = await burst;
    expect(backup.stderr).toMatch(/backup of .* written in \d+ ms/);
    expect(backup.code).toBe(0);
    expect(backup.stdout.trim()).toBe(backupDir);
    expect([...duringAnswers.values()].every((s) => s === 202)).toBe(true);
    await liveDb.quiet();
    const manifest = JSON.parse(readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(manifest).toMatchObject({
      format: 'magnolia-backup',
      formatVersion: 1,
      schemaVersion: LATEST_MIGRATION,
    });
    expect(manifest.counts.projects).toBe(members.length);
    // Mirrors and the demo's local upstreams, each a bundle.
    expect(manifest.git.filter((g) => g.kind === 'mirror' && g.bundle)).toHaveLength(members.length);
    expect(manifest.git.filter((g) => g.kind === 'upstream' && g.bundle)).toHaveLength(members.length);

    const restore = await runCli(['restore', backupDir], env(restoredDir));
    expect(restore.stderr).toContain(`into ${restoredDir}`);
    expect(restore.code).toBe(0);
    // The snapshot is one instant: every delivery before the backup, some of the burst, each with its one job.
    const snapshot = new Database(path.join(restoredDir, 'magnolia.sqlite'), { readonly: true });
    const held = new Set((snapshot.prepare(`SELECT id FROM deliveries`).pluck().all() as string[]) ?? []);
    const orphans = snapshot
      .prepare(
        `SELECT count(*) FROM deliveries d
         WHERE (SELECT count(*) FROM jobs j WHERE j.kind = 'delivery' AND j.subject = d.id) != 1`,
      )
      .pluck()
      .get();
    const paths = snapshot.prepare(`SELECT mirror_path, clone_url FROM repositories`).all() as {
      mirror_path: string;
      clone_url: string;
    }[];
    const owners = snapshot.prepare(`SELECT count(*) FROM queue_owners`).pluck().get();
    snapshot.close();
    expect(held.size).toBe(manifest.counts.deliveries);
    expect(before.every((d) => held.has(d.id))).toBe(true);
    const caught = during.filter((d) => held.has(d.id)).length;
    expect(orphans).toBe(0);
    expect(owners).toBe(0);
    for (const p of paths) {
      expect(p.mirror_path.startsWith(restoredDir + path.sep)).toBe(true);
      expect(p.clone_url).toContain(restoredDir);
    }

    // Started on its own: it finishes what the snapshot had queued; GitHub's redelivery brings the rest.
    const restored = await startServeProcess(env(restoredDir), 60_000);
    servers.push(restored);
    const restoredDb = inspect(restoredDir);
    dbs.push(restoredDb.db);
    await restoredDb.quiet();
    const missing: BurstDelivery[] = during.filter((d) => !held.has(d.id));
    const redelivered = await sendBurst(restored.url, missing, { connections: 8 });
    expect([...redelivered.values()].every((s) => s === 202)).toBe(true);
    await restoredDb.quiet();

    expect(restoredDb.deliveries()).toEqual(liveDb.deliveries());
    const liveMirrors = liveDb.mirrors();
    const restoredMirrors = restoredDb.mirrors();
    expect(restoredMirrors.map((m) => m.full_name)).toEqual(liveMirrors.map((m) => m.full_name));
    restoredMirrors.forEach((m, i) => expect(refsOf(m.mirror_path)).toBe(refsOf(liveMirrors[i]!.mirror_path)));
    // Evaluated afresh on both (the order deliveries were processed in does not matter then).
    const levels = await Promise.all([liveDir, restoredDir].map((dir) => runCli(['maturity', 'evaluate'], env(dir))));
    expect(levels.map((l) => l.code)).toEqual([0, 0]);
    expect(levels[1]!.stdout).toBe(levels[0]!.stdout);
    expect(await projects(restored.url)).toEqual(await projects(live.url));
    for (const m of liveMirrors) {
      expect(await maturity(restored.url, m.full_name)).toEqual(await maturity(live.url, m.full_name));
    }
    // The restored mirrors and upstreams work: a reconcile finds nothing to fetch.
    const sync = await runCli(['sync'], env(restoredDir));
    expect(sync.code).toBe(0);
    expect(sync.stderr.match(/unchanged/g)).toHaveLength(members.length);
    console.log(
      `backup while serving: ${JSON.stringify({ tookMs: manifest.tookMs, databaseBytes: manifest.database.bytes, gitRepositories: manifest.git.length, deliveriesInSnapshot: held.size, burstCaughtInSnapshot: caught, burstRedelivered: missing.length })}`,
    );

    // Restoring over an instance needs --force, and is refused while a process serves it.
    const again = await runCli(['restore', backupDir], env(restoredDir));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is not empty (it holds an instance)');
    expect(again.stderr).toContain('--force');
    const served = await runCli(['restore', backupDir, '--force'], env(restoredDir));
    expect(served.code).toBe(1);
    expect(served.stderr).toMatch(/a Magnolia process \(pid \d+ .*\) is using/);
    expect(restoredDb.deliveries().size).toBe(liveDb.deliveries().size);
  }, 240_000);

  it('refuses a folder that is not a backup, a damaged one and one from a newer schema, leaving the data dir empty', async () => {
    const target = path.join(root, 'target');
    const notBackup = await runCli(['restore', root], env(target));
    expect(notBackup).toMatchObject({ code: 1 });
    expect(notBackup.stderr).toContain('is not a Magnolia backup (no manifest.json');
    const manifestFile = path.join(backupDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;

    writeFileSync(manifestFile, JSON.stringify({ ...manifest, schemaVersion: 999 }));
    const newer = await runCli(['restore', backupDir], env(target));
    expect(newer.code).toBe(1);
    expect(newer.stderr).toContain('schema version 999');

    writeFileSync(
      manifestFile,
      JSON.stringify({ ...manifest, database: { ...manifest.database, sha256: '0'.repeat(64) } }),
    );
    const damaged = await runCli(['restore', backupDir], env(target));
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain('the backup is damaged');

    const bundle = manifest.git.find((g) => g.bundle)!.bundle!;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    writeFileSync(path.join(backupDir, bundle), 'not a bundle');
    const badBundle = await runCli(['restore', backupDir], env(target));
    expect(badBundle.code).toBe(1);
    expect(badBundle.stderr).toContain('is not a valid git bundle');
    expect(badBundle.stderr).not.toContain('    at ');
    expect(execFileSync('ls', ['-A', target], { encoding: 'utf8' })).toBe('');

    const existing = await runCli(['backup', backupDir], env(liveDir));
    expect(existing.code).toBe(1);
    expect(existing.stderr).toContain('is not an empty folder');
  }, 60_000);
});
