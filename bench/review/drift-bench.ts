// Benchmark of upstream drift: after a push of 10 commits to a 90-file pinned spec set, the time `detectDrift` takes
// (diff, changed files read, clauses and requirements compared), beside the time generating the draft of the same
// set takes, measured in the same run (goal: drift ≤ 0.1x generation).
// Run: node --import tsx bench/review/drift-bench.ts
import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { draftFromGit } from '../../content/draft/git/draft-from-git.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { detectDrift } from '../../sync/review/drift/detect-drift.ts';
import type { DriftReport } from '../../sync/review/drift/drift-report.ts';
import { buildSpecSet, commitAll, random } from '../draft-generation.ts';

const REPETITIONS = 7;
const PUSHED_COMMITS = 10;
const FILES_PER_COMMIT = 3;
const LINES_PER_FILE = 4;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const revParse = async (dir: string, ref: string): Promise<string> =>
  (await runGit(['rev-parse', '--verify', `${ref}^{commit}`], { cwd: dir })).stdout.toString('utf8').trim();

// Edits as upstream makes them: a keyword made stronger or weaker, a sentence reworded, a sentence added.
const EDITS: ((line: string, n: number) => string)[] = [
  (line) => line.replace(/\bSHOULD\b/, 'MUST').replace(/\bMAY\b/, 'SHOULD'),
  (line) => line.replace(/\bMUST\b/, 'SHOULD'),
  (line, n) => line.replace(/\(revision \d+\)/, `(revision ${n}, reworded)`),
  (line, n) => `${line} Peers MAY log it (push ${n}).`,
];

/** Pushes `PUSHED_COMMITS` commits, each editing a few prose lines of a few pinned files. */
async function push(dir: string, files: readonly string[]): Promise<void> {
  const rand = random(7);
  for (let commit = 1; commit <= PUSHED_COMMITS; commit++) {
    for (let f = 0; f < FILES_PER_COMMIT; f++) {
      const file = path.join(dir, files[Math.floor(rand() * files.length)]!);
      const lines = (await readFile(file, 'utf8')).split('\n');
      const prose = lines.flatMap((line, i) => (/^(- )?The /.test(line) ? [i] : []));
      for (let e = 0; e < LINES_PER_FILE; e++) {
        const at = prose[Math.floor(rand() * prose.length)]!;
        lines[at] = EDITS[Math.floor(rand() * EDITS.length)]!(lines[at]!, commit);
      }
      await writeFile(file, lines.join('\n'));
    }
    await commitAll(dir, 200 + commit, `push ${commit}`);
  }
}

/** Builds the set, pins its draft, pushes 10 commits, and times drift against generation; returns a Markdown table. */
export async function runDriftBenchmark(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'magnolia-bench-drift-'));
  try {
    const files = await buildSpecSet(dir);
    const sources = files.map((p) => ({ path: p, role: 'clauses' as const }));
    const pinnedCommit = await revParse(dir, 'HEAD');
    const generate = () =>
      draftFromGit({
        runGit,
        repo: dir,
        ref: pinnedCommit,
        sources,
        permalinkBase: 'https://github.com',
        lang: 'en',
        type: 'association',
        date: '2025-01-01',
        cwd: dir,
        concurrency: Math.max(2, availableParallelism()),
      });
    // The revision's manifest as the store keeps it (JSON), so drift reads what it would read in service.
    const manifest = JSON.parse(JSON.stringify((await generate()).manifest)) as DraftManifest;
    await push(dir, files);
    const headCommit = await revParse(dir, 'HEAD');
    const drift = () => detectDrift({ mirrorPath: dir, pinnedCommit, headCommit, sources, manifest, runGit });

    const generations: number[] = [];
    const drifts: number[] = [];
    let report: DriftReport | undefined;
    await drift(); // warm-up (generation was warmed by pinning)
    const timeGeneration = async (): Promise<void> => {
      const t = performance.now();
      JSON.stringify((await generate()).manifest);
      generations.push(performance.now() - t);
    };
    const timeDrift = async (): Promise<void> => {
      const t = performance.now();
      report = await drift();
      JSON.stringify(report);
      drifts.push(performance.now() - t);
    };
    // Alternate which runs first, so neither always gets the warmer (or the busier) machine.
    for (let i = 0; i < REPETITIONS; i++) {
      if (i % 2 === 0) {
        await timeGeneration();
        await timeDrift();
      } else {
        await timeDrift();
        await timeGeneration();
      }
    }
    const g = median(generations);
    const d = median(drifts);
    const r = report!;
    return [
      `Upstream drift vs. draft generation of the same set (wall-clock medians of ${REPETITIONS}, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)}; goal ≤ 0.1x)`,
      '',
      '| case | pinned files | clauses | commits pushed | files changed | clauses touched | strength changes | generation ms | drift ms | ratio |',
      '| ---- | -----------: | ------: | -------------: | ------------: | --------------: | ---------------: | ------------: | -------: | ----: |',
      `| 90-file spec set, push of ${PUSHED_COMMITS} commits | ${files.length} | ${manifest.clauses.length} | ${PUSHED_COMMITS} | ${r.changedFiles.length} | ${r.clauses.length} | ${r.strengthChanges.length} | ${g.toFixed(0)} | ${d.toFixed(1)} | ${(d / g).toFixed(3)}x |`,
      '',
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.stdout.write(await runDriftBenchmark());
}
