// A separate process that GETs one URL as fast as `concurrency` keep-alive connections allow; prints one JSON line.
// With `numbered`, request n goes to the URL followed by n (`…?_=` + n): every request is a different page.
import http from 'node:http';

const plan = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  count: number;
  concurrency: number;
  numbered?: boolean;
  /** Ask for gzip as browsers do (`Accept-Encoding: gzip`); the body is read, not inflated. */
  gzip?: boolean;
  /** Also print every latency (ms), so runs can be pooled. */
  raw?: boolean;
};
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
const fixed = new URL(plan.url);

const get = (n: number): Promise<{ status: number; ms: number }> => {
  const started = performance.now();
  const target = plan.numbered ? new URL(`${plan.url}${n}`) : fixed;
  return new Promise((resolve, reject) => {
    http
      .get(
        target,
        {
          agent,
          headers: {
            accept: 'text/html',
            'accept-language': 'en',
            ...(plan.gzip ? { 'accept-encoding': 'gzip' } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        },
      )
      .on('error', reject);
  });
};

const latencies: number[] = [];
let failures = 0;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: plan.concurrency }, async () => {
    while (next < plan.count) {
      const { status, ms } = await get(next++);
      if (status !== 200) failures += 1;
      latencies.push(ms);
    }
  }),
);
const elapsedMs = performance.now() - started;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
process.stdout.write(
  JSON.stringify({
    failures,
    rate: (latencies.length / elapsedMs) * 1000,
    p50: pct(50),
    p99: pct(99),
    ...(plan.raw ? { latencies } : {}),
  }) + '\n',
);
agent.destroy();
