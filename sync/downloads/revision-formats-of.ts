import type { RevisionFileFormat } from '../../db/downloads/revision-file-queries.ts';
import type { Store } from '../../db/store.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { RevisionFormats } from '../publication/revision-formats.ts';
import { isCurrentLayout, type DownloadsService } from './downloads-service.ts';

/**
 * The static site's Word and PDF downloads from the portal's own files: the ones made in the background are read
 * as they are; a revision whose files are not made yet, or were made by an earlier layout, has them made now (and
 * kept, for the portal's downloads).
 */
export function revisionFormatsOf(downloads: Pick<DownloadsService, 'make'>, store: Store): RevisionFormats {
  const fileOf = async (number: string, rev: number, format: RevisionFileFormat): Promise<Buffer> => {
    let row = store.revisionFiles.get(number, rev, format);
    if (!row?.bytes || !isCurrentLayout(row)) {
      await downloads.make(number, rev);
      row = store.revisionFiles.get(number, rev, format);
    }
    if (row?.bytes) return row.bytes;
    const refusal = row?.error ? (JSON.parse(row.error) as { code: string; message: string }) : null;
    throw new DomainError('unavailable', refusal?.code ?? 'revision_file_not_made', refusal?.message ?? `no ${format}`);
  };
  return {
    docx: (revision) => fileOf(revision.number, revision.rev, 'docx'),
    pdf: (revision) => fileOf(revision.number, revision.rev, 'pdf'),
  };
}
