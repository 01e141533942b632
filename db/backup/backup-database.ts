import Database from 'better-sqlite3';

/**
 * Copies the live database at `sourceFile` into `destFile` with SQLite's online backup API while other
 * connections keep writing. All pages are copied in one step, inside one read transaction, so the copy is the
 * state of one instant (a step-by-step copy would restart whenever a writer commits in between, and never end
 * under a steady stream of webhooks). The copy is turned into a single self-contained file (rollback journal,
 * no -wal beside it). Returns the number of pages copied.
 */
export async function backupDatabase(sourceFile: string, destFile: string): Promise<number> {
  const source = new Database(sourceFile, { fileMustExist: true });
  let pages = 0;
  try {
    source.pragma('busy_timeout = 5000');
    const done = await source.backup(destFile, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return 0x7fffffff;
      },
    });
    pages = Math.max(pages, done.totalPages);
  } finally {
    source.close();
  }
  const copy = new Database(destFile, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copied database fails its check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return pages;
}
