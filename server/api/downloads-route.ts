import express, { type Router } from 'express';
import type { Services } from '../../sync/create-services.ts';
import { revisionParam } from '../http/revision-param.ts';

type Deps = Pick<Services, 'downloads'>;

/**
 * `GET /api/proposals/:number/revisions/:rev/draft.docx` and `draft.pdf` (public): the revision as Word (GB/T 1.1
 * layout, a bookmark per clause ID) and as PDF (Chromium's print, tagged, with an outline). Made once in the
 * background; until then 503 with Retry-After, and the making is asked for.
 */
export function createDownloadsRoute(services: Deps): Router {
  const router = express.Router();
  for (const format of ['docx', 'pdf'] as const) {
    router.get(`/api/proposals/:number/revisions/:rev/draft.${format}`, (req, res) => {
      const file = services.downloads.file(String(req.params['number']), revisionParam(req.params['rev']), format);
      // A day, then revalidated by its ETag: a revision never changes, but its files are made again when their layout
      // does (REVISION_FILES_LAYOUT); a file an earlier layout made is being made again, so it is not kept at all.
      res
        .set('Cache-Control', file.current ? 'public, max-age=86400' : 'no-cache')
        .attachment(file.filename)
        .type(file.contentType)
        .send(file.bytes);
    });
  }
  return router;
}
