import type { Db } from '../open-database.ts';

/** A branch or tag of a mirror. */
export interface GitRef {
  name: string;
  sha: string;
  commitSha: string | null;
  kind: 'branch' | 'tag' | 'other';
  taggedAt: string | null;
}

export interface GitRefQueries {
  list(repositoryId: number): GitRef[];
  /** Replaces the refs of a repository with the mirror's current set. */
  replaceAll(repositoryId: number, refs: readonly GitRef[]): void;
}

/** Builds the mirror refs' prepared statements on `db`. */
export function createGitRefQueries(db: Db): GitRefQueries {
  const list = db.prepare(
    `SELECT name, sha, commit_sha AS commitSha, kind, tagged_at AS taggedAt FROM git_refs WHERE repository_id = ? ORDER BY name`,
  );
  const clear = db.prepare(`DELETE FROM git_refs WHERE repository_id = ?`);
  const insert = db.prepare(
    `INSERT INTO git_refs (repository_id, name, sha, commit_sha, kind, tagged_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const replaceAll = db.transaction((repositoryId: number, refs: readonly GitRef[]) => {
    clear.run(repositoryId);
    for (const r of refs) insert.run(repositoryId, r.name, r.sha, r.commitSha, r.kind, r.taggedAt);
  });
  return {
    list: (repositoryId) => list.all(repositoryId) as GitRef[],
    replaceAll: (repositoryId, refs) => replaceAll(repositoryId, refs),
  };
}
