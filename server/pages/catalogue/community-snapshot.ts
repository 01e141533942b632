import type { RepositoryRow } from '../../../db/repositories/repository-queries.ts';
import type { Store } from '../../../db/store.ts';
import { projectSummaryJson } from '../../projects/project-json.ts';
import type { MaturityAccess } from '../project/load-maturity.ts';

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
  stars: number;
  lastActivityAt: string | null;
  archived: boolean;
  level: string | null;
  /** Position of the level in the model, -1 when not evaluated: sorts by level. */
  levelRank: number;
  evaluatedAt: string | null;
}

/** Every member project, prepared once and shared by every request until the data changes. */
export interface CommunitySnapshot {
  entries: readonly CatalogueEntry[];
  byFullName: ReadonlyMap<string, CatalogueEntry>;
  domains: ReadonlyMap<string, { en: string; zh: string }>;
  levels: readonly string[];
  /** Distinct values for the filter form, computed once per snapshot rather than per request. */
  licenses: readonly string[];
  languages: readonly string[];
  builtAt: number;
}

export interface SnapshotSource {
  /** The current snapshot; rebuilt first when the data changed (checked at most once per `checkMs`). */
  get(): CommunitySnapshot;
  /** Forces a rebuild at the next `get()` (for a maturity re-evaluation that touched no repository row). */
  invalidate(): void;
  /** Called after each rebuild (the search index follows the snapshot). */
  onRebuild(listener: () => void): void;
}

// The GitHub API's primary language is not stored by the mirror yet; read it when a `language` column appears.
const languageOf = (row: RepositoryRow): string | null => {
  const value = (row as unknown as { language?: unknown }).language;
  return typeof value === 'string' && value.length > 0 ? value : null;
};

const distinct = (values: (string | null)[]): string[] =>
  [...new Set(values.filter((v): v is string => v !== null && v !== ''))].sort((a, b) => a.localeCompare(b));

const stampOf = (rows: readonly RepositoryRow[]): string =>
  rows.map((r) => `${r.id}:${r.updated_at}:${r.last_fetch_at}:${r.metadata_fetched_at}:${r.head_sha}`).join('|');

/**
 * Keeps the catalogue in memory: filtering and sorting 5,000 projects per request is cheap, querying them is
 * not. Rows are re-read at most once per `checkMs`, and the entries rebuilt only when a row changed.
 */
export function createCommunitySnapshot(store: Store, maturity: MaturityAccess, checkMs = 2_000): SnapshotSource {
  let snapshot: CommunitySnapshot | undefined;
  let stamp = '';
  let checkedAt = 0;
  const listeners: (() => void)[] = [];

  const build = (rows: readonly RepositoryRow[]): CommunitySnapshot => {
    const levels = maturity.levels();
    const entries = rows.map((row): CatalogueEntry => {
      const summary = projectSummaryJson(store, row);
      const m = maturity.read(row.id);
      return {
        id: row.id,
        owner: row.owner,
        repo: row.name,
        fullName: row.full_name,
        description: row.description,
        topics: row.topics ? (JSON.parse(row.topics) as string[]) : [],
        domain: row.domain,
        language: languageOf(row),
        license: row.license_spdx,
        stars: row.stars ?? 0,
        lastActivityAt: summary.lastPushAt,
        archived: row.archived === 1,
        level: m?.level ?? null,
        levelRank: m?.level ? levels.indexOf(m.level) : -1,
        evaluatedAt: m?.evaluatedAt ?? null,
      };
    });
    return {
      entries,
      byFullName: new Map(entries.map((e) => [e.fullName.toLowerCase(), e])),
      domains: new Map(store.domains.list().map((d) => [d.slug, { en: d.name_en, zh: d.name_zh }])),
      levels,
      licenses: distinct(entries.map((e) => e.license)),
      languages: distinct(entries.map((e) => e.language)),
      builtAt: Date.now(),
    };
  };

  return {
    get() {
      const now = Date.now();
      if (snapshot && now - checkedAt < checkMs) return snapshot;
      checkedAt = now;
      const rows = store.repositories.listMembers();
      const next = stampOf(rows);
      if (!snapshot || next !== stamp) {
        snapshot = build(rows);
        stamp = next;
        for (const listener of listeners) listener();
      }
      return snapshot;
    },
    invalidate() {
      stamp = '';
      checkedAt = 0;
    },
    onRebuild(listener) {
      listeners.push(listener);
    },
  };
}
