import type { Db } from '../open-database.ts';

/** A member project as the catalogue lists it: facts, last activity and maturity level in one row. */
export interface CatalogueRow {
  id: number;
  owner: string;
  name: string;
  full_name: string;
  description: string | null;
  /** JSON array of strings. */
  topics: string | null;
  domain: string | null;
  language: string | null;
  license_spdx: string | null;
  stars: number | null;
  archived: number | null;
  /** GitHub's `pushed_at`, else the committer date of the mirror's head. */
  last_activity_at: string | null;
  level: string | null;
  evaluated_at: string | null;
}

/** Projects changed since a sequence number (`catalogue_changes`, filled by triggers). */
export interface CatalogueChanges {
  /** The newest sequence number seen. */
  seq: number;
  /** Changed repository ids; 0 means every project (a domain or the model changed). */
  ids: number[];
}

export interface CatalogueQueries {
  /** Every live member, ordered by name: one query, not one or more per project. */
  list(): CatalogueRow[];
  /** The live members among `ids` (the others were deleted or removed). */
  listByIds(ids: readonly number[]): CatalogueRow[];
  /** The newest change's sequence number (0 when none). */
  lastChange(): number;
  /** What changed after `seq`. */
  changesSince(seq: number): CatalogueChanges;
}

/** Builds the catalogue's prepared statements on `db`. */
export function createCatalogueQueries(db: Db): CatalogueQueries {
  const select = `SELECT r.id, r.owner, r.name, r.full_name, r.description, r.topics, r.domain, r.language,
       r.license_spdx, r.stars, r.archived, coalesce(r.pushed_at, c.committer_date) AS last_activity_at, m.level,
       m.evaluated_at
     FROM repositories r
     LEFT JOIN commits c ON c.repository_id = r.id AND c.sha = r.head_sha
     LEFT JOIN maturity_results m ON m.repository_id = r.id
     WHERE r.deleted_at IS NULL AND r.removed_at IS NULL`;
  const list = db.prepare(`${select} ORDER BY r.full_name COLLATE NOCASE`);
  const listByIds = db.prepare(`${select} AND r.id IN (SELECT value FROM json_each(?))`);
  const lastChange = db.prepare(`SELECT coalesce(max(seq), 0) FROM catalogue_changes`).pluck();
  const changesSince = db.prepare(`SELECT repository_id, seq FROM catalogue_changes WHERE seq > ? ORDER BY seq`);
  return {
    list: () => list.all() as CatalogueRow[],
    listByIds: (ids) => listByIds.all(JSON.stringify(ids)) as CatalogueRow[],
    lastChange: () => lastChange.get() as number,
    changesSince(seq) {
      const rows = changesSince.all(seq) as { repository_id: number; seq: number }[];
      return { seq: rows.length > 0 ? rows[rows.length - 1]!.seq : seq, ids: rows.map((r) => r.repository_id) };
    },
  };
}
