import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/** The files of a backup folder. */
export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'magnolia.sqlite';
export const BUNDLES_DIR = 'git';

export const BACKUP_FORMAT = 'magnolia-backup';
export const BACKUP_FORMAT_VERSION = 1;

const countsSchema = z.object({
  projects: z.number(),
  repositories: z.number(),
  commits: z.number(),
  deliveries: z.number(),
  deliveriesUnfinished: z.number(),
  jobsPending: z.number(),
  maturityResults: z.number(),
  users: z.number(),
});

/** One git repository of the data dir: a member's bare mirror, or a local upstream kept in the data dir (demo). */
const gitEntrySchema = z.object({
  kind: z.enum(['mirror', 'upstream']),
  /** Where it lives, relative to the data dir (`mirrors/….git`). */
  path: z.string().regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'a relative path inside the data dir'),
  /** The bundle, relative to the backup folder; null for a repository without refs (git makes no empty bundle). */
  bundle: z.string().nullable(),
  /** Every ref (`for-each-ref`) at backup time, name → object id. */
  refs: z.record(z.string(), z.string()),
  /** What HEAD named (`refs/heads/main`), if anything. */
  head: z.string().nullable(),
  /** `remote.origin.url` of a mirror (never with credentials: those go through the environment). */
  remoteUrl: z.string().nullable(),
  /** The repository rows that point at it, and how (for a restore to rebase them). */
  usedBy: z.array(
    z.object({ repositoryId: z.number(), field: z.enum(['mirror_path', 'clone_url']), value: z.string() }),
  ),
});

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  magnoliaVersion: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  sourceDataDir: z.string(),
  database: z.object({ file: z.literal(DATABASE_FILE), bytes: z.number(), sha256: z.string(), pages: z.number() }),
  counts: countsSchema,
  git: z.array(gitEntrySchema),
  /** How long the backup took, for the operator. */
  tookMs: z.number(),
});

/** The description of a backup, written last (a folder without it is an unfinished backup). */
export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupGitEntry = z.infer<typeof gitEntrySchema>;

/** Reads and checks `<dir>/manifest.json`, with errors that say what the folder is not. */
export function readBackupManifest(dir: string): BackupManifest {
  let text: string;
  try {
    text = readFileSync(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new DomainError(
      'invalid',
      'not_a_backup',
      `${dir} is not a Magnolia backup (no ${MANIFEST_FILE}; an interrupted backup has none): name a folder written by \`magnolia backup\``,
      { dir },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError(
      'invalid',
      'bad_backup_manifest',
      `${dir}/${MANIFEST_FILE} is not JSON: the backup is damaged`,
    );
  }
  const format = (json as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (format.format === BACKUP_FORMAT && typeof format.formatVersion === 'number') {
    if (format.formatVersion > BACKUP_FORMAT_VERSION) {
      throw new DomainError(
        'unsupported',
        'backup_too_new',
        `${dir} was written in backup format ${format.formatVersion}; this Magnolia reads up to ${BACKUP_FORMAT_VERSION}: restore it with a newer Magnolia`,
      );
    }
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues[0]!;
    throw new DomainError(
      'invalid',
      'bad_backup_manifest',
      `${dir}/${MANIFEST_FILE} is not a Magnolia backup manifest (${problem.path.join('.') || 'top level'}: ${problem.message}): the backup is damaged`,
    );
  }
  return parsed.data;
}
