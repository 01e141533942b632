import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { isoNow } from '../../kernel/clock.ts';
import { storeMetadata, type MetadataSnapshot } from '../../sync/github/store-metadata.ts';
import type { MaturityJson, SignalJson } from '../../sync/maturity/maturity-json.ts';
import { inEnglish, textReason } from './in-english.ts';
import { addProject } from '../../sync/projects/add-project.ts';
import type { Upstream } from '../support/git-fixture.ts';
import type { TestInstance } from '../support/test-instance.ts';

export const DAY = 86_400_000;

/** A signal with its reason and evidence labels in English. */
export type EnglishSignal = ReturnType<typeof inEnglish<SignalJson>>;

/** GitHub as the tests' machines see it: unreachable, so the project stays "API metadata unknown". */
const offline = async () => ({ kind: 'unknown' as const, reason: textReason('no API token: set GITHUB_TOKEN') });

/** Registers `fullName` from a local upstream (no GitHub) and mirrors it through the real fetch; returns its id. */
export async function mirrorProject(app: TestInstance, fullName: string, upstream: Upstream): Promise<number> {
  const added = await addProject(
    { store: app.store, clock: app.clock, lookup: offline },
    { fullName, cloneUrl: upstream.url },
  );
  await app.sync.fetch(added.id);
  return added.id;
}

/** Stores a REST-shaped snapshot as the metadata refresh would, and marks the project's metadata as known. */
export function giveApiData(app: TestInstance, id: number, snapshot: MetadataSnapshot): void {
  const at = isoNow(app.clock);
  const stored = storeMetadata(app.store, id, snapshot, at);
  expect(stored.problems).toEqual([]);
  app.store.repositories.setMetadataState(id, 'api', 'ok', null, at);
}

/** The signal `id` of a result (fails the test when the model has no such signal). */
export function signalOf(result: MaturityJson, id: string): EnglishSignal {
  const found = result.signals.find((s) => s.id === id);
  expect(found, `signal ${id}`).toBeDefined();
  return inEnglish(found!);
}

/** Value, status and reason of a signal, for whole-object assertions. */
export function outcome(result: MaturityJson, id: string): Pick<EnglishSignal, 'value' | 'status' | 'reason'> {
  const s = signalOf(result, id);
  return { value: s.value, status: s.status, reason: s.reason };
}

/**
 * Checks that every file and lines permalink of a result names the evaluated commit, a path that exists at that
 * commit in the mirror, and lines within the file; returns the `path#Lfrom-Lto` of each, for assertions.
 */
export function checkFileEvidence(app: TestInstance, id: number, result: MaturityJson): string[] {
  const row = app.store.repositories.get(id)!;
  const pattern = new RegExp(
    `^${app.config.githubUrl}/${row.full_name}/blob/([0-9a-f]{40})/([^#]+)(?:#L(\\d+)-L(\\d+))?$`,
  );
  const seen: string[] = [];
  for (const s of result.signals) {
    for (const e of s.evidence.filter((x) => x.kind === 'file' || x.kind === 'lines')) {
      const match = pattern.exec(e.url);
      expect(match, e.url).not.toBeNull();
      const [, sha, encoded, from, to] = match!;
      const path = decodeURIComponent(encoded!);
      const text = execFileSync('git', ['show', `${sha}:${path}`], { cwd: row.mirror_path!, encoding: 'utf8' });
      if (from !== undefined) {
        const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
        expect(Number(from), e.url).toBeGreaterThanOrEqual(1);
        expect(Number(to), e.url).toBeGreaterThanOrEqual(Number(from));
        expect(Number(to), e.url).toBeLessThanOrEqual(lines);
      }
      seen.push(from === undefined ? path : `${path}#L${from}-L${to}`);
    }
  }
  return seen;
}

/** The text of one line of a file at a commit in the mirror (1-based). */
export function lineAt(app: TestInstance, id: number, sha: string, path: string, line: number): string {
  const row = app.store.repositories.get(id)!;
  const text = execFileSync('git', ['show', `${sha}:${path}`], { cwd: row.mirror_path!, encoding: 'utf8' });
  return text.split('\n')[line - 1] ?? '';
}

/** An ISO date `days` before the clock's now. */
export function daysAgo(app: TestInstance, days: number, hours = 0): string {
  return new Date(app.clock.now() - days * DAY + hours * 3_600_000).toISOString();
}
