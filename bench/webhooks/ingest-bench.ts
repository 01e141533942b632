// Webhook ingest benchmark (issue 2): Magnolia's sustained accept rate beside the HTTP ceiling and the storage floor,
// all in one run, plus the accept latency at a steady 200 deliveries/s.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
  /** CPU the server process spent (all its threads) per delivery, in ms; NaN where /proc is missing. */
  cpuMs: number;
}

// CPU time is steadier than a rate on a shared machine: other processes slow a server down, but barely change
// how much CPU it needs per delivery.
const TICKS_PER_SECOND = existsSync('/proc/self/stat') ? Number(execFileSync('getconf', ['CLK_TCK'])) : NaN;
function cpuTimeMs(pid: number | undefined): number {
  if (pid === undefined || Number.isNaN(TICKS_PER_SECOND)) return NaN;
  // utime and stime are fields 14 and 15; the command name (field 2) is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
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

async function load(
  server: { child: ChildProcess; url: string },
  count: number,
  concurrency: number,
  ratePerSecond?: number,
): Promise<LoadResult> {
  const cpuBefore = cpuTimeMs(server.child.pid);
  const result = await generate(server.url, count, concurrency, ratePerSecond);
  return { ...result, cpuMs: (cpuTimeMs(server.child.pid) - cpuBefore) / count };
}

function generate(
  url: string,
  count: number,
  concurrency: number,
  ratePerSecond?: number,
): Promise<Omit<LoadResult, 'cpuMs'>> {
  const plan = JSON.stringify({ url, secret: SECRET, count, concurrency, ratePerSecond });
  const child = spawn(process.execPath, ['--import', 'tsx', here('load-generator.ts'), plan], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as Omit<LoadResult, 'cpuMs'>)
        : reject(new Error(`load generator exited ${code}`)),
    ),
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Runs the benchmark and returns a Markdown table. Rounds alternate floor, ceiling and Magnolia to share noise.
 * `baseline`, the magnolia-server.ts of another checkout (an earlier commit), adds its row measured in the same
 * rounds, so a change is judged side by side.
 */
export async function runWebhookIngestBenchmark(
  count = 4000,
  concurrency = 32,
  rounds = 3,
  baseline?: string,
): Promise<string> {
  const ceilingServer = await startServer('ceiling-server.ts');
  const magnoliaServer = await startServer('magnolia-server.ts');
  const baselineServer = baseline ? await startServer(baseline) : undefined;
  try {
    await load(ceilingServer, 300, concurrency); // warm-up
    await load(magnoliaServer, 300, concurrency);
    if (baselineServer) await load(baselineServer, 300, concurrency);
    const floor: number[] = [];
    const ceiling: LoadResult[] = [];
    const magnolia: LoadResult[] = [];
    const before: LoadResult[] = [];
    for (let round = 0; round < rounds; round += 1) {
      floor.push(measureStorageFloor(count));
      ceiling.push(await load(ceilingServer, count, concurrency));
      // Which of the two goes first alternates too: neither always follows the floor's disk work.
      if (baselineServer && round % 2 === 1) before.push(await load(baselineServer, count, concurrency));
      magnolia.push(await load(magnoliaServer, count, concurrency));
      if (baselineServer && round % 2 === 0) before.push(await load(baselineServer, count, concurrency));
    }
    const ceilingSteady = await load(ceilingServer, 200 * 10, 32, 200);
    const magnoliaSteady = await load(magnoliaServer, 200 * 10, 32, 200);
    const beforeSteady = baselineServer ? await load(baselineServer, 200 * 10, 32, 200) : undefined;
    const floorRate = median(floor);
    const row = (label: string, runs: LoadResult[], steady: LoadResult) => {
      const rate = median(runs.map((r) => r.rate));
      return `| ${label} | ${rate.toFixed(0)} | ${(rate / floorRate).toFixed(2)}x | ${median(runs.map((r) => r.cpuMs)).toFixed(3)} | ${median(runs.map((r) => r.p50)).toFixed(1)} | ${median(runs.map((r) => r.p99)).toFixed(1)} | ${steady.p50.toFixed(1)} | ${steady.p99.toFixed(1)} |`;
    };
    const failures = [
      ...ceiling,
      ...magnolia,
      ...before,
      ceilingSteady,
      magnoliaSteady,
      ...(beforeSteady ? [beforeSteady] : []),
    ].reduce((n, r) => n + r.failures, 0);
    const ratio = beforeSteady
      ? `\n\nMagnolia / baseline: ${(median(magnolia.map((r) => r.rate)) / median(before.map((r) => r.rate))).toFixed(2)}x deliveries/s (per round: ${magnolia.map((r, i) => (r.rate / before[i]!.rate).toFixed(2) + 'x').join(', ')}), ${(median(magnolia.map((r) => r.cpuMs)) / median(before.map((r) => r.cpuMs))).toFixed(2)}x server CPU per delivery.`
      : '';
    return [
      `Webhook ingest: ${count} signed ~25 KB deliveries per run, ${concurrency} connections, load generator in its own process; medians of ${rounds} alternating rounds`,
      '',
      '| | deliveries/s | vs storage floor | server CPU ms/delivery | p50 ms | p99 ms | p50 ms at 200/s | p99 ms at 200/s |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      `| (b) storage floor: one delivery per transaction, WAL + synchronous=FULL | ${floorRate.toFixed(0)} | 1.00x | | | | | |`,
      row('(a) HTTP ceiling: bare node:http, HMAC only', ceiling, ceilingSteady),
      ...(beforeSteady ? [row(`baseline: ${baseline}`, before, beforeSteady)] : []),
      row('Magnolia: Express, HMAC while streaming, ingest thread (parse, group commit)', magnolia, magnoliaSteady),
      '',
      `Failures (answers other than 202): ${failures}.${ratio}`,
    ].join('\n');
  } finally {
    ceilingServer.child.kill('SIGTERM');
    magnoliaServer.child.kill('SIGTERM');
    baselineServer?.child.kill('SIGTERM');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `node --import tsx bench/webhooks/ingest-bench.ts [other/checkout/bench/webhooks/magnolia-server.ts [rounds [deliveries]]]`
  process.stdout.write(
    (await runWebhookIngestBenchmark(
      Number(process.argv[4] ?? 4000),
      32,
      Number(process.argv[3] ?? 3),
      process.argv[2],
    )) + '\n',
  );
}
