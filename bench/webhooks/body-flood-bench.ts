// Body flood (issue 9, item 6): 20 parallel 25 MB deliveries that nobody signed, against the real Magnolia in its
// own process; the server's resident memory before and at its peak, and what each request was answered. A signed
// ping sent in the middle of the flood shows whether real deliveries still get through.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const SECRET = 'bench-secret';
const BODY_BYTES = 25 * 1024 * 1024 - 1024;

function startServer(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, SECRET], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve({ child, url: d.toString().trim().split('\n')[0]! }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

// VmRSS now and VmHWM (the peak since start) of a process, in MB.
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

function post(url: string, body: Buffer, signature: string | undefined): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': body.length,
      'x-github-event': 'ping',
      'x-github-delivery': randomUUID(),
    };
    if (signature) headers['x-hub-signature-256'] = signature;
    const req = http.request(new URL('/webhooks/github', url), { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    // A server that answers early may close before the whole body is written: the answer is what counts.
    req.on('error', () => resolve({ status: -1, ms: performance.now() - started }));
    req.end(body);
  });
}

const tally = (statuses: number[]): string =>
  Object.entries(
    statuses.reduce<Record<string, number>>((n, s) => ({ ...n, [String(s)]: (n[String(s)] ?? 0) + 1 }), {}),
  )
    .map(([status, n]) => `${n}× ${status === '-1' ? 'reset' : status}`)
    .join(', ');

/** One flood against the server `script`; returns a Markdown row. */
async function flood(label: string, script: string, signature: 'none' | 'wrong', parallel: number): Promise<string> {
  const server = await startServer(script, {});
  try {
    const body = Buffer.alloc(BODY_BYTES, 0x20);
    body.write('{"zen":"flood","padding":"', 0);
    body.write('"}', BODY_BYTES - 2);
    await new Promise((r) => setTimeout(r, 1_000));
    const before = memory(server.child.pid!);
    const wrong = 'sha256=' + '0'.repeat(64);
    const started = performance.now();
    const flooding = Array.from({ length: parallel }, () =>
      post(server.url, body, signature === 'wrong' ? wrong : undefined),
    );
    await new Promise((r) => setTimeout(r, 200));
    const ping = Buffer.from(JSON.stringify({ zen: 'real', hook_id: 1 }));
    const real = await post(server.url, ping, 'sha256=' + createHmac('sha256', SECRET).update(ping).digest('hex'));
    const answers = await Promise.all(flooding);
    const elapsed = performance.now() - started;
    const after = memory(server.child.pid!);
    return `| ${label} | ${signature === 'none' ? 'no signature' : 'wrong signature'} | ${before.rss.toFixed(0)} | ${after.peak.toFixed(0)} | ${(after.peak - before.rss).toFixed(0)} | ${tally(answers.map((a) => a.status))} | ${real.status} in ${real.ms.toFixed(0)} ms | ${elapsed.toFixed(0)} |`;
  } finally {
    server.child.kill('SIGTERM');
  }
}

/**
 * Floods Magnolia (this tree, or `baseline`, the magnolia-server.ts of another checkout, measured in the same run)
 * and returns a Markdown table.
 */
export async function runBodyFloodBenchmark(parallel = 20, baseline?: string): Promise<string> {
  const here = fileURLToPath(new URL('magnolia-server.ts', import.meta.url));
  const rows: string[] = [];
  for (const signature of ['none', 'wrong'] as const) {
    if (baseline) rows.push(await flood('before (baseline checkout)', baseline, signature, parallel));
    rows.push(await flood('Magnolia', here, signature, parallel));
  }
  return [
    `Body flood: ${parallel} parallel ${(BODY_BYTES / 1024 / 1024).toFixed(0)} MB deliveries, plus one signed ping 200 ms in`,
    '',
    '| server | flood | RSS before MB | peak RSS MB | growth MB | flood answers | signed ping | flood ms |',
    '|---|---|---:|---:|---:|---|---|---:|',
    ...rows,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write((await runBodyFloodBenchmark(20, process.argv[2])) + '\n');
}
