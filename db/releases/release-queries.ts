import type { Db } from '../open-database.ts';

/** A release as GitHub reports it. */
export interface ReleaseFacts {
  id: number;
  repositoryId: number;
  tagName: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  authorLogin: string | null;
  assets: string[];
  createdAt: string | null;
  publishedAt: string | null;
}

export interface ReleaseRow {
  id: number;
  repository_id: number;
  tag_name: string;
  name: string | null;
  body: string | null;
  draft: number;
  prerelease: number;
  author_login: string | null;
  assets: string | null;
  created_at: string | null;
  published_at: string | null;
  deleted_at: string | null;
}

export interface ReleaseQueries {
  /** Inserts when absent: a late `created` never overwrites what a newer `edited` wrote. */
  insertIfAbsent(release: ReleaseFacts): boolean;
  /** Inserts or updates, except a tombstoned release, which stays deleted. */
  upsert(release: ReleaseFacts): boolean;
  tombstone(id: number, repositoryId: number, tagName: string, at: string): void;
  get(id: number): ReleaseRow | undefined;
  /** Live releases of a repository, newest first. */
  listForRepository(repositoryId: number): ReleaseRow[];
}

/** Builds the release aggregate's prepared statements on `db`. */
export function createReleaseQueries(db: Db): ReleaseQueries {
  const columns = `(id, repository_id, tag_name, name, body, draft, prerelease, author_login, assets, created_at, published_at)
     VALUES (@id, @repositoryId, @tagName, @name, @body, @draft, @prerelease, @authorLogin, @assets, @createdAt, @publishedAt)`;
  const insertIfAbsent = db.prepare(`INSERT INTO releases ${columns} ON CONFLICT(id) DO NOTHING`);
  const upsert = db.prepare(
    `INSERT INTO releases ${columns}
     ON CONFLICT(id) DO UPDATE SET tag_name = excluded.tag_name, name = excluded.name, body = excluded.body,
       draft = excluded.draft, prerelease = excluded.prerelease, author_login = excluded.author_login,
       assets = excluded.assets, created_at = coalesce(excluded.created_at, created_at),
       published_at = excluded.published_at
     WHERE deleted_at IS NULL`,
  );
  const tombstone = db.prepare(
    `INSERT INTO releases (id, repository_id, tag_name, deleted_at) VALUES (@id, @repositoryId, @tagName, @at)
     ON CONFLICT(id) DO UPDATE SET deleted_at = coalesce(deleted_at, excluded.deleted_at)`,
  );
  const get = db.prepare(`SELECT * FROM releases WHERE id = ?`);
  const list = db.prepare(
    `SELECT * FROM releases WHERE repository_id = ? AND deleted_at IS NULL
     ORDER BY coalesce(published_at, created_at) DESC, id DESC`,
  );
  const params = (r: ReleaseFacts) => ({
    ...r,
    draft: Number(r.draft),
    prerelease: Number(r.prerelease),
    assets: JSON.stringify(r.assets),
  });
  return {
    insertIfAbsent: (r) => insertIfAbsent.run(params(r)).changes > 0,
    upsert: (r) => upsert.run(params(r)).changes > 0,
    tombstone: (id, repositoryId, tagName, at) => void tombstone.run({ id, repositoryId, tagName, at }),
    get: (id) => get.get(id) as ReleaseRow | undefined,
    listForRepository: (repositoryId) => list.all(repositoryId) as ReleaseRow[],
  };
}
