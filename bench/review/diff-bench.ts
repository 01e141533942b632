// Benchmark of the revision diff: `diffRevisions` between two revisions of a spec of about 5,000 clauses (the large
// spec of the proposal benchmark) whose second version has a few hundred edits, moves, strength changes, additions
// and removals, beside the generation of that second revision (draft + manifest, IDs carried from the first)
// measured in the same run. Goal: the diff costs at most 0.05x the generation it is stored with.
// Run: node --import tsx bench/review/diff-bench.ts
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { draftFromGit, type DraftFromGitOptions } from '../../content/draft/git/draft-from-git.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { diffRevisions } from '../../sync/review/diffs/diff-revisions.ts';
import { commitAll, initRepo, random, specLines } from '../draft-generation.ts';

const LINES = 12_000;
const GENERATIONS = 3;
const DIFFS = 11;
const FILE = 'spec/large.md';
/** How many of each change the second version has. */
const CHANGES = { edits: 200, strength: 150, moves: 100, removals: 100, additions: 100 };

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * The second version of the spec: prose lines reworded, SHOULD made MUST and MAY made MUST NOT, list items moved to
 * other lists (under other headings), list items removed, and new paragraphs added, each on lines of its own
 * (drawn without repetition, so no line takes two changes).
 */
function revise(lines: readonly string[], rand: () => number): string[] {
  const pool = (test: (line: string) => boolean): number[] => {
    const indexes = lines.flatMap((line, i) => (test(line) ? [i] : []));
    for (let i = indexes.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
    }
    return indexes;
  };
  const used = new Set<number>();
  const take = (from: number[], count: number): number[] => {
    const out: number[] = [];
    for (const i of from) {
      if (out.length === count) break;
      if (used.has(i)) continue;
      used.add(i);
      out.push(i);
    }
    return out;
  };
  const paragraphs = pool((line) => line.startsWith('The '));
  const items = pool((line) => line.startsWith('- The '));
  const blanks = pool((line) => line === '');
  const strength = take(
    pool((line) => / (SHOULD|MAY) /.test(line) && !/SHOULD NOT/.test(line)),
    CHANGES.strength,
  );
  const edits = take(paragraphs, CHANGES.edits);
  const moved = take(items, CHANGES.moves);
  const removed = take(items, CHANGES.removals);
  const targets = take(items, CHANGES.moves);
  const additions = take(blanks, CHANGES.additions);

  const replace = new Map<number, string[]>();
  for (const i of strength) replace.set(i, [lines[i]!.replace(' SHOULD ', ' MUST ').replace(' MAY ', ' MUST NOT ')]);
  for (const i of edits) replace.set(i, [lines[i]!.replace(/\.$/, ', unless the session is closed.')]);
  for (const i of [...moved, ...removed]) replace.set(i, []);
  moved.forEach((from, k) => replace.set(targets[k]!, [lines[targets[k]!]!, lines[from]!]));
  additions.forEach((i, k) =>
    replace.set(i, ['', `Added paragraph ${k}: a relay MUST forward every frame it accepts within one window.`, '']),
  );
  return lines.flatMap((line, i) => replace.get(i) ?? [line]);
}

/** Builds the two versions in a temp repository, measures both sides, and returns a Markdown table. */
export async function runDiffBenchmark(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'magnolia-bench-diff-'));
  try {
    await initRepo(dir);
    await mkdir(path.join(dir, 'spec'));
    const first = specLines(random(11), LINES, 'Bench Protocol');
    await writeFileIn(dir, first);
    await commitAll(dir, 1, 'first version');
    const one = await rev(dir);
    await writeFileIn(dir, revise(first, random(21)));
    await commitAll(dir, 2, 'second version');
    const two = await rev(dir);

    const options = (ref: string, previous?: DraftManifest): DraftFromGitOptions => ({
      runGit,
      repo: dir,
      ref,
      sources: [{ path: FILE, role: 'clauses' }],
      permalinkBase: 'https://github.com',
      lang: 'en',
      type: 'association',
      date: '2025-01-01',
      cwd: dir,
      previous,
    });
    // Both manifests as a revision stores them and the next one reads them back: through JSON.
    const older = JSON.parse(JSON.stringify((await draftFromGit(options(one))).manifest)) as DraftManifest;
    const olderJson = JSON.stringify(older);
    const generations: number[] = [];
    let newer: DraftManifest | undefined;
    for (let i = 0; i < GENERATIONS; i++) {
      const t = performance.now();
      const result = await draftFromGit(options(two, older));
      JSON.stringify(result.manifest);
      generations.push(performance.now() - t);
      newer = JSON.parse(JSON.stringify(result.manifest)) as DraftManifest;
    }
    const later = newer!;
    // One warm-up, so JIT and the segmenter's first use do not count.
    let diff = diffRevisions(older, later);
    const diffs: number[] = [];
    const withParse: number[] = [];
    for (let i = 0; i < DIFFS; i++) {
      let t = performance.now();
      diff = diffRevisions(older, later);
      JSON.stringify(diff);
      diffs.push(performance.now() - t);
      t = performance.now();
      JSON.stringify(diffRevisions(JSON.parse(olderJson) as DraftManifest, later));
      withParse.push(performance.now() - t);
    }
    const g = median(generations);
    const d = median(diffs);
    const p = median(withParse);
    const s = diff.summary;
    const kib = (Buffer.byteLength(JSON.stringify(diff)) / 1024).toFixed(0);
    return [
      `Revision diff vs. generating the later revision (wall-clock medians: diff of ${DIFFS}, generation of ${GENERATIONS}; ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)}). Goal: diff ≤ 0.05x generation.`,
      '',
      '| case | clauses earlier → later | edited | moved | added | removed | strength changes | diff JSON | diff ms | diff + parse of the earlier manifest ms | generation ms | ratio | ratio with parse |',
      '| ---- | ----------------------: | -----: | ----: | ----: | ------: | ---------------: | --------: | ------: | --------------------------------------: | ------------: | ----: | ---------------: |',
      `| ${LINES}-line spec, second version with ${Object.values(CHANGES).reduce((a, b) => a + b, 0)} changed lines | ${older.clauses.length} → ${later.clauses.length} | ${s.edited} | ${s.moved} | ${s.added} | ${s.removed} | ${s.strengthChanged} | ${kib} KiB | ${d.toFixed(1)} | ${p.toFixed(1)} | ${g.toFixed(0)} | ${(d / g).toFixed(3)}x | ${(p / g).toFixed(3)}x |`,
      '',
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeFileIn(dir: string, lines: readonly string[]): Promise<void> {
  await writeFile(path.join(dir, FILE), `${lines.join('\n')}\n`);
}

async function rev(dir: string): Promise<string> {
  return (await runGit(['rev-parse', 'HEAD'], { cwd: dir })).stdout.toString('utf8').trim();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.stdout.write(await runDiffBenchmark());
}
