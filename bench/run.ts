// `npm run bench`: every benchmark, one after the other (they would disturb each other in parallel), each printing
// a Markdown table of its figures beside its baseline, measured in the same run.
import { existsSync } from 'node:fs';

const BENCHMARKS: { name: string; module: string; run: string }[] = [
  { name: 'webhook ingest', module: './webhooks/ingest-bench.ts', run: 'runWebhookIngestBenchmark' },
  { name: 'mirror backfill', module: './mirror/backfill-bench.ts', run: 'runMirrorBenchmark' },
  { name: 'draft generation', module: './draft-generation.ts', run: 'runDraftBenchmark' },
  { name: 'draft of large files', module: './draft-large-files.ts', run: 'runLargeDraftBenchmark' },
  { name: 'maturity evaluation', module: './maturity/evaluate-bench.ts', run: 'runMaturityBenchmark' },
  { name: 'portal pages and search', module: './portal/portal-bench.ts', run: 'runPortalBenchmark' },
  { name: 'proposal and draft pages', module: './proposals/proposal-bench.ts', run: 'runProposalBenchmark' },
  { name: 'revision diff', module: './review/diff-bench.ts', run: 'runDiffBenchmark' },
  { name: 'upstream drift', module: './review/drift-bench.ts', run: 'runDriftBenchmark' },
  { name: 'static site', module: './publication/site-bench.ts', run: 'runSiteBenchmark' },
];

const only = process.argv.slice(2);
for (const bench of BENCHMARKS) {
  if (only.length > 0 && !only.some((o) => bench.name.includes(o))) continue;
  if (!existsSync(new URL(bench.module, import.meta.url))) continue;
  process.stdout.write(`\n## ${bench.name}\n\n`);
  const mod = (await import(bench.module)) as Record<string, () => Promise<string>>;
  process.stdout.write((await mod[bench.run]!()) + '\n');
}
