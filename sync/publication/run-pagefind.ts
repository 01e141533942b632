import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/** The folder of the site that holds Pagefind's index and UI (written whole by each run). */
export const PAGEFIND_DIR = 'pagefind';

/**
 * Indexes the built site with Pagefind (its binary, through the package's Node API) and writes its index and UI
 * to `DIR/pagefind/`. Only the draft (`data-pagefind-body`) is indexed, without its provenance popovers and its
 * contents list; each `<html lang>` gets its own index (Chinese segmented as Chinese).
 */
export async function runPagefind(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({
    excludeSelectors: ['.prov-pops', '.draft-toc', '[popover]'],
  });
  try {
    if (!index) throw new DomainError('unavailable', 'pagefind_failed', `Pagefind did not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0)
      throw new DomainError('unavailable', 'pagefind_failed', `Pagefind could not index: ${added.errors.join('; ')}`);
    const out = path.join(siteDir, PAGEFIND_DIR);
    fs.rmSync(out, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length > 0)
      throw new DomainError('unavailable', 'pagefind_failed', `Pagefind could not write: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
