// Benchmark of `magnolia draft`: time to produce draft + manifest from a git repository, side by side with
// the floor — `git blame --line-porcelain` alone on the same files at the same commit, run the same way
// (same arguments, same concurrency). Run: node --import tsx bench/draft-generation.ts
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDraftCache } from '../content/draft/cache/draft-cache.ts';
import type { DraftManifest } from '../content/draft/draft-types.ts';
import { blameArgs } from '../content/draft/git/blame-file.ts';
import { draftFromGit, type DraftFromGitOptions } from '../content/draft/git/draft-from-git.ts';
import { runGit } from '../kernel/git/run-git.ts';

const REPETITIONS = 7;
const AUTHORS = ['Alice Liu', 'Bob Stone', '陈卡罗', 'Dana Park', 'Eve Moreau'];

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same repositories. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'frame peer widget stream header payload session token client server cache retry order batch window limit handshake record'.split(
    ' ',
  );
const KEYWORDS = ['MUST', 'SHOULD', 'MAY', 'MUST NOT', 'SHOULD NOT', 'REQUIRED', 'is', 'can', 'will'];

/**
 * One prose sentence in the proportions of real specifications: mostly plain text, some inline code,
 * links and emphasis, and a BCP 14 keyword in about two thirds of them.
 */
function sentence(rand: () => number, n: number): string {
  const w = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  const k = KEYWORDS[Math.floor(rand() * KEYWORDS.length)]!;
  const roll = rand();
  const tail =
    roll < 0.15
      ? ` using the \`${w()}_${w()}\` field`
      : roll < 0.25
        ? ` as described in [RFC ${9000 + Math.floor(rand() * 200)}](https://www.rfc-editor.org/rfc/rfc${9000 + Math.floor(rand() * 200)})`
        : roll < 0.35
          ? ` for *every* ${w()}`
          : '';
  return `The ${w()} ${k} ${w()} the ${w()} of each ${w()} before the ${w()} is accepted by the ${w()}${tail} (revision ${n}).`;
}

/** A spec file of about `lines` lines: sections, paragraphs, lists, tables, notes and code. */
export function specLines(rand: () => number, lines: number, title: string): string[] {
  const out = [`# ${title}`, ''];
  let section = 0;
  while (out.length < lines) {
    section++;
    out.push(`## Section ${section}`, '', sentence(rand, 0), sentence(rand, 0), sentence(rand, 0), '');
    out.push(
      `### Detail ${section}.1`,
      '',
      sentence(rand, 0),
      sentence(rand, 0),
      '',
      `- ${sentence(rand, 0)}`,
      `- ${sentence(rand, 0)}`,
      `- ${sentence(rand, 0)}`,
      '',
    );
    if (section % 3 === 0)
      out.push('| Field | Rule |', '| ----- | ---- |', '| id | REQUIRED |', '| size | OPTIONAL |', '');
    if (section % 4 === 0) out.push('> Note: caches may be shared between peers.', '');
    if (section % 5 === 0) out.push('```json', '{ "frame": 1 }', '```', '');
    out.push(`### Detail ${section}.2`, '', sentence(rand, 0), sentence(rand, 0), sentence(rand, 0), '');
  }
  return out.slice(0, lines);
}

/** Rewrites `count` random prose lines so blame has history to walk. */
function touch(rand: () => number, lines: string[], count: number, revision: number): void {
  const prose = lines.flatMap((line, i) => (/^(- )?The /.test(line) ? [i] : []));
  for (let i = 0; i < count; i++) {
    const at = prose[Math.floor(rand() * prose.length)]!;
    lines[at] = (lines[at]!.startsWith('- ') ? '- ' : '') + sentence(rand, revision);
  }
}

export async function commitAll(dir: string, revision: number, message: string): Promise<void> {
  const author = AUTHORS[revision % AUTHORS.length]!;
  const date = new Date(Date.UTC(2023, 0, 1) + revision * 86_400_000).toISOString();
  await runGit(['add', '--all'], { cwd: dir });
  await runGit(['commit', '--quiet', '-m', message], {
    cwd: dir,
    env: {
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: 'dev@example.org',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: 'dev@example.org',
      GIT_COMMITTER_DATE: date,
    },
  });
}

export async function initRepo(dir: string): Promise<void> {
  await runGit(['init', '--quiet', '--initial-branch=main'], { cwd: dir });
  await runGit(['remote', 'add', 'origin', 'https://github.com/bench/spec.git'], { cwd: dir });
}

