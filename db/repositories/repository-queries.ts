import { storeMessage, type Message } from '../../kernel/i18n/message.ts';
import type { Db } from '../open-database.ts';

/** A member repository row. */
export interface RepositoryRow {
  id: number;
  node_id: string | null;
  owner: string;
  name: string;
  full_name: string;
  domain: string | null;
  clone_url: string | null;
  description: string | null;
  homepage: string | null;
  topics: string | null;
  license_spdx: string | null;
  license_name: string | null;
  default_branch: string | null;
  visibility: string | null;
  archived: number | null;
  fork: number | null;
  stars: number | null;
  forks: number | null;
  watchers: number | null;
  open_issues: number | null;
  /** GitHub's primary language (null: not reported yet, or none detected). */
  language: string | null;
  installation_id: number | null;
  created_at: string | null;
  pushed_at: string | null;
  github_updated_at: string | null;
  registered_at: string;
  updated_at: string;
  deleted_at: string | null;
  removed_at: string | null;
  mirror_path: string | null;
  head_sha: string | null;
  mirror_branch: string | null;
  commit_count: number | null;
  contributor_count: number | null;
  last_fetch_at: string | null;
  last_fetch_error: string | null;
  last_fetch_attempt_at: string | null;
  metadata_source: string | null;
  metadata_status: string | null;
  metadata_reason: string | null;
  metadata_fetched_at: string | null;
}

/** What a successful fetch of the mirror found. */
export interface FetchResult {
  headSha: string | null;
  mirrorBranch: string | null;
  commitCount: number | null;
  at: string;
}

/** Repository facts as GitHub reports them (from a webhook payload or the REST API). */
export interface RepositoryFacts {
  owner: string;
  name: string;
  fullName: string;
  nodeId: string | null;
  description: string | null;
  homepage: string | null;
  topics: string[] | null;
  licenseSpdx: string | null;
  licenseName: string | null;
  defaultBranch: string | null;
  visibility: string | null;
  archived: boolean | null;
  fork: boolean | null;
  stars: number | null;
  forks: number | null;
  watchers: number | null;
  openIssues: number | null;
  /** GitHub's primary language; null leaves the stored one (payloads that omit it say nothing about it). */
  language: string | null;
  createdAt: string | null;
  pushedAt: string | null;
  /** `repository.updated_at`: facts older than those already applied are skipped. */
  githubUpdatedAt: string | null;
}

/** A new member project. */
export interface NewRepository {
  id: number;
  owner: string;
  name: string;
  domain: string | null;
  cloneUrl: string | null;
  registeredAt: string;
}

/**
 * Whether a row is a member project: registered and neither removed by an administrator nor deleted on GitHub.
 * The one definition; the member queries below (`findMember`, `listMembers`) apply the same condition in SQL.
 */
export function isMember(row: RepositoryRow | undefined): row is RepositoryRow {
  return row !== undefined && row.removed_at === null && row.deleted_at === null;
}

export interface RepositoryQueries {
  get(id: number): RepositoryRow | undefined;
  /** The live member (not deleted, not removed) with this name, case-insensitively. */
  findMember(fullName: string): RepositoryRow | undefined;
  /** The live member that once had this name (for redirects after a rename or transfer). */
  findByFormerName(fullName: string): RepositoryRow | undefined;
  listMembers(): RepositoryRow[];
  /** Every live member with the committer date of its mirrored head, in one query. */
  listMembersWithHead(): (RepositoryRow & { head_committed_at: string | null })[];
  /** Registers a member (or re-registers a removed one); the row is keyed by GitHub's numeric id. */
  register(repo: NewRepository): void;
  remove(id: number, at: string): void;
  /** Applies facts unless the row is a tombstone or already holds newer facts; true when applied. */
  applyFacts(id: number, facts: RepositoryFacts, at: string): boolean;
  /** Moves a row to a new name, remembering the old one; no effect on tombstones. */
  rename(id: number, owner: string, name: string, at: string): boolean;
  tombstone(id: number, at: string): void;
  setInstallation(id: number, installationId: number | null, at: string): void;
  /** Replaces a provisional id (negative, registered offline) with GitHub's real id everywhere. */
  adoptId(provisionalId: number, githubId: number): void;
  /** The next provisional id for a project registered before its GitHub id is known. */
  nextProvisionalId(): number;
  setMirrorPath(id: number, mirrorPath: string): void;
  /** Deletes a row and everything indexed under it (a registration undone before it was ever mirrored). */
  purge(id: number): void;
  /** Puts every column of a row back as `row` holds it (a re-registration of a removed member undone). */
  restore(row: RepositoryRow): void;
  recordFetch(id: number, result: FetchResult): void;
  recordFetchError(id: number, error: string, at: string): void;
  setMetadataState(
    id: number,
    source: 'api' | 'demo',
    status: 'ok' | 'unknown',
    /** Why metadata is unknown (kept as the JSON of the message). */
    reason: Message | null,
    at: string,
  ): void;
}

