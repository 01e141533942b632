import type { Db } from '../open-database.ts';

export interface DomainRow {
  slug: string;
  name_en: string;
  name_zh: string;
}

export interface DomainQueries {
  list(): DomainRow[];
  get(slug: string): DomainRow | undefined;
  /** Adds a domain if it is new (names default to the slug until an administrator names it); true when added. */
  ensure(slug: string, names?: { en: string; zh: string }): boolean;
  /** Gives a domain its names; false when there is no such domain. */
  rename(slug: string, names: { en: string; zh: string }): boolean;
  /** Removes a domain no repository names (a domain created by a registration that was undone). */
  removeIfUnused(slug: string): void;
}

/** Builds the domain list's prepared statements on `db` (domains are data, not code). */
export function createDomainQueries(db: Db): DomainQueries {
  const list = db.prepare(`SELECT * FROM domains ORDER BY slug`);
  const get = db.prepare(`SELECT * FROM domains WHERE slug = ?`);
  const rename = db.prepare(`UPDATE domains SET name_en = ?, name_zh = ? WHERE slug = ?`);
  const insert = db.prepare(`INSERT OR IGNORE INTO domains (slug, name_en, name_zh) VALUES (?, ?, ?)`);
  const removeIfUnused = db.prepare(
    `DELETE FROM domains WHERE slug = @slug AND NOT EXISTS (SELECT 1 FROM repositories WHERE domain = @slug)`,
  );
  return {
    removeIfUnused: (slug) => void removeIfUnused.run({ slug }),
    list: () => list.all() as DomainRow[],
    get: (slug) => get.get(slug) as DomainRow | undefined,
    rename: (slug, names) => rename.run(names.en, names.zh, slug).changes > 0,
    ensure: (slug, names) => insert.run(slug, names?.en ?? slug, names?.zh ?? slug).changes > 0,
  };
}
