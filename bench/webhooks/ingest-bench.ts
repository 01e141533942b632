// Webhook ingest benchmark (issue 2): Magnolia's sustained accept rate beside the HTTP ceiling and the storage floor,
// all in one run, plus the accept latency at a steady 200 deliveries/s.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measureStorageFloor } from './storage-floor.ts';

const SECRET = 'bench-secret';
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

interface LoadResult {
  count: number;
  failures: number;
  elapsedMs: number;
  rate: number;
  p50: number;
  p99: number;
}

function startServer(script: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', here(script), SECRET], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve({ child, url: d.toString().trim().split('\n')[0]! }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function load(url: string, count: number, concurrency: number, ratePerSecond?: number): Promise<LoadResult> {
  const plan = JSON.stringify({ url, secret: SECRET, count, concurrency, ratePerSecond });
  const child = spawn(process.execPath, ['--import', 'tsx', here('load-generator.ts'), plan], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator exited ${code}`)),
    ),
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs the benchmark and returns a Markdown table. Rounds alternate floor, ceiling and Magnolia to share noise. */
export async function runWebhookIngestBenchmark(count = 4000, concurrency = 32, rounds = 3): Promise<string> {
  const ceilingServer = await startServer('ceiling-server.ts');
  const magnoliaServer = await startServer('magnolia-server.ts');
  try {
    await load(ceilingServer.url, 300, concurrency); // warm-up
    await load(magnoliaServer.url, 300, concurrency);
    const floor: number[] = [];
    const ceiling: LoadResult[] = [];
    const magnolia: LoadResult[] = [];
    for (let round = 0; round < rounds; round += 1) {
      floor.push(measureStorageFloor(count));
      ceiling.push(await load(ceilingServer.url, count, concurrency));
      magnolia.push(await load(magnoliaServer.url, count, concurrency));
    }
    const ceilingSteady = await load(ceilingServer.url, 200 * 10, 32, 200);
    const magnoliaSteady = await load(magnoliaServer.url, 200 * 10, 32, 200);
    const floorRate = median(floor);
    const row = (label: string, runs: LoadResult[], steady: LoadResult) => {
      const rate = median(runs.map((r) => r.rate));
      return `| ${label} | ${rate.toFixed(0)} | ${(rate / floorRate).toFixed(2)}x | ${median(runs.map((r) => r.p50)).toFixed(1)} | ${median(runs.map((r) => r.p99)).toFixed(1)} | ${steady.p50.toFixed(1)} | ${steady.p99.toFixed(1)} |`;
    };
    const failures = [...ceiling, ...magnolia, ceilingSteady, magnoliaSteady].reduce((n, r) => n + r.failures, 0);
    return [
      `Webhook ingest: ${count} signed ~25 KB deliveries per run, ${concurrency} connections, load generator in its own process; medians of ${rounds} alternating rounds`,
      '',
      '| | deliveries/s | vs storage floor | p50 ms | p99 ms | p50 ms at 200/s | p99 ms at 200/s |',
      '|---|---:|---:|---:|---:|---:|---:|',
      `| (b) storage floor: one delivery per transaction, WAL + synchronous=FULL | ${floorRate.toFixed(0)} | 1.00x | | | | |`,
      row('(a) HTTP ceiling: bare node:http, HMAC only', ceiling, ceilingSteady),
      row('Magnolia: Express, ingest thread (verify, parse, group commit)', magnolia, magnoliaSteady),
      '',
      `Failures (answers other than 202): ${failures}.`,
    ].join('\n');
  } finally {
    ceilingServer.child.kill('SIGTERM');
    magnoliaServer.child.kill('SIGTERM');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write((await runWebhookIngestBenchmark()) + '\n');
}
