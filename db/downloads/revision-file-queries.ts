import type { Db } from '../open-database.ts';

/** The formats a revision is also downloaded as. */
export type RevisionFileFormat = 'docx' | 'pdf';

/** One made (or refused) file of a revision. */
export interface RevisionFileRow {
  number: string;
  rev: number;
  format: RevisionFileFormat;
  bytes: Buffer | null;
  /** JSON of a Message when the file could not be made. */
  error: string | null;
  made_at: string;
  /** The layout that made it (`REVISION_FILES_LAYOUT` then). */
  layout: number;
}

export interface RevisionFileQueries {
  get(number: string, rev: number, format: RevisionFileFormat): RevisionFileRow | undefined;
  /** Formats stored for a revision (made or refused), without their bytes. */
  formats(number: string, rev: number): { format: RevisionFileFormat; made: boolean; made_at: string }[];
  /** Stores the file, or the reason it could not be made (replacing an earlier refusal). */
  put(row: RevisionFileRow): void;
}

/** Builds the revision files' prepared statements on `db`. */
export function createRevisionFileQueries(db: Db): RevisionFileQueries {
  const get = db.prepare(`SELECT * FROM revision_files WHERE number = ? AND rev = ? AND format = ?`);
  const formats = db.prepare(
    `SELECT format, bytes IS NOT NULL AS made, made_at FROM revision_files WHERE number = ? AND rev = ? ORDER BY format`,
  );
  const put = db.prepare(
    `INSERT INTO revision_files (number, rev, format, bytes, error, made_at, layout)
     VALUES (@number, @rev, @format, @bytes, @error, @made_at, @layout)
     ON CONFLICT (number, rev, format) DO UPDATE SET bytes = excluded.bytes, error = excluded.error,
       made_at = excluded.made_at, layout = excluded.layout`,
  );
  return {
    get: (number, rev, format) => get.get(number, rev, format) as RevisionFileRow | undefined,
    formats: (number, rev) =>
      (formats.all(number, rev) as { format: RevisionFileFormat; made: number; made_at: string }[]).map((r) => ({
        ...r,
        made: r.made === 1,
      })),
    put: (row) => void put.run(row),
  };
}
