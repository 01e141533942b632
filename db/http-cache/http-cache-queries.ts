import type { Db } from '../open-database.ts';

/** A cached 200 answer: its validators, its Link header and its JSON body. */
export interface CachedResponse {
  url: string;
  etag: string | null;
  lastModified: string | null;
  link: string | null;
  /** The body as JSON text. */
  body: string;
}

export interface HttpCacheQueries {
  get(url: string): CachedResponse | undefined;
  put(entry: CachedResponse, at: string): void;
  /** Marks an entry as just served (by a 304), so pruning keeps it. */
  touch(url: string, at: string): void;
  /** Deletes entries not used since `before`; returns how many. */
  pruneUnusedSince(before: string): number;
}

/** Builds the HTTP cache's prepared statements on `db`. */
export function createHttpCacheQueries(db: Db): HttpCacheQueries {
  const get = db.prepare(`SELECT url, etag, last_modified AS lastModified, link, body FROM http_cache WHERE url = ?`);
  const put = db.prepare(
    `INSERT INTO http_cache (url, etag, last_modified, link, body, stored_at, used_at)
     VALUES (@url, @etag, @lastModified, @link, @body, @at, @at)
     ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
       link = excluded.link, body = excluded.body, stored_at = excluded.stored_at, used_at = excluded.used_at`,
  );
  const touch = db.prepare(`UPDATE http_cache SET used_at = ? WHERE url = ?`);
  const prune = db.prepare(`DELETE FROM http_cache WHERE used_at < ?`);
  return {
    get: (url) => get.get(url) as CachedResponse | undefined,
    put: (entry, at) => void put.run({ ...entry, at }),
    touch: (url, at) => void touch.run(at, url),
    pruneUnusedSince: (before) => prune.run(before).changes,
  };
}
