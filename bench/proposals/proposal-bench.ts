// Proposal benchmark (issue 14): the proposal page and the draft page of a 5,000-clause draft at 50 keep-alive
// connections, and the HTTP p99 of a page while a 1 MB draft is generated in its background process, beside the idle
// p99 of the same page measured in the same run. Run: node --import tsx bench/proposals/proposal-bench.ts
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

interface LoadResult {
  failures: number;
  rate: number;
  p50: number;
  p99: number;
  latencies?: number[];
}

/** A child process of this benchmark and the JSON lines it prints. */
function spawnTs(script: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
    }
  });
  const line = () =>
    new Promise<string>((resolve, reject) => {
      const ready = lines.shift();
      if (ready !== undefined) resolve(ready);
      else waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    });
  return { child, line };
}

async function load(url: string, count: number, concurrency: number, raw = false): Promise<LoadResult> {
  // As a browser asks: with gzip.
  const plan = { url, count, concurrency, raw, gzip: true };
  const run = spawnTs(here('../portal/page-load-generator.ts'), [JSON.stringify(plan)]);
  return JSON.parse(await run.line()) as LoadResult;
}

const p99Of = (all: number[]) => {
  const sorted = [...all].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? 0;
};

/** Runs the benchmark and returns a Markdown table. */
export async function runProposalBenchmark(count = 5_000, concurrency = 50): Promise<string> {
  const server = spawnTs(here('proposal-server.ts'), []);
  let child: ChildProcess = server.child;
  try {
    const setup = JSON.parse(await server.line()) as {
      url: string;
      clauses: number;
      generateBytes: number;
      pages: { proposal: string; draft: string };
    };
    const rows: string[] = [];
    const ms = (n: number) => n.toFixed(1);
    for (const [name, page] of Object.entries(setup.pages)) {
      await load(setup.url + page, 500, concurrency);
      const r = await load(setup.url + page, count, concurrency);
      rows.push(
        `| ${name} page \`${page}\` | ${r.rate.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.failures} | ${r.p99 < 100 ? 'yes' : 'no'} |`,
      );
    }

    // The same page, idle and while the background process drafts 1 MB; the load is lighter (10 connections) so that
    // the figure is the latency a person sees, not a queue of 50 requests.
    const probe = setup.url + setup.pages.proposal;
    const idle = await load(probe, 2_000, 10, true);
    const busy: number[] = [];
    server.child.stdin!.write('generate\n');
    const generated = server.line();
    let done = false;
    void generated.then(() => (done = true));
    while (!done) busy.push(...((await load(probe, 300, 10, true)).latencies ?? []));
    const { ms: generateMs } = JSON.parse(await generated) as { ms: number };
    server.child.stdin!.write('clauses\n');
    const { clauses } = JSON.parse(await server.line()) as { clauses: number };
    const idleP99 = p99Of(idle.latencies ?? []);
    const busyP99 = p99Of(busy);
    child = server.child;
    return [
      `Proposal pages: a draft of ${setup.clauses.toLocaleString('en')} clauses, ${count} GETs per row at ${concurrency} keep-alive connections from a separate load-generator process, as a visitor (no session) whose browser accepts gzip.`,
      '',
      '| page | req/s | p50 ms | p99 ms | failures | p99 < 100 ms |',
      '|---|---:|---:|---:|---:|---|',
      ...rows,
      '',
      `While a ${(setup.generateBytes / 1024 / 1024).toFixed(2)} MB draft (${clauses.toLocaleString('en')} clauses) was generated in its background process (${(generateMs / 1000).toFixed(1)} s), the proposal page at 10 connections: idle p99 ${ms(idleP99)} ms (${idle.latencies?.length} requests), during generation p99 ${ms(busyP99)} ms (${busy.length} requests): **${(busyP99 / idleP99).toFixed(2)}x** idle (goal ≤ 2x).`,
    ].join('\n');
  } finally {
    child.kill('SIGTERM');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write((await runProposalBenchmark()) + '\n');
}
