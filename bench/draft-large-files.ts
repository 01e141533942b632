// Benchmark of `magnolia draft` on one large spec file of 1, 2 and 4 MB: time per MB and peak memory against
// the input size, each run in a fresh process so its peak RSS is its own. Goals (issue 9, item 11): time per MB
// constant within 1.5x from 1 to 4 MB, memory under 10x the input. Run: node --import tsx bench/draft-large-files.ts
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { draftFromGit, readDraftInput } from '../content/draft/git/draft-from-git.ts';
import { generateDraft } from '../content/draft/generate-draft.ts';
import { parseMarkdown } from '../content/draft/parse-markdown.ts';
import { runGit } from '../kernel/git/run-git.ts';
import { commitAll, initRepo, random, specLines } from './draft-generation.ts';

const SIZES_MB = [1, 2, 4];
const REPETITIONS = 3;
const MB = 1024 * 1024;

/** One spec file of `bytes` bytes at most (cut before a section), in the proportions of the other draft benchmarks. */
function largeSpec(bytes: number): string {
  const text = `${specLines(random(3), Math.ceil(bytes / 20), 'Large spec').join('\n')}\n`;
  return text.slice(0, text.lastIndexOf('\n## ', bytes - 1) + 1);
}

/** What one child run reports. */
interface Run {
  wallMs: number;
  cpuMs: number;
  /** Peak resident set of the whole process, and its size once modules were loaded and the input prepared. */
  peakRssMb: number;
  baseRssMb: number;
  clauses: number;
}

/** Child mode: one draft of `file` in `repo`, in process as the CLI runs it (`draft`), or the pure core alone on
 * the input read from git beforehand (`core`), or the parse alone; prints a Run as JSON. */
async function child(repo: string, file: string, mode: string): Promise<void> {
  const options = {
    runGit,
    repo,
    ref: 'HEAD',
    sources: [{ path: file, role: 'clauses' as const }],
    permalinkBase: 'https://github.com',
    lang: 'en' as const,
    type: 'association' as const,
    date: '2025-01-01',
    cwd: repo,
  };
  const input = mode === 'draft' ? undefined : await readDraftInput(options);
  const text = input?.files[0]!.text ?? '';
  const baseRssMb = process.memoryUsage().rss / MB;
  const cpu = process.cpuUsage();
  const t = performance.now();
  let clauses = 0;
  if (mode === 'parse-whole') clauses = parseMarkdown(text, { chunkChars: Number.POSITIVE_INFINITY }).children.length;
  else if (mode === 'parse-pieces') clauses = parseMarkdown(text).children.length;
  else {
    const result = input ? generateDraft(input) : await draftFromGit(options);
    JSON.stringify(result.manifest);
    clauses = result.manifest.clauses.length;
  }
  const wallMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const run: Run = {
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb,
    clauses,
  };
  process.stdout.write(JSON.stringify(run));
}

function runChild(repo: string, file: string, mode: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', repo, file, mode],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('error', reject);
    proc.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Run) : reject(new Error(`child exited ${code}`)),
    );
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Builds one repository holding the 1, 2 and 4 MB files, drafts each in fresh processes, returns a table. */
export async function runLargeDraftBenchmark(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'magnolia-bench-draft-large-'));
  try {
    await initRepo(dir);
    const files = SIZES_MB.map((mb) => `spec-${mb}mb.md`);
    const texts = SIZES_MB.map((mb) => largeSpec(mb * MB));
    for (const [i, file] of files.entries()) await writeFile(path.join(dir, file), texts[i]!);
    await commitAll(dir, 1, 'large specs');
    const rows: string[] = [];
    for (const mode of ['draft', 'core']) {
      const perMb: number[] = [];
      for (const [i, file] of files.entries()) {
        const runs: Run[] = [];
        for (let r = 0; r < REPETITIONS; r++) runs.push(await runChild(dir, file, mode));
        const mb = Buffer.byteLength(texts[i]!) / MB;
        const cpu = median(runs.map((r) => r.cpuMs));
        const wall = median(runs.map((r) => r.wallMs));
        const peak = Math.max(...runs.map((r) => r.peakRssMb));
        const growth = Math.max(...runs.map((r) => r.peakRssMb - r.baseRssMb));
        perMb.push(cpu / mb);
        rows.push(
          `| ${mode === 'draft' ? 'draftFromGit' : 'generateDraft'} | ${mb.toFixed(2)} MiB | ${runs[0]!.clauses} | ${wall.toFixed(0)} | ${cpu.toFixed(0)} | ${(cpu / mb).toFixed(0)} | ${(perMb[i]! / perMb[0]!).toFixed(2)}x | ${peak.toFixed(0)} | ${growth.toFixed(0)} | ${(growth / mb).toFixed(0)}x |`,
        );
      }
    }
    // The parse alone: one parse of the whole file (what the generator did before) against pieces, once each.
    const parses: string[] = [];
    for (const [i, file] of files.entries()) {
      const mb = Buffer.byteLength(texts[i]!) / MB;
      const whole = await runChild(dir, file, 'parse-whole');
      const pieces = await runChild(dir, file, 'parse-pieces');
      parses.push(
        `| ${mb.toFixed(2)} MiB | ${(whole.cpuMs / mb).toFixed(0)} | ${whole.peakRssMb.toFixed(0)} | ${(pieces.cpuMs / mb).toFixed(0)} | ${pieces.peakRssMb.toFixed(0)} |`,
      );
    }
    return [
      `One large spec file, draft + manifest: draftFromGit in process as the CLI runs it (git read, blame, core), and the pure core generateDraft alone on the input read beforehand (fresh process per run, medians of ${REPETITIONS}; ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)})`,
      '',
      '| run | size | clauses | wall ms | CPU ms | CPU ms per MB | per MB vs 1 MB | peak RSS MB | RSS growth MB | growth / input |',
      '| --- | ---: | ------: | ------: | -----: | ------------: | -------------: | ----------: | ------------: | -------------: |',
      ...rows,
      '',
      'Parse alone: one parse of the whole file against pieces cut between top-level blocks',
      '',
      '| size | whole: CPU ms per MB | whole: peak RSS MB | pieces: CPU ms per MB | pieces: peak RSS MB |',
      '| ---: | -------------------: | -----------------: | --------------------: | ------------------: |',
      ...parses,
      '',
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
} else if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.stdout.write(await runLargeDraftBenchmark());
}