/** Builds the repository aggregate's prepared statements on `db`. */
export function createRepositoryQueries(db: Db): RepositoryQueries {
  const get = db.prepare(`SELECT * FROM repositories WHERE id = ?`);
  const findMember = db.prepare(
    `SELECT * FROM repositories WHERE full_name = ? COLLATE NOCASE AND deleted_at IS NULL AND removed_at IS NULL`,
  );
  const findFormer = db.prepare(
    `SELECT r.* FROM repository_names n JOIN repositories r ON r.id = n.repository_id
     WHERE n.full_name = ? COLLATE NOCASE AND r.deleted_at IS NULL AND r.removed_at IS NULL
     ORDER BY n.until DESC LIMIT 1`,
  );
  const listMembers = db.prepare(
    `SELECT * FROM repositories WHERE deleted_at IS NULL AND removed_at IS NULL ORDER BY full_name COLLATE NOCASE`,
  );
  const listMembersWithHead = db.prepare(
    `SELECT r.*, c.committer_date AS head_committed_at FROM repositories r
     LEFT JOIN commits c ON c.repository_id = r.id AND c.sha = r.head_sha
     WHERE r.deleted_at IS NULL AND r.removed_at IS NULL ORDER BY r.full_name COLLATE NOCASE`,
  );
  const register = db.prepare(
    `INSERT INTO repositories (id, owner, name, full_name, domain, clone_url, registered_at, updated_at)
     VALUES (@id, @owner, @name, @owner || '/' || @name, @domain, @cloneUrl, @registeredAt, @registeredAt)
     ON CONFLICT(id) DO UPDATE SET removed_at = NULL, domain = coalesce(excluded.domain, domain),
       clone_url = coalesce(excluded.clone_url, clone_url), updated_at = excluded.updated_at`,
  );
  const remove = db.prepare(`UPDATE repositories SET removed_at = ?, updated_at = ? WHERE id = ?`);
  const applyFacts = db.prepare(
    `UPDATE repositories SET
       node_id = coalesce(@nodeId, node_id), description = @description, homepage = @homepage,
       topics = coalesce(@topics, topics), license_spdx = @licenseSpdx, license_name = @licenseName,
       default_branch = coalesce(@defaultBranch, default_branch), visibility = coalesce(@visibility, visibility),
       archived = coalesce(@archived, archived), fork = coalesce(@fork, fork),
       stars = coalesce(@stars, stars), forks = coalesce(@forks, forks), watchers = coalesce(@watchers, watchers),
       open_issues = coalesce(@openIssues, open_issues), language = coalesce(@language, language),
       created_at = coalesce(@createdAt, created_at),
       pushed_at = coalesce(@pushedAt, pushed_at), github_updated_at = coalesce(@githubUpdatedAt, github_updated_at),
       updated_at = @at
     WHERE id = @id AND deleted_at IS NULL
       AND (github_updated_at IS NULL OR @githubUpdatedAt IS NULL OR github_updated_at <= @githubUpdatedAt)`,
  );
  const rememberName = db.prepare(
    `INSERT INTO repository_names (full_name, repository_id, until) VALUES (?, ?, ?)
     ON CONFLICT DO UPDATE SET until = excluded.until`,
  );
  const forgetName = db.prepare(
    `DELETE FROM repository_names WHERE full_name = ? COLLATE NOCASE AND repository_id = ?`,
  );
  const rename = db.prepare(
    `UPDATE repositories SET owner = @owner, name = @name, full_name = @owner || '/' || @name, updated_at = @at
     WHERE id = @id AND deleted_at IS NULL`,
  );
  const tombstone = db.prepare(
    `UPDATE repositories SET deleted_at = coalesce(deleted_at, @at), updated_at = @at WHERE id = @id`,
  );
  const setInstallation = db.prepare(`UPDATE repositories SET installation_id = ?, updated_at = ? WHERE id = ?`);
  const adopt = db.prepare(`UPDATE repositories SET id = ? WHERE id = ?`);
  const minId = db.prepare(`SELECT min(id) FROM repositories`).pluck();
  const setMirrorPath = db.prepare(`UPDATE repositories SET mirror_path = ? WHERE id = ?`);
  const purge = db.prepare(`DELETE FROM repositories WHERE id = ?`);
  // Every column but the key, as the table has them (the row type mirrors the table, so its keys are the columns).
  const columns = (db.prepare(`PRAGMA table_info(repositories)`).all() as { name: string }[])
    .map((c) => c.name)
    .filter((name) => name !== 'id');
  const restore = db.prepare(
    `UPDATE repositories SET ${columns.map((c) => `"${c}" = @${c}`).join(', ')} WHERE id = @id`,
  );
  const recordFetch = db.prepare(
    `UPDATE repositories SET head_sha = @headSha, mirror_branch = @mirrorBranch, commit_count = @commitCount,
       contributor_count = (SELECT count(DISTINCT author_email) FROM commits WHERE repository_id = @id),
       last_fetch_at = @at, last_fetch_attempt_at = @at, last_fetch_error = NULL WHERE id = @id`,
  );
  const recordFetchError = db.prepare(
    `UPDATE repositories SET last_fetch_error = ?, last_fetch_attempt_at = ? WHERE id = ?`,
  );
  const setMetadataState = db.prepare(
    `UPDATE repositories SET metadata_source = @source, metadata_status = @status, metadata_reason = @reason,
       metadata_fetched_at = CASE WHEN @status = 'ok' THEN @at ELSE metadata_fetched_at END WHERE id = @id`,
  );

  const renameTx = db.transaction((id: number, owner: string, name: string, at: string): boolean => {
    const row = get.get(id) as RepositoryRow | undefined;
    if (!row || row.deleted_at !== null) return false;
    const next = `${owner}/${name}`;
    if (row.full_name === next) return false;
    rememberName.run(row.full_name, id, at);
    forgetName.run(next, id);
    rename.run({ id, owner, name, at });
    return true;
  });

  return {
    get: (id) => get.get(id) as RepositoryRow | undefined,
    findMember: (fullName) => findMember.get(fullName) as RepositoryRow | undefined,
    findByFormerName: (fullName) => findFormer.get(fullName) as RepositoryRow | undefined,
    listMembers: () => listMembers.all() as RepositoryRow[],
    listMembersWithHead: () => listMembersWithHead.all() as (RepositoryRow & { head_committed_at: string | null })[],
    register: (repo) => void register.run(repo),
    remove: (id, at) => void remove.run(at, at, id),
    applyFacts(id, f, at) {
      const result = applyFacts.run({
        id,
        at,
        nodeId: f.nodeId,
        description: f.description,
        homepage: f.homepage,
        topics: f.topics ? JSON.stringify(f.topics) : null,
        licenseSpdx: f.licenseSpdx,
        licenseName: f.licenseName,
        defaultBranch: f.defaultBranch,
        visibility: f.visibility,
        archived: f.archived === null ? null : Number(f.archived),
        fork: f.fork === null ? null : Number(f.fork),
        stars: f.stars,
        forks: f.forks,
        watchers: f.watchers,
        openIssues: f.openIssues,
        language: f.language,
        createdAt: f.createdAt,
        pushedAt: f.pushedAt,
        githubUpdatedAt: f.githubUpdatedAt,
      });
      return result.changes > 0;
    },
    rename: (id, owner, name, at) => renameTx(id, owner, name, at),
    tombstone: (id, at) => void tombstone.run({ id, at }),
    setInstallation: (id, installationId, at) => void setInstallation.run(installationId, at, id),
    adoptId: (provisionalId, githubId) => void adopt.run(githubId, provisionalId),
    nextProvisionalId: () => Math.min(0, (minId.get() as number | null) ?? 0) - 1,
    setMirrorPath: (id, mirrorPath) => void setMirrorPath.run(mirrorPath, id),
    purge: (id) => void purge.run(id),
    restore: (row) => {
      const values: Record<string, unknown> = { id: row.id };
      for (const c of columns) values[c] = (row as unknown as Record<string, unknown>)[c] ?? null;
      restore.run(values);
    },
    recordFetch: (id, result) => void recordFetch.run({ id, ...result }),
    recordFetchError: (id, error, at) => void recordFetchError.run(error, at, id),
    setMetadataState: (id, source, status, reason, at) =>
      void setMetadataState.run({ id, source, status, reason: storeMessage(reason), at }),
  };
}
