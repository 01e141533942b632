import type { Db } from '../open-database.ts';

export interface BlobFactQueries {
  /** Cached JSON facts for the given keys (absent keys were never read). */
  getMany(keys: readonly string[]): Map<string, string>;
  putMany(entries: readonly (readonly [string, string])[]): void;
  /** Forgets every cached blob (benchmarks: evaluate from scratch). */
  clear(): void;
}

/** Builds the content-addressed blob cache's prepared statements on `db`. */
export function createBlobFactQueries(db: Db): BlobFactQueries {
  // json_each keeps it one prepared statement whatever the number of keys.
  const getMany = db.prepare(`SELECT f.key, f.facts FROM json_each(?) j JOIN maturity_blob_facts f ON f.key = j.value`);
  const put = db.prepare(`INSERT OR REPLACE INTO maturity_blob_facts (key, facts) VALUES (?, ?)`);
  const clear = db.prepare(`DELETE FROM maturity_blob_facts`);
  const putMany = db.transaction((entries: readonly (readonly [string, string])[]) => {
    for (const [key, facts] of entries) put.run(key, facts);
  });
  return {
    getMany(keys) {
      if (keys.length === 0) return new Map();
      const rows = getMany.all(JSON.stringify(keys)) as { key: string; facts: string }[];
      return new Map(rows.map((r) => [r.key, r.facts]));
    },
    putMany: (entries) => putMany(entries),
    clear: () => void clear.run(),
  };
}
