import express, { type Router } from 'express';
import { fill } from '../../../content/i18n/messages.ts';
import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { Services } from '../../../sync/create-services.ts';
import { renderRevisionDiffHtml } from '../../../sync/review/diffs/render-revision-diff-html.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { renderPage, type PageContext } from '../render-page.ts';
import { revPath } from './revision-page-model.ts';

const RANGE = /^(\d{1,4})\.\.(\d{1,4})$/;

/**
 * `GET /proposals/:number/diff/:range` (`00..01`): what changed between two revisions, clause by clause — the
 * counts, the strength changes called out, each edited clause with its words inserted and deleted, moves,
 * additions, removals and the requirements register diff — with links to both drafts.
 */
export function createDiffPages(ctx: PageContext, services: Pick<Services, 'diffs' | 'proposals'>): Router {
  const router = express.Router();
  router.get('/proposals/:number/diff/:range', (req, res) => {
    const range = RANGE.exec(String(req.params['range']));
    if (!range)
      throw new DomainError(
        'not-found',
        'diff_bad_range',
        `"${String(req.params['range'])}" is not a pair of revisions: write it as 00..01`,
        { value: String(req.params['range']) },
      );
    const i18n = i18nOf(res);
    const { number, from, to, stored, diff } = services.diffs.diff(
      String(req.params['number']),
      Number(range[1]),
      Number(range[2]),
    );
    const proposal = services.proposals.get(number, null);
    const w = i18n.t.diff;
    const labelOf = (rev: number) => `${number}-${revPath(rev)}`;
    const heading = fill(w.heading, { from: labelOf(from), to: labelOf(to) });
    res.setHeader('Cache-Control', 'no-cache');
    renderPage(
      ctx,
      req,
      res,
      'proposal-diff',
      { title: heading, nav: 'process' },
      {
        heading,
        title: i18n.lang === 'en' ? proposal.title.en : proposal.title.zh,
        number,
        proposalHref: `/proposals/${number}`,
        drafts: [
          {
            href: `/proposals/${number}/${revPath(from)}`,
            label: labelOf(from),
            commit: diff.from.commit.slice(0, 12),
          },
          { href: `/proposals/${number}/${revPath(to)}`, label: labelOf(to), commit: diff.to.commit.slice(0, 12) },
        ],
        stored: stored ? w.stored : w.computed,
        apiHref: `/api/proposals/${number}/diff?from=${revPath(from)}&to=${revPath(to)}`,
        html: renderRevisionDiffHtml(diff, w.labels),
      },
    );
  });
  return router;
}
