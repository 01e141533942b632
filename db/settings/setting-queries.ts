import type { Db } from '../open-database.ts';

export interface SettingQueries {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** Builds the instance settings' prepared statements on `db`. */
export function createSettingQueries(db: Db): SettingQueries {
  const get = db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck();
  const set = db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );
  return {
    get: (key) => get.get(key) as string | undefined,
    set: (key, value) => void set.run(key, value),
  };
}
