// Issue 11, item 14: parsed files and blames kept by blob id (--cache-dir), so that regenerating after a one-file
// change parses and blames only that file, and gives exactly the draft an uncached run gives.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraftCache } from '../../content/draft/cache/draft-cache.ts';
import { draftFromGit, type DraftFromGitOptions } from '../../content/draft/git/draft-from-git.ts';
import { runGit, type RunGit } from '../../kernel/git/run-git.ts';
import { ALICE, BOB, CAROL, createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';
import { draft } from './run-draft-command.ts';

const FILES = ['spec/a.md', 'spec/b.md', 'spec/c.md'];
const text = (name: string, extra = ''): string =>
  `# Part ${name}\n\n## Rules of ${name}\n\nA peer MUST send ${name}.${extra}\n\n## Limits of ${name}\n\nFrames SHOULD be small.\n`;

/** A runGit that records the paths it blamed. */
function countingGit(): { run: RunGit; blamed: string[] } {
  const blamed: string[] = [];
  const run: RunGit = (args, options) => {
    if (args[0] === 'blame') blamed.push(args.at(-1)!);
    return runGit(args, options);
  };
  return { run, blamed };
}

describe('the draft cache', () => {
  let repo: FixtureRepo;
  let cacheDir: string;
  let options: (ref: string, run?: RunGit) => DraftFromGitOptions;

  beforeAll(async () => {
    repo = await createFixtureRepo();
    cacheDir = await mkdtemp(path.join(tmpdir(), 'magnolia-draft-cache-'));
    await repo.git('remote', 'add', 'origin', 'https://github.com/acme/parts.git');
    for (const [i, file] of FILES.entries()) await repo.write(file, text('abc'[i]!));
    await repo.commit(ALICE, '2024-01-01T00:00:00Z', 'three parts');
    await repo.git('tag', 'v1');
    await repo.write(FILES[1]!, text('b', ' It MAY log.'));
    await repo.commit(BOB, '2024-02-01T00:00:00Z', 'b logs');
    await repo.git('tag', 'v2');
    // c changes and changes back: the same blob as at v1, but a later commit wrote its lines.
    await repo.write(FILES[2]!, text('c', ' Or not.'));
    await repo.commit(CAROL, '2024-03-01T00:00:00Z', 'c, tried');
    await repo.write(FILES[2]!, text('c'));
    await repo.commit(CAROL, '2024-03-02T00:00:00Z', 'c, reverted');
    await repo.git('tag', 'v3');
    options = (ref, run = runGit) => ({
      runGit: run,
      repo: repo.dir,
      ref,
      sources: FILES.map((p) => ({ path: p, role: 'clauses' as const })),
      permalinkBase: 'https://github.com',
      lang: 'en',
      type: 'association',
      date: '2025-01-01',
      cwd: repo.dir,
    });
  });
  afterAll(async () => {
    await repo.remove();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('blames and parses only the changed file, and gives exactly the uncached draft', async () => {
    const cold = countingGit();
    const first = createDraftCache({ dir: cacheDir });
    await draftFromGit({ ...options('v1', cold.run), cache: first });
    await first.flush();
    expect(cold.blamed.sort()).toEqual(FILES);
    expect((await readdir(cacheDir)).length).toBeGreaterThan(0);

    // A new cache over the same folder: a second process.
    const warm = countingGit();
    const cached = await draftFromGit({ ...options('v2', warm.run), cache: createDraftCache({ dir: cacheDir }) });
    expect(warm.blamed).toEqual([FILES[1]]);
    const uncached = await draftFromGit(options('v2'));
    expect(cached.markdown).toBe(uncached.markdown);
    expect(cached.manifest).toEqual(uncached.manifest);
  });

  it('blames again a file whose blob is unchanged when a commit in between touched it', async () => {
    const cache = createDraftCache({ dir: cacheDir });
    await draftFromGit({ ...options('v1'), cache });
    const later = countingGit();
    const cached = await draftFromGit({ ...options('v3', later.run), cache });
    // a holds since v1 and b since v2 (cached by the test before); c is the blob of v1 again, but rewritten.
    expect(later.blamed).toEqual([FILES[2]]);
    const uncached = await draftFromGit(options('v3'));
    expect(cached.manifest).toEqual(uncached.manifest);
    const c = cached.manifest.clauses.find((k) => k.sourceText === 'A peer MUST send c.')!;
    expect(c.origin.lastChangedIn?.sha).toBe((await repo.git('rev-parse', 'v3')).trim());
  });

  it('takes a damaged cache file for a miss, never for an error', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'magnolia-draft-cache-bad-'));
    try {
      const cache = createDraftCache({ dir });
      await draftFromGit({ ...options('v2'), cache });
      await cache.flush();
      for (const sub of await readdir(dir))
        for (const file of await readdir(path.join(dir, sub))) await writeFile(path.join(dir, sub, file), 'garbage');
      const again = countingGit();
      const result = await draftFromGit({ ...options('v2', again.run), cache: createDraftCache({ dir }) });
      expect(again.blamed.sort()).toEqual(FILES);
      expect(result.manifest).toEqual((await draftFromGit(options('v2'))).manifest);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('--cache-dir: a second run of the command writes the same draft from the cache', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'magnolia-draft-cache-cli-'));
    try {
      const args = ['--repo', repo.dir, '--ref', 'v3', '--lang', 'en', '--date', '2025-01-01', '--cache-dir', 'cache'];
      const one = await draft([...args, '--out', 'one.md', ...FILES], work);
      const two = await draft([...args, '--out', 'two.md', ...FILES], work);
      expect([one.code, two.code]).toEqual([0, 0]);
      expect(await readFile(path.join(work, 'two.md'), 'utf8')).toBe(await readFile(path.join(work, 'one.md'), 'utf8'));
      expect((await readdir(path.join(work, 'cache'))).length).toBeGreaterThan(0);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
