import { createCatalogueQueries, type CatalogueRow } from '../../../db/catalogue/catalogue-queries.ts';
import type { Store } from '../../../db/store.ts';
import type { MaturityService } from '../../../sync/maturity/maturity-service.ts';

/** A project as the catalogue, the home page and the search index see it. */
export interface CatalogueEntry {
  id: number;
  owner: string;
  repo: string;
  fullName: string;
  description: string | null;
  topics: string[];
  domain: string | null;
  language: string | null;
  license: string | null;
  /** Null when GitHub never told (metadata unknown): shown as unknown, sorted last. */
  stars: number | null;
  lastActivityAt: string | null;
  archived: boolean;
  level: string | null;
  /** Position of the level in the model, -1 when not evaluated: sorts by level. */
  levelRank: number;
  evaluatedAt: string | null;
}

/** Every member project, prepared once and shared by every request until the data changes. */
export interface CommunitySnapshot {
  /** Goes up by one with every rebuild: pages derived from a snapshot are keyed by it. */
  generation: number;
  entries: readonly CatalogueEntry[];
  byFullName: ReadonlyMap<string, CatalogueEntry>;
  domains: ReadonlyMap<string, { en: string; zh: string }>;
  levels: readonly string[];
  /** Distinct values for the filter form, computed once per snapshot rather than per request. */
  licenses: readonly string[];
  languages: readonly string[];
}

export interface SnapshotSource {
  /** The current snapshot, brought up to date first when anything was written since the last call. */
  get(): CommunitySnapshot;
  /** Forces a full re-read at the next `get()`. */
  invalidate(): void;
  /** Called after each rebuild (the search index follows the snapshot). */
  onRebuild(listener: () => void): void;
}

const distinct = (values: (string | null)[]): string[] =>
  [...new Set(values.filter((v): v is string => v !== null && v !== ''))].sort((a, b) => a.localeCompare(b));

const FIELDS: readonly (keyof CatalogueRow)[] = [
  'id',
  'owner',
  'name',
  'full_name',
  'description',
  'topics',
  'domain',
  'language',
  'license_spdx',
  'stars',
  'archived',
  'last_activity_at',
  'level',
  'evaluated_at',
];
const sameRow = (a: CatalogueRow, b: CatalogueRow): boolean => FIELDS.every((f) => a[f] === b[f]);

const entryOf = (row: CatalogueRow, levels: readonly string[]): CatalogueEntry => ({
  id: row.id,
  owner: row.owner,
  repo: row.name,
  fullName: row.full_name,
  description: row.description,
  topics: row.topics ? (JSON.parse(row.topics) as string[]) : [],
  domain: row.domain,
  language: row.language && row.language.length > 0 ? row.language : null,
  license: row.license_spdx,
  stars: row.stars,
  lastActivityAt: row.last_activity_at,
  archived: row.archived === 1,
  level: row.level,
  levelRank: row.level ? levels.indexOf(row.level) : -1,
  evaluatedAt: row.evaluated_at,
});

// The order of `ORDER BY full_name COLLATE NOCASE` (which folds ASCII only, as GitHub names are).
const asciiLower = (name: string): string => name.replace(/[A-Z]/g, (c) => c.toLowerCase());
const byName = (a: CatalogueEntry, b: CatalogueEntry): number => {
  const x = asciiLower(a.fullName);
  const y = asciiLower(b.fullName);
  return x < y ? -1 : x > y ? 1 : 0;
};

interface Known {
  row: CatalogueRow;
  entry: CatalogueEntry;
}

/**
 * Keeps the catalogue in memory: filtering and sorting 5,000 projects per request is cheap, querying them is
 * not. Each `get()` first compares the database's data version (two O(1) reads). After a write it asks which
 * projects changed since it last looked (`catalogue_changes`, kept by triggers), re-reads only those rows and
 * replaces only their entries; a write that touched no member (a job, a delivery) keeps the snapshot, so
 * everything keyed by its generation stays valid. A changed domain or model re-reads everything.
 */
export function createCommunitySnapshot(
  store: Store,
  maturity: MaturityService,
  dataVersion: () => string,
): SnapshotSource {
  const queries = createCatalogueQueries(store.db);
  let snapshot: CommunitySnapshot | undefined;
  let version = '';
  let seq = 0;
  let known = new Map<number, Known>();
  let levels: readonly string[] = [];
  let domains = new Map<string, { en: string; zh: string }>();
  let generation = 0;
  const listeners: (() => void)[] = [];

  const publish = (entries: CatalogueEntry[]): void => {
    generation += 1;
    snapshot = {
      generation,
      entries,
      byFullName: new Map(entries.map((e) => [e.fullName.toLowerCase(), e])),
      domains,
      levels,
      licenses: distinct(entries.map((e) => e.license)),
      languages: distinct(entries.map((e) => e.language)),
    };
  };

  const readAll = (): void => {
    // The sequence number first: a change committed while the rows are read is applied again next time.
    seq = queries.lastChange();
    levels = maturity.levels();
    domains = new Map(store.domains.list().map((d) => [d.slug, { en: d.name_en, zh: d.name_zh }]));
    known = new Map(queries.list().map((row) => [row.id, { row, entry: entryOf(row, levels) }]));
    publish([...known.values()].map((k) => k.entry));
  };

  // Re-reads the changed rows; true when an entry changed.
  const readChanged = (ids: readonly number[]): boolean => {
    const fresh = new Map(queries.listByIds(ids).map((row) => [row.id, row]));
    const next = new Map(known);
    let changed = false;
    let reorder = false;
    for (const id of ids) {
      const previous = known.get(id);
      const row = fresh.get(id);
      if (!row) {
        if (next.delete(id)) changed = reorder = true;
        continue;
      }
      if (previous && sameRow(previous.row, row)) continue;
      next.set(id, { row, entry: entryOf(row, levels) });
      changed = true;
      if (!previous || previous.row.full_name !== row.full_name) reorder = true;
    }
    if (!changed) return false;
    known = next;
    const entries = reorder
      ? [...next.values()].map((k) => k.entry).sort(byName)
      : snapshot!.entries.map((e) => next.get(e.id)!.entry);
    publish(entries);
    return true;
  };

  return {
    get() {
      const current = dataVersion();
      if (snapshot && current === version) return snapshot;
      version = current;
      let rebuilt: boolean;
      if (!snapshot) {
        readAll();
        rebuilt = true;
      } else {
        const changes = queries.changesSince(seq);
        seq = changes.seq;
        rebuilt = changes.ids.includes(0) ? (readAll(), true) : changes.ids.length > 0 && readChanged(changes.ids);
      }
      if (rebuilt) for (const listener of listeners) listener();
      return snapshot!;
    },
    invalidate() {
      version = '';
      snapshot = undefined;
    },
    onRebuild(listener) {
      listeners.push(listener);
    },
  };
}
