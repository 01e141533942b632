// Benchmark of upstream drift: a push of 10 commits against a 90-file pinned spec set (about 1 MB, the draft
// benchmark's set), read from the mirror (`git diff -U0` over the pinned files) and laid over the revision's
// clauses, beside generating the revision of that set in the same run. Goal: drift costs at most 0.1x generation.
// Run: node --import tsx bench/review/drift-bench.ts
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { buildRevision } from '../../sync/proposals/build-revision.ts';
import { computeDrift } from '../../sync/review/drift/compute-drift.ts';
import { readSourceChanges } from '../../sync/review/drift/read-source-changes.ts';
import { buildSpecSet, commitAll, random } from '../draft-generation.ts';

const GENERATIONS = 3;
const DRIFTS = 9;
const PUSHED_COMMITS = 10;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const head = async (dir: string) => (await runGit(['rev-parse', 'HEAD'], { cwd: dir })).stdout.toString('utf8').trim();

/** Ten commits, each rewording a few lines of three files and turning a SHOULD into a MUST. */
async function push(dir: string, files: readonly string[]): Promise<void> {
  const rand = random(7);
  for (let n = 1; n <= PUSHED_COMMITS; n++) {
    for (let k = 0; k < 3; k++) {
      const file = path.join(dir, files[Math.floor(rand() * files.length)]!);
      const lines = (await readFile(file, 'utf8')).split('\n');
      for (let e = 0; e < 4; e++) {
        const at = Math.floor(rand() * lines.length);
        if (lines[at]!.startsWith('#') || lines[at]!.trim() === '') continue;
        lines[at] = lines[at]!.includes('SHOULD')
          ? lines[at]!.replace('SHOULD', 'MUST')
          : `${lines[at]} (revised ${n})`;
      }
      await writeFile(file, lines.join('\n'));
    }
    await commitAll(dir, 100 + n, `push ${n}`);
  }
}

export async function runDriftBenchmark(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'magnolia-drift-bench-'));
  try {
    const files = await buildSpecSet(dir);
    const pinned = await head(dir);
    const request = {
      mirrorPath: dir,
      ref: pinned,
      sources: files.map((p) => ({ path: p, role: 'clauses' as const })),
      name: 'bench/spec',
      repositoryUrl: 'https://github.com/bench/spec',
      titleZh: '基准',
      titleEn: 'Bench',
      permalinkBase: 'https://github.com',
      date: '2026-12-01',
      cwd: dir,
    };
    const generation: number[] = [];
    let manifest: DraftManifest | undefined;
    for (let i = 0; i < GENERATIONS; i++) {
      const started = performance.now();
      const built = await buildRevision(request);
      generation.push(performance.now() - started);
      manifest = JSON.parse(built.manifestJson) as DraftManifest;
    }
    await push(dir, files);
    const now = await head(dir);
    const drift: number[] = [];
    let report: ReturnType<typeof computeDrift> | undefined;
    for (let i = 0; i < DRIFTS; i++) {
      const started = performance.now();
      const changes = await readSourceChanges(runGit, dir, pinned, now, files);
      report = computeDrift({
        number: 'MP-2026-001',
        rev: 0,
        manifest: manifest!,
        pinnedCommit: pinned,
        headCommit: now,
        branch: 'main',
        changes,
        at: new Date().toISOString(),
      });
      drift.push(performance.now() - started);
    }
    const g = median(generation);
    const d = median(drift);
    return [
      `Upstream drift vs. generating the revision (wall-clock medians: drift of ${DRIFTS}, generation of ${GENERATIONS}; load average ${loadavg()[0]!.toFixed(1)}). Goal: drift ≤ 0.1x generation.`,
      '',
      '| case | pinned files | clauses | files changed | clauses touched | strength changes | drift ms | generation ms | ratio |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      `| push of ${PUSHED_COMMITS} commits | ${files.length} | ${manifest!.clauses.length} | ${report!.changedFiles.length} | ${report!.clauses.length} | ${report!.strengthChanges.length} | ${d.toFixed(1)} | ${g.toFixed(0)} | **${(d / g).toFixed(3)}x** |`,
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.stdout.write((await runDriftBenchmark()) + '\n');
