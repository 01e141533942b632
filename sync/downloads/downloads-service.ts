import { docxContentType } from '../../content/publish/docx/docx-content-type.ts';
import { createPdfPrinter, type PdfPrinter } from '../../content/publish/pdf/create-pdf-printer.ts';
import { printDraftPdf } from '../../content/publish/pdf/print-draft-pdf.ts';
import type { RevisionFileFormat } from '../../db/downloads/revision-file-queries.ts';
import { JOB } from '../../db/jobs/job-kinds.ts';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { findProposal } from '../proposals/find-proposal.ts';
import { revisionSubject } from '../proposals/generate-revision.ts';
import type { Workflow } from '../proposals/workflow/workflow-schema.ts';
import type { JobHandler } from '../queue/job-handler.ts';
import type { SourcesService } from '../sources/sources-service.ts';
import { readDraftImages } from '../sources/read-draft-images.ts';
import { revisionDocxInProcess } from './revision-docx-in-process.ts';
import { revisionFileInput } from './revision-file-input.ts';

/**
 * The layout of the files this code makes. Raise it when what a Word or PDF file looks like changes: files an earlier
 * layout made are then made again in the background (and served as they are until then). 2: the PDF's contents give
 * pages, and tables are numbered. 3: the drafts' images are embedded from the mirror, and figures are numbered.
 */
export const REVISION_FILES_LAYOUT = 3;

/** Whether a stored file (or refusal) was made by the current layout. */
export const isCurrentLayout = (row: { layout: number }): boolean => row.layout >= REVISION_FILES_LAYOUT;

/** Every format a revision's files come in, in the order they are made. */
export const REVISION_FILE_FORMATS: readonly RevisionFileFormat[] = ['docx', 'pdf'];

const CONTENT_TYPES: Record<RevisionFileFormat, string> = { docx: docxContentType, pdf: 'application/pdf' };
/** How long a reader is told to wait for a file being made. */
const MAKING_RETRY_SECONDS = 30;
/** A file that could not be made (no Chromium) is tried again when asked for after this long. */
const RETRY_REFUSED_MS = 10 * 60_000;

/** A made file of a revision, as a download sends it. */
export interface RevisionFile {
  bytes: Buffer;
  /** `MP-2026-001-02.docx` */
  filename: string;
  contentType: string;
  /** Made by the current layout (else it is being made again). */
  current: boolean;
}

/** Why a format could not be made, as stored. */
interface StoredRefusal {
  code: string;
  message: string;
}

/** The Word and PDF files of draft revisions: made once in the background, kept, downloaded. */
export interface DownloadsService {
  /**
   * The made file. When it is not made yet, asks for it and refuses with `revision_file_being_made` (503, Retry-After);
   * when it could not be made, refuses with the reason (for the PDF: Chromium is not installed).
   */
  file(number: string, rev: number, format: RevisionFileFormat): RevisionFile;
  /** The formats made for a revision. */
  made(number: string, rev: number): RevisionFileFormat[];
  /** Makes the files of a ready revision not made yet (the job, and the static site's build); returns the formats made. */
  make(number: string, rev: number): Promise<RevisionFileFormat[]>;
  /** Queues the making of a revision's files (call in the transaction that made it ready). */
  enqueue(number: string, rev: number): void;
  handlers: Record<string, JobHandler>;
  /** Closes the print browser, if one was started. */
  close(): Promise<void>;
}

export interface DownloadsDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  workflow: () => Workflow;
  /** The mirrors' files, for the drafts' images (without it, an image shows its text). */
  sources?: Pick<SourcesService, 'image'>;
  /** Replaces the printer (tests); default: Debian's Chromium, launched at the first print. */
  printer?: PdfPrinter;
}

