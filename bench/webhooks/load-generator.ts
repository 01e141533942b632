// A separate process that posts signed deliveries over loopback, either as fast as `concurrency` allows
// (closed loop) or at a fixed rate (open loop, for latency at a given load). Prints one JSON line of results.
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import { makePushPayload } from './make-payload.ts';

interface Plan {
  url: string;
  secret: string;
  count: number;
  concurrency: number;
  ratePerSecond?: number;
}

const plan = JSON.parse(process.argv[2] ?? '{}') as Plan;
const target = new URL('/webhooks/github', plan.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
// Bodies and signatures are prepared up front so the generator measures the server, not itself.
const bodies = Array.from({ length: Math.min(plan.count, 500) }, (_, i) => {
  const body = Buffer.from(makePushPayload(i));
  return { body, signature: 'sha256=' + createHmac('sha256', plan.secret).update(body).digest('hex') };
});

function post(i: number): Promise<{ status: number; ms: number }> {
  const { body, signature } = bodies[i % bodies.length]!;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          'x-github-event': 'push',
          'x-github-delivery': randomUUID(),
          'x-hub-signature-256': signature,
          'user-agent': 'GitHub-Hookshot/bench',
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const latencies: number[] = [];
let failures = 0;
let next = 0;
const started = performance.now();

async function lane(): Promise<void> {
  while (next < plan.count) {
    const i = next++;
    if (plan.ratePerSecond) {
      const due = started + (i * 1000) / plan.ratePerSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const { status, ms } = await post(i);
    if (status !== 202) failures += 1;
    latencies.push(ms);
  }
}

await Promise.all(Array.from({ length: plan.concurrency }, lane));
const elapsedMs = performance.now() - started;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
process.stdout.write(
  JSON.stringify({
    count: plan.count,
    failures,
    elapsedMs,
    rate: (plan.count / elapsedMs) * 1000,
    p50: pct(50),
    p99: pct(99),
  }) + '\n',
);
agent.destroy();
