// Mirror benchmark (issue 3): `project add` backfill (clone + index) of a 10,000-commit repository beside a plain
// `git clone --mirror` of it (the floor), and the incremental fetch of 10 new commits.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/open-database.ts';
import { createStore } from '../../db/store.ts';
import { systemClock } from '../../kernel/clock.ts';
import { readConfig } from '../../kernel/config/read-config.ts';
import { createLogger } from '../../kernel/log/create-logger.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { syncRepository } from '../../sync/mirror/sync-repository.ts';
import { appendCommits, generateHistory } from './generate-history.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs the benchmark and returns a Markdown table. */
export async function runMirrorBenchmark(commits = 10_000, runs = 3): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'magnolia-mirror-bench-'));
  try {
    const bare = generateHistory(path.join(root, 'upstream'), commits);
    const url = pathToFileURL(bare).href;
    const floor: number[] = [];
    const ours: number[] = [];
    let lastDataDir = '';
    let repositoryId = 1;
    for (let run = 0; run < runs; run += 1) {
      const target = path.join(root, `floor-${run}.git`);
      let t = performance.now();
      execFileSync('git', ['clone', '--mirror', '--quiet', '--no-local', url, target]);
      floor.push(performance.now() - t);
      rmSync(target, { recursive: true, force: true });

      const dataDir = path.join(root, `data-${run}`);
      const config = readConfig({ MAGNOLIA_DATA_DIR: dataDir, MAGNOLIA_DEMO: 'off' });
      const store = createStore(openDatabase(config.databaseFile));
      store.repositories.register({
        id: repositoryId,
        owner: 'bench',
        name: 'history',
        domain: null,
        cloneUrl: url,
        registeredAt: new Date().toISOString(),
      });
      t = performance.now();
      await syncRepository({ store, config, log: createLogger('warn'), clock: systemClock, runGit }, repositoryId);
      ours.push(performance.now() - t);
      if (store.commits.count(repositoryId) !== commits)
        throw new Error('backfill indexed the wrong number of commits');
      store.db.close();
      if (lastDataDir) rmSync(lastDataDir, { recursive: true, force: true });
      lastDataDir = dataDir;
    }

    // Incremental: 10 new commits upstream, then one sync; repeated.
    const config = readConfig({ MAGNOLIA_DATA_DIR: lastDataDir, MAGNOLIA_DEMO: 'off' });
    const store = createStore(openDatabase(config.databaseFile));
    const deps = { store, config, log: createLogger('warn'), clock: systemClock, runGit };
    const incremental: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      appendCommits(bare, 10, i);
      const t = performance.now();
      const outcome = await syncRepository(deps, repositoryId);
      incremental.push(performance.now() - t);
      if (outcome.newCommits !== 10) throw new Error(`expected 10 new commits, indexed ${outcome.newCommits}`);
    }
    store.db.close();
    const f = median(floor);
    const o = median(ours);
    return [
      `Mirror backfill: ${commits} commits by 50 authors, local file:// upstream, median of ${runs}`,
      '',
      '| | median ms | vs floor |',
      '|---|---:|---:|',
      `| floor: git clone --mirror | ${f.toFixed(0)} | 1.00x |`,
      `| Magnolia project backfill (clone + index commits, refs, counts) | ${o.toFixed(0)} | ${(o / f).toFixed(2)}x |`,
      `| incremental fetch + index of 10 new commits (median of 11) | ${median(incremental).toFixed(0)} | |`,
    ].join('\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write((await runMirrorBenchmark()) + '\n');
}
