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
  const child = spawn(process.execPath, ['--import', 'tsx', here(script), SECRET], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve({ child, url: d.toString().trim().split('\n')[0]! }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function load(url: string, count: number, concurrency: number, ratePerSecond?: number): Promise<LoadResult> {
  const plan = JSON.stringify({ url, secret: SECRET, count, concurrency, ratePerSecond });
  const child = spawn(process.execPath, ['--import', 'tsx', here('load-generator.ts'), plan], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator exited ${code}`)))),
  );
}

async function measure(script: string, count: number, concurrency: number): Promise<{ closed: LoadResult; steady: LoadResult }> {
  const { child, url } = await startServer(script);
  try {
    await load(url, 300, concurrency); // warm-up
    const closed = await load(url, count, concurrency);
    const steady = await load(url, 200 * 10, 32, 200);
    return { closed, steady };
  } finally {
    child.kill('SIGTERM');
  }
}

/** Runs the benchmark and returns a Markdown table. */
export async function runWebhookIngestBenchmark(count = 4000, concurrency = 32): Promise<string> {
  const floorRate = measureStorageFloor(count);
  const ceiling = await measure('ceiling-server.ts', count, concurrency);
  const magnolia = await measure('magnolia-server.ts', count, concurrency);
  const f = (n: number) => n.toFixed(0);
  const ms = (n: number) => n.toFixed(1);
  return [
    `Webhook ingest: ${count} signed ~25 KB deliveries, ${concurrency} connections, load generator in its own process`,
    '',
    '| | deliveries/s | vs storage floor | p50 ms | p99 ms | p99 ms at 200/s |',
    '|---|---:|---:|---:|---:|---:|',
    `| (b) storage floor: one delivery per transaction, WAL + synchronous=FULL | ${f(floorRate)} | 1.00x | | | |`,
    `| (a) HTTP ceiling: bare node:http, HMAC only | ${f(ceiling.closed.rate)} | ${(ceiling.closed.rate / floorRate).toFixed(2)}x | ${ms(ceiling.closed.p50)} | ${ms(ceiling.closed.p99)} | ${ms(ceiling.steady.p99)} |`,
    `| Magnolia: Express, verify, group commit | ${f(magnolia.closed.rate)} | ${(magnolia.closed.rate / floorRate).toFixed(2)}x | ${ms(magnolia.closed.p50)} | ${ms(magnolia.closed.p99)} | ${ms(magnolia.steady.p99)} |`,
    '',
    `Failures (non-202): ceiling ${ceiling.closed.failures + ceiling.steady.failures}, Magnolia ${magnolia.closed.failures + magnolia.steady.failures}.`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write((await runWebhookIngestBenchmark()) + '\n');
}
