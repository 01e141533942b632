import type { RevisionRow } from '../../db/proposals/revision-queries.ts';

/**
 * The downloads of a revision besides its Markdown and manifest, made by the Word and PDF modules. Each is asked for
 * once per revision (a revision never changes): the site keeps the file it wrote and links what was produced.
 */
export interface RevisionFormats {
  docx?(revision: RevisionRow): Promise<Buffer>;
  pdf?(revision: RevisionRow): Promise<Buffer>;
}
