// Portal benchmark (issue 6): catalogue and project page at 50 connections against the same HTML as static files
// from the same server (the ceiling), on a generated community of 5,000 projects; and search p95 over 10,000 documents.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runSearchBenchmark } from './search-bench.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

interface LoadResult {
  failures: number;
  rate: number;
  p50: number;
  p99: number;
}

function run(script: string, args: string[]): { child: ReturnType<typeof spawn>; firstLine: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', here(script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, firstLine };
}

async function load(url: string, count: number, concurrency: number, numbered = false): Promise<LoadResult> {
  return JSON.parse(
    await run('page-load-generator.ts', [JSON.stringify({ url, count, concurrency, numbered })]).firstLine,
  ) as LoadResult;
}

/** Runs the benchmark and returns a Markdown table. */
export async function runPortalBenchmark(projects = 5_000, count = 5_000, concurrency = 50): Promise<string> {
  const server = run('portal-server.ts', [String(projects)]);
  const { url, pages } = JSON.parse(await server.firstLine) as {
    url: string;
    pages: Record<'catalogue' | 'project', string>;
  };
  const rows: string[] = [];
  const f = (n: number) => n.toFixed(0);
  const ms = (n: number) => n.toFixed(1);
  const row = (label: string, live: LoadResult, ceiling: LoadResult) =>
    `| ${label} | ${f(live.rate)} | ${ms(live.p99)} | ${f(ceiling.rate)} | ${ms(ceiling.p99)} | ${((live.rate / ceiling.rate) * 100).toFixed(0)}% | ${live.failures + ceiling.failures} |`;
  try {
    for (const name of ['catalogue', 'project'] as const) {
      await load(url + pages[name], 500, concurrency); // warm-up
      const live = await load(url + pages[name], count, concurrency);
      await load(`${url}/ceiling/${name}.html`, 500, concurrency);
      const ceiling = await load(`${url}/ceiling/${name}.html`, count, concurrency);
      rows.push(row(`${name} \`${pages[name]}\``, live, ceiling));
      // Every request a URL not seen before (`&_=n`): the page cache never hits, each page is rendered.
      const numbered = `${url}${pages[name]}${pages[name].includes('?') ? '&' : '?'}_=`;
      const rendered = await load(numbered, count, concurrency, true);
      rows.push(row(`${name}, every URL new (no page cache)`, rendered, ceiling));
    }
  } finally {
    server.child.kill('SIGTERM');
  }
  const search = runSearchBenchmark();
  return [
    `Portal pages: ${projects} generated projects, ${count} GETs per row at ${concurrency} keep-alive connections from a separate load-generator process; ceiling = the same HTML as a static file from the same server (same Express, same security headers).`,
    '',
    '| page | rendered req/s | rendered p99 ms | static req/s | static p99 ms | share of ceiling | failures |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
    `Search: 10,000 generated documents (Chinese and English), 1,000 queries with snippets: p50 ${search.p50.toFixed(2)} ms, p95 ${search.p95.toFixed(2)} ms, max ${search.max.toFixed(1)} ms; index build ${(search.buildMs / 1000).toFixed(1)} s (in a worker thread in the portal).`,
    '',
    'Goals: ≥ 40% of the ceiling, p99 < 100 ms, search p95 < 20 ms.',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write((await runPortalBenchmark()) + '\n');
}