/** (a) One 600-line spec written over 80 commits; returns its spec paths. */
export async function buildSingleSpec(dir: string): Promise<string[]> {
  await initRepo(dir);
  const rand = random(1);
  const lines = specLines(rand, 600, 'Single spec');
  for (let revision = 1; revision <= 80; revision++) {
    if (revision > 1) touch(rand, lines, 12, revision);
    await writeFile(path.join(dir, 'SPEC.md'), `${lines.join('\n')}\n`);
    await commitAll(dir, revision, `revision ${revision}`);
  }
  return ['SPEC.md'];
}

/** (b) A 90-file, ~1 MB spec set written over 40 commits touching a few files each. */
export async function buildSpecSet(dir: string): Promise<string[]> {
  await initRepo(dir);
  const rand = random(2);
  await mkdir(path.join(dir, 'spec'), { recursive: true });
  const files = Array.from({ length: 90 }, (_, i) => `spec/part-${String(i + 1).padStart(2, '0')}.md`);
  const contents = files.map((_, i) => specLines(rand, 195, `Part ${i + 1}`));
  for (let revision = 1; revision <= 40; revision++) {
    const changed =
      revision === 1 ? files.map((_, i) => i) : Array.from({ length: 8 }, () => Math.floor(rand() * files.length));
    for (const i of changed) {
      if (revision > 1) touch(rand, contents[i]!, 6, revision);
      await writeFile(path.join(dir, files[i]!), `${contents[i]!.join('\n')}\n`);
    }
    await commitAll(dir, revision, `revision ${revision}`);
  }
  return files;
}

/**
 * CPU time used so far, in ms: this process (all threads) plus its waited-for children (git), read from
 * /proc on Linux (100 ticks a second). Undefined elsewhere. Unlike wall time it does not depend on how busy
 * the rest of the machine is, so it shows the work each side does even on a shared runner.
 */
async function cpuMs(): Promise<number | undefined> {
  const stat = await readFile('/proc/self/stat', 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: field 14 cutime and 15 cstime are at indexes 13 and 14 here (1-based 16, 17).
  const children = (Number(fields[13]) + Number(fields[14])) * 10;
  const self = process.cpuUsage();
  return children + (self.user + self.system) / 1000;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** `git blame` alone, exactly as the draft runs it: same arguments, same number in flight. */
async function floor(dir: string, commit: string, files: string[], limit: number): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < files.length) await runGit(blameArgs(commit, files[next++]!), { cwd: dir });
  };
  await Promise.all(Array.from({ length: Math.min(limit, files.length) }, lane));
}

/** The draft both measurements make: every file a clause file, English, a fixed date. */
function benchOptions(dir: string, ref: string, files: string[], limit: number): DraftFromGitOptions {
  return {
    runGit,
    repo: dir,
    ref,
    sources: files.map((p) => ({ path: p, role: 'clauses' as const })),
    permalinkBase: 'https://github.com',
    lang: 'en',
    type: 'association',
    date: '2025-01-01',
    cwd: dir,
    concurrency: limit,
  };
}

async function measure(label: string, dir: string, files: string[]): Promise<string> {
  const commit = (await runGit(['rev-parse', 'HEAD'], { cwd: dir })).stdout.toString('utf8').trim();
  const limit = Math.max(2, availableParallelism());
  const bytes = (
    await Promise.all(files.map((f) => runGit(['cat-file', '-s', `${commit}:${f}`], { cwd: dir })))
  ).reduce((n, r) => n + Number(r.stdout.toString('utf8')), 0);
  const ours: number[] = [];
  const floors: number[] = [];
  const oursCpu: number[] = [];
  const floorsCpu: number[] = [];
  let clauses = 0;
  const draft = () => draftFromGit(benchOptions(dir, commit, files, limit));
  // One warm-up of each, so JIT and the page cache do not favour whichever runs second.
  await floor(dir, commit, files, limit);
  await draft();
  const timeFloor = async (): Promise<void> => {
    const c = await cpuMs();
    const t = performance.now();
    await floor(dir, commit, files, limit);
    floors.push(performance.now() - t);
    const c2 = await cpuMs();
    if (c !== undefined && c2 !== undefined) floorsCpu.push(c2 - c);
  };
  const timeDraft = async (): Promise<void> => {
    const c = await cpuMs();
    const t = performance.now();
    const result = await draft();
    JSON.stringify(result.manifest);
    ours.push(performance.now() - t);
    const c2 = await cpuMs();
    if (c !== undefined && c2 !== undefined) oursCpu.push(c2 - c);
    clauses = result.manifest.clauses.length;
  };
  // Alternate which runs first, so neither side always gets the warmer (or the busier) machine.
  for (let i = 0; i < REPETITIONS; i++) {
    if (i % 2 === 0) {
      await timeFloor();
      await timeDraft();
    } else {
      await timeDraft();
      await timeFloor();
    }
  }
  const f = median(floors);
  const o = median(ours);
  const cpu =
    floorsCpu.length > 0
      ? `${median(floorsCpu).toFixed(0)} / ${median(oursCpu).toFixed(0)} (${(median(oursCpu) / median(floorsCpu)).toFixed(2)}x)`
      : 'n/a';
  return `| ${label} | ${files.length} | ${(bytes / 1024).toFixed(0)} KiB | ${clauses} | ${f.toFixed(0)} | ${o.toFixed(0)} | ${(o / f).toFixed(2)}x | ${cpu} |`;
}

