// Issue 11, item 13: clause IDs follow their clause from one tagged version of a multi-author spec to the next
// (edits, insertions, moves, deletions between them), given the previous manifest with --previous.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftManifest, ManifestClause } from '../../content/draft/draft-types.ts';
import type { FixtureRepo } from './fixture-repo.ts';
import { buildWidgetEventsRepo, EDITED, SOURCES } from './fixtures/widget-events-repo.ts';
import { draft } from './run-draft-command.ts';

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const key = (c: ManifestClause): string => `${c.kind}\u0000${c.sourceText}`;

/** v1 blocks found unchanged in v2 (same kind and text; under the same headings first), paired with their v2 block. */
function unchangedPairs(v1: ManifestClause[], v2: ManifestClause[]): [ManifestClause, ManifestClause][] {
  const byKey = new Map<string, ManifestClause[]>();
  for (const c of v2) byKey.set(key(c), [...(byKey.get(key(c)) ?? []), c]);
  const pairs: [ManifestClause, ManifestClause][] = [];
  for (const c of v1) {
    const list = byKey.get(key(c)) ?? [];
    const i = Math.max(
      0,
      list.findIndex((d) => d.headingPath.join('/') === c.headingPath.join('/')),
    );
    const [d] = list.splice(i, 1);
    if (d) pairs.push([c, d]);
  }
  return pairs;
}

/** v1 and v2 blocks of each edit (found by the unique text before and after it). */
function editedPairs(v1: ManifestClause[], v2: ManifestClause[]): [ManifestClause, ManifestClause][] {
  return EDITED.map(({ from, to }) => {
    const a = v1.filter((c) => c.kind !== 'reference' && norm(c.sourceText).includes(norm(from)));
    const b = v2.filter((c) => c.kind !== 'reference' && norm(c.sourceText).includes(norm(to)));
    expect([a.length, b.length], from).toEqual([1, 1]);
    return [a[0]!, b[0]!];
  });
}

const share = (pairs: [ManifestClause, ManifestClause][]): number =>
  pairs.filter(([a, b]) => a.id === b.id).length / pairs.length;

describe('clause IDs across two tagged versions (--previous)', () => {
  let repo: FixtureRepo;
  let work: string;
  let v1: DraftManifest;
  let v2: DraftManifest;
  let v2Alone: DraftManifest;

  beforeAll(async () => {
    repo = await buildWidgetEventsRepo();
    work = await mkdtemp(path.join(tmpdir(), 'magnolia-id-survival-'));
    const run = async (ref: string, manifest: string, ...more: string[]): Promise<DraftManifest> => {
      const result = await draft(
        [
          '--repo',
          repo.dir,
          '--ref',
          ref,
          '--sources',
          SOURCES,
          '--out',
          `${manifest}.md`,
          '--manifest',
          manifest,
          ...more,
        ],
        work,
      );
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(await readFile(path.join(work, manifest), 'utf8')) as DraftManifest;
    };
    v1 = await run('v1.0', 'v1.json');
    v2 = await run('v2.0', 'v2.json', '--previous', 'v1.json');
    v2Alone = await run('v2.0', 'v2-alone.json');
  });
  afterAll(async () => {
    await repo.remove();
    await rm(work, { recursive: true, force: true });
  });

  it('keeps the IDs of at least 99% of unchanged blocks and 90% of edited ones, and gives no ID twice', () => {
    const unchanged = unchangedPairs(v1.clauses, v2.clauses);
    const edited = editedPairs(v1.clauses, v2.clauses);
    expect(unchanged.length).toBeGreaterThan(100);
    expect(share(unchanged)).toBeGreaterThanOrEqual(0.99);
    expect(share(edited)).toBeGreaterThanOrEqual(0.9);
    const ids = v2.clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Without the previous manifest every edit changes the ID, and an insertion before identical blocks ("Type:
    // `String`" items) shifts their positional suffixes: what --previous is for.
    expect(share(editedPairs(v1.clauses, v2Alone.clauses))).toBe(0);
    expect(share(unchangedPairs(v1.clauses, v2Alone.clauses))).toBeLessThan(1);
  });

  it('records each clause’s lineage: previous ID and change (unchanged, edited, moved, new)', () => {
    const v1Commit = v1.source.commit;
    expect(v2.previous).toEqual({ commit: v1Commit, clauses: v1.clauses.length });
    const changes = new Set(v2.clauses.map((c) => c.change));
    expect(changes).toEqual(new Set(['unchanged', 'edited', 'moved', 'new']));
    for (const c of v2.clauses) {
      if (c.change === 'new') expect(c.previousId).toBeNull();
      else expect(c.previousId).toBe(c.id);
    }
    const moved = v2.clauses.find((c) => c.sourceText.startsWith('**Namespace**'))!;
    expect(moved.change).toBe('moved');
    expect(moved.headingPath).toEqual(['Glossary', 'Common']);
    const inserted = v2.clauses.find((c) => c.sourceText.includes('MUST NOT mix versions'))!;
    expect(inserted).toMatchObject({ change: 'new', previousId: null });
    const renamed = v2.clauses.find((c) => c.kind === 'clause' && c.title === 'Attribute naming conventions')!;
    expect(renamed.change).toBe('edited');
    // Requirements link to the carried IDs.
    const ids = new Set(v2.clauses.map((c) => c.id));
    expect(v2.requirements.every((r) => ids.has(r.clauseId))).toBe(true);
    expect(v1.clauses.every((c) => c.previousId === undefined && c.change === undefined)).toBe(true);
  });

  it('says what is wrong with a --previous file that is no manifest', async () => {
    const missing = await draft(
      ['--repo', repo.dir, '--ref', 'v2.0', '--sources', SOURCES, '--previous', 'nope.json'],
      work,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      '--previous nope.json cannot be read: give the manifest a previous draft wrote with --manifest',
    );
    const notManifest = await draft(
      ['--repo', repo.dir, '--ref', 'v2.0', '--sources', SOURCES, '--previous', 'v1.json.md'],
      work,
    );
    expect(notManifest.code).toBe(1);
    expect(notManifest.stderr).toMatch(/v1\.json\.md is not JSON \(.*\): give the manifest a previous draft wrote/);
  });
});