/** The downloads service over one store. */
export function createDownloadsService(deps: DownloadsDeps): DownloadsService {
  const { store, clock, log } = deps;
  const printer = deps.printer ?? createPdfPrinter();
  const making = new Map<string, Promise<RevisionFileFormat[]>>();

  const ready = (number: string, rev: number) => {
    const proposal = findProposal(store, number);
    const revision = store.revisions.get(proposal.number, rev);
    if (!revision)
      throw new DomainError('not-found', 'revision_not_found', `${proposal.number} has no revision ${rev}`, { rev });
    if (revision.status !== 'ready')
      throw new DomainError(
        'conflict',
        'revision_not_ready',
        `revision ${rev} of ${proposal.number} is ${revision.status}: its files are made once it is ready`,
      );
    return { proposal, revision };
  };

  const enqueue = (number: string, rev: number) =>
    store.jobs.enqueue({
      kind: JOB.revisionFiles,
      subject: revisionSubject(number, rev),
      // One revision's files at a time: one print browser, one layout process.
      queueKey: 'revision-files',
      runAt: clock.now(),
    });

  const makeNow = async (number: string, rev: number): Promise<RevisionFileFormat[]> => {
    const { proposal, revision } = ready(number, rev);
    const missing = REVISION_FILE_FORMATS.filter((f) => {
      const row = store.revisionFiles.get(proposal.number, rev, f);
      if (!row) return true;
      if (row.bytes === null) return Date.parse(row.made_at) + RETRY_REFUSED_MS <= clock.now();
      return !isCurrentLayout(row);
    });
    if (missing.length === 0) return [];
    const input = revisionFileInput(proposal, revision, deps.workflow());
    const { images, unread } = deps.sources
      ? await readDraftImages(deps.sources, input.html, input.manifest.source)
      : { images: [], unread: [] };
    for (const image of unread)
      log.warn({ proposal: proposal.number, rev, image: image.src, code: image.code }, 'draft image not shown');
    const made: RevisionFileFormat[] = [];
    for (const format of missing) {
      const started = clock.now();
      let bytes: Buffer | null = null;
      let refusal: StoredRefusal | null = null;
      try {
        bytes =
          format === 'docx'
            ? await revisionDocxInProcess({
                markdown: input.markdown,
                manifest: input.manifest,
                meta: input.docxMeta,
                images,
              })
            : await printDraftPdf(printer, input.html, input.printMeta, images);
      } catch (error) {
        // Only a missing print browser is kept as an answer; anything else is a failure the queue retries.
        if (!(error instanceof DomainError) || error.code !== 'pdf_browser_missing') throw error;
        refusal = { code: error.code, message: error.message };
        log.warn({ proposal: proposal.number, rev, format, code: error.code }, 'revision file not made');
        // A file an earlier layout made is kept rather than replaced by the reason a new one could not be made.
        if (store.revisionFiles.get(proposal.number, rev, format)?.bytes) continue;
      }
      store.revisionFiles.put({
        number: proposal.number,
        rev,
        format,
        bytes,
        error: refusal && JSON.stringify(refusal),
        made_at: isoNow(clock),
        layout: REVISION_FILES_LAYOUT,
      });
      if (bytes) {
        made.push(format);
        log.info(
          { proposal: proposal.number, rev, format, bytes: bytes.length, ms: clock.now() - started },
          'revision file made',
        );
      }
    }
    return made;
  };

  const service: DownloadsService = {
    file(number, rev, format) {
      const { proposal } = ready(number, rev);
      const row = store.revisionFiles.get(proposal.number, rev, format);
      const label = `${proposal.number}-${String(rev).padStart(2, '0')}`;
      if (row?.bytes) {
        // Made by an earlier layout: sent as it is, and made again in the background for the next reader.
        const current = isCurrentLayout(row);
        if (!current) enqueue(proposal.number, rev);
        return { bytes: row.bytes, filename: `${label}.${format}`, contentType: CONTENT_TYPES[format], current };
      }
      if (row?.error && Date.parse(row.made_at) + RETRY_REFUSED_MS > clock.now()) {
        const refusal = JSON.parse(row.error) as StoredRefusal;
        throw new DomainError('unavailable', refusal.code, refusal.message);
      }
      enqueue(proposal.number, rev);
      throw new DomainError(
        'unavailable',
        'revision_file_being_made',
        `the ${format === 'docx' ? 'Word' : 'PDF'} file of ${label} is being made: try again in a minute`,
        { format, label, retryAfterSeconds: MAKING_RETRY_SECONDS },
      );
    },
    made: (number, rev) =>
      store.revisionFiles
        .formats(number.toUpperCase(), rev)
        .filter((f) => f.made)
        .map((f) => f.format),
    make(number, rev) {
      // Two callers asking for the same revision (the job, the site build) share one making.
      const key = `${number.toUpperCase()}/${rev}`;
      let run = making.get(key);
      if (!run) {
        run = makeNow(number, rev).finally(() => making.delete(key));
        making.set(key, run);
      }
      return run;
    },
    enqueue: (number, rev) => void enqueue(number, rev),
    handlers: {
      [JOB.revisionFiles]: {
        async run(job) {
          const [number, rev] = job.subject.split('/');
          const revision = number === undefined ? undefined : store.revisions.get(number, Number(rev));
          if (!revision || revision.status !== 'ready') return;
          await service.make(revision.number, revision.rev);
        },
      },
    },
    close: () => printer.close(),
  };
  return service;
}