const ROUNDS = 5;

/**
 * Regenerating after a one-file change, as `magnolia draft --cache-dir … --previous …` does it: each round drafts the
 * set at HEAD with an empty cache folder (the first generation), commits a change to one file, and drafts again in a
 * fresh cache instance over the same folder (a new process) with the first manifest as `--previous`.
 */
async function measureRegeneration(label: string, dir: string, files: string[]): Promise<string> {
  const rand = random(3);
  const limit = Math.max(2, availableParallelism());
  const firsts: number[] = [];
  const agains: number[] = [];
  let carried = 0;
  let clauses = 0;
  const options = (ref: string): DraftFromGitOptions => benchOptions(dir, ref, files, limit);
  for (let round = 0; round < ROUNDS; round++) {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'magnolia-bench-cache-'));
    try {
      let t = performance.now();
      const cold = createDraftCache({ dir: cacheDir });
      const first = await draftFromGit({ ...options('HEAD'), cache: cold });
      const manifest = JSON.parse(JSON.stringify(first.manifest)) as DraftManifest;
      await cold.flush();
      firsts.push(performance.now() - t);
      const file = files[Math.floor(rand() * files.length)]!;
      const lines = (await readFile(path.join(dir, file), 'utf8')).split('\n');
      const prose = lines.flatMap((line, i) => (/^(- )?The /.test(line) ? [i] : []));
      lines[prose[Math.floor(rand() * prose.length)]!] += ' Peers MAY log it.';
      await writeFile(path.join(dir, file), lines.join('\n'));
      await commitAll(dir, 100 + round, `one-file change ${round}`);
      t = performance.now();
      const warm = createDraftCache({ dir: cacheDir });
      const again = await draftFromGit({ ...options('HEAD'), cache: warm, previous: manifest });
      JSON.stringify(again.manifest);
      await warm.flush();
      agains.push(performance.now() - t);
      clauses = again.manifest.clauses.length;
      carried = again.manifest.clauses.filter((c) => c.change !== 'new').length;
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  }
  const f = median(firsts);
  const a = median(agains);
  return `| ${label} | ${files.length} | ${clauses} (${carried} carried) | ${f.toFixed(0)} | ${a.toFixed(0)} | ${(a / f).toFixed(2)}x |`;
}

/** Builds both benchmark repositories in a temp dir, measures them, and returns a Markdown table. */
export async function runDraftBenchmark(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'magnolia-bench-draft-'));
  try {
    const single = path.join(root, 'single');
    const set = path.join(root, 'set');
    await mkdir(single);
    await mkdir(set);
    const singleFiles = await buildSingleSpec(single);
    const setFiles = await buildSpecSet(set);
    const rows = [
      await measure('600-line spec, 80 commits', single, singleFiles),
      await measure('90-file spec set, 40 commits', set, setFiles),
    ];
    // Last: it adds commits to the set.
    const regeneration = await measureRegeneration('90-file spec set, one file changed', set, setFiles);
    return [
      `Draft generation vs. git blame floor (wall-clock medians of ${REPETITIONS}, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)}, blame -M -C, same concurrency)`,
      '',
      '| case | files | size | clauses | floor ms (blame alone) | draft + manifest ms | ratio | CPU ms floor / ours |',
      '| ---- | ----: | ---: | ------: | ---------------------: | ------------------: | ----: | ------------------: |',
      ...rows,
      '',
      `Regenerating after a one-file change with --cache-dir and --previous (wall-clock medians of ${ROUNDS} rounds; first = an empty cache folder)`,
      '',
      '| case | files | clauses | first generation ms | regeneration ms | ratio |',
      '| ---- | ----: | ------: | ------------------: | --------------: | ----: |',
      regeneration,
      '',
    ].join('\n');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.stdout.write(await runDraftBenchmark());
}
