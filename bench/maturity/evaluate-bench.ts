// Maturity benchmark (issue 5): re-evaluating one project after a push of 10 commits on a repository with 10,000
// commits and 50 authors (incremental: blob facts cached), beside a full evaluation from scratch (new engine, empty blob cache).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDatabase } from '../../db/open-database.ts';
import { createStore } from '../../db/store.ts';
import { readConfig } from '../../kernel/config/read-config.ts';
import { createLogger } from '../../kernel/log/create-logger.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { createMaturityEngine } from '../../sync/maturity/create-maturity-engine.ts';
import { syncRepository } from '../../sync/mirror/sync-repository.ts';
import { appendCommits, generateHistory } from '../mirror/generate-history.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs the benchmark and returns a Markdown table. */
export async function runMaturityBenchmark(commits = 10_000, runs = 5): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'magnolia-maturity-bench-'));
  try {
    const bare = generateHistory(path.join(root, 'upstream'), commits, 50);
    const config = readConfig({ MAGNOLIA_DATA_DIR: path.join(root, 'data'), MAGNOLIA_DEMO: 'off' });
    const store = createStore(openDatabase(config.databaseFile));
    // The clock stands just after the generated history, so the windows hold commits.
    let now = Date.parse('2026-06-10T00:00:00Z');
    const clock = { now: () => now };
    store.repositories.register({
      id: 1,
      owner: 'bench',
      name: 'history',
      domain: null,
      cloneUrl: pathToFileURL(bare).href,
      registeredAt: new Date(now).toISOString(),
    });
    const mirror = { store, config, log: createLogger('warn'), clock, runGit };
    await syncRepository(mirror, 1);
    const engine = createMaturityEngine({ store, clock, runGit, githubUrl: config.githubUrl });
    await engine.evaluate(1);

    const full: number[] = [];
    const incremental: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      appendCommits(bare, 10, i);
      await syncRepository(mirror, 1);
      now += 3_600_000;
      let t = performance.now();
      await engine.evaluate(1);
      incremental.push(performance.now() - t);

      // From scratch: a new engine (no memory) and an empty blob cache.
      store.maturity.blobFacts.clear();
      const fresh = createMaturityEngine({ store, clock, runGit, githubUrl: config.githubUrl });
      now += 60_000;
      t = performance.now();
      await fresh.evaluate(1);
      full.push(performance.now() - t);
    }
    store.db.close();
    const inc = median(incremental);
    const scratch = median(full);
    return [
      `Maturity evaluation: ${commits} commits by 50 authors, 300 spec documents, push of 10 commits, median of ${runs}`,
      '',
      '| | median ms |',
      '|---|---:|',
      `| incremental re-evaluation after the push (cached blob facts and tag lookups) | ${inc.toFixed(1)} |`,
      `| full evaluation from scratch (new engine, empty blob cache) | ${scratch.toFixed(1)} |`,
      `| ratio | ${(scratch / inc).toFixed(1)}x |`,
    ].join('\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write((await runMaturityBenchmark()) + '\n');
}
