import type { Db } from '../open-database.ts';

/** One installed version of the maturity model. */
export interface MaturityModelRow {
  version: number;
  source: string;
  digest: string;
  active: number;
  created_at: string;
  created_by: string | null;
}

export interface MaturityModelQueries {
  /** The model an administrator installed last; undefined means the default model applies. */
  active(): MaturityModelRow | undefined;
  /** Installs a new version and makes it the only active one; returns its version number. */
  install(source: string, digest: string, at: string, by: string | null): number;
  list(): MaturityModelRow[];
}

/** Builds the model versions' prepared statements on `db`. */
export function createMaturityModelQueries(db: Db): MaturityModelQueries {
  const active = db.prepare(`SELECT * FROM maturity_models WHERE active = 1`);
  const deactivate = db.prepare(`UPDATE maturity_models SET active = 0 WHERE active = 1`);
  const insert = db.prepare(
    `INSERT INTO maturity_models (source, digest, active, created_at, created_by) VALUES (?, ?, 1, ?, ?)`,
  );
  const list = db.prepare(`SELECT * FROM maturity_models ORDER BY version`);
  const install = db.transaction((source: string, digest: string, at: string, by: string | null): number => {
    deactivate.run();
    return Number(insert.run(source, digest, at, by).lastInsertRowid);
  });
  return {
    active: () => active.get() as MaturityModelRow | undefined,
    install: (source, digest, at, by) => install.immediate(source, digest, at, by),
    list: () => list.all() as MaturityModelRow[],
  };
}
