// Bench server process for the proposal benchmark: a member project whose spec makes a draft of about 5,000
// clauses, a proposal with that draft as its ready revision, and a second proposal over a 1 MB spec whose revision
// is generated when the parent writes `generate` on stdin (the answer, a JSON line, says how long it took;
// `clauses` then asks how many clauses it has).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { readConfig } from '../../kernel/config/read-config.ts';
import { createLogger } from '../../kernel/log/create-logger.ts';
import { startInstance } from '../../server/start-instance.ts';
import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';
import { readDefaultWorkflowSource } from '../../sync/proposals/workflow/load-workflow.ts';
import { commitAll, initRepo, random, specLines } from '../draft-generation.ts';

const LINES = Number(process.argv[2] ?? 12_000);
const dataDir = mkdtempSync(path.join(tmpdir(), 'magnolia-proposal-bench-'));
const repo = path.join(dataDir, 'upstream');
const MB = 1024 * 1024;

// The upstream: `spec/large.md` (about 5,000 clauses) and `spec/generate.md` (1 MB, drafted during the run).
mkdirSync(path.join(repo, 'spec'), { recursive: true });
await initRepo(repo);
writeFileSync(path.join(repo, 'spec/large.md'), specLines(random(11), LINES, 'Bench Protocol').join('\n') + '\n');
const big = specLines(random(12), LINES * 2, 'Generated Protocol').join('\n');
writeFileSync(path.join(repo, 'spec/generate.md'), big.slice(0, big.lastIndexOf('\n## ', MB)) + '\n');
writeFileSync(path.join(repo, 'README.md'), '# Bench protocol\n\nThe specifications are in spec/.\n');
await commitAll(repo, 1, 'Specs');

const config = readConfig({
  MAGNOLIA_DATA_DIR: path.join(dataDir, 'data'),
  PORT: '0',
  HOST: '127.0.0.1',
  MAGNOLIA_DEMO: 'off',
  LOG_LEVEL: 'silent',
  MAGNOLIA_RECONCILE_MINUTES: '0',
  GITHUB_API_URL: 'http://127.0.0.1:9',
  GITHUB_URL: 'http://127.0.0.1:9',
});
const instance = await startInstance({ config, log: createLogger('silent') });
const { services } = instance;
const PROJECT = 'bench/spec';
const { added } = await services.projects.add({ fullName: PROJECT, cloneUrl: repo, domain: 'iot' });
await services.sync.maturity.evaluate(added.id);
// A generated project is not mature: the workflow of this run asks for the lowest level.
services.proposals.installWorkflow(
  readDefaultWorkflowSource().replace('requiredLevel: mature', 'requiredLevel: sandbox'),
  'bench',
);
const actor: ProposalActor = { login: 'bench', roles: ['member', 'secretariat'], maintainerOf: [PROJECT] };
const propose = (file: string) =>
  services.proposals.create(
    {
      project: PROJECT,
      title: { zh: '基准协议', en: 'Bench protocol' },
      ref: 'main',
      sources: [{ path: file }],
      scope: 'Everything.',
      rationale: 'Measured.',
    },
    actor,
  );

/** Asks for a revision and waits until the background process has made it (polling the summaries, as the pages read them). */
async function generate(number: string): Promise<{ ms: number; rev: number }> {
  const started = performance.now();
  const { rev } = await services.proposals.revise(number, { reason: 'bench' }, actor);
  for (;;) {
    const summary = instance.store.revisions.list(number).find((r) => r.rev === rev);
    if (summary?.status === 'ready') return { ms: performance.now() - started, rev };
    if (summary?.status !== 'queued') throw new Error(`revision failed: ${summary?.error ?? 'gone'}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** How many clauses a ready revision has (read after the measurement: it parses the manifest). */
const clausesOf = (number: string, rev: number) =>
  (JSON.parse(services.proposals.revision(number, rev).row.manifest_json!) as { clauses: unknown[] }).clauses.length;

const large = await propose('spec/large.md');
const made = await generate(large.number);
const madeClauses = clausesOf(large.number, made.rev);
const later = await propose('spec/generate.md');
const address = instance.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(
  JSON.stringify({
    url: `http://127.0.0.1:${port}`,
    clauses: madeClauses,
    pages: { proposal: `/proposals/${large.number}`, draft: `/proposals/${large.number}/00` },
    generateBytes: Buffer.byteLength(big.slice(0, big.lastIndexOf('\n## ', MB)) + '\n'),
  }) + '\n',
);

// `generate` answers when the revision is ready; `clauses` then says its size (after the load has stopped).
let generated: { ms: number; rev: number } | undefined;
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === 'generate') {
    generated = await generate(later.number);
    process.stdout.write(JSON.stringify({ ms: generated.ms }) + '\n');
  }
  if (line.trim() === 'clauses' && generated)
    process.stdout.write(JSON.stringify({ clauses: clausesOf(later.number, generated.rev) }) + '\n');
}
