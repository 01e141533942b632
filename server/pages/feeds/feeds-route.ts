import express, { type Response, type Router } from 'express';
import { fill } from '../../../content/i18n/messages.ts';
import type { ProposalRow } from '../../../db/proposals/proposal-queries.ts';
import { isoNow } from '../../../kernel/clock.ts';
import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { ProposalsService } from '../../../sync/proposals/proposals-service.ts';
import { findProposal } from '../../../sync/proposals/find-proposal.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import type { PortalContext } from '../portal-context.ts';
import { atomFeed } from './atom-feed.ts';
import { enteredStage, proposalFeedEntries, type FeedEntry } from './proposal-feed-entries.ts';

const MAX_ENTRIES = 200;

const send = (res: Response, xml: string): void => {
  // The titles follow the negotiated language: a cache must keep one copy per language.
  res.setHeader('Vary', 'Accept-Language, Cookie');
  res.setHeader('Cache-Control', 'no-cache');
  res.type('application/atom+xml; charset=utf-8').send(xml);
};

/**
 * Atom feeds of public proposal data: `GET /proposals/feed.atom` (every proposal event; `?stage=public-comment`:
 * the proposals open for public comment, each with the event that opened it) and `GET /proposals/:number/feed.atom`
 * (the proposal's history: every action and every ready revision). Mount before the proposal pages.
 */
export function createFeedsRoute(ctx: PortalContext & { proposals: ProposalsService }): Router {
  const router = express.Router();
  const base = () => ctx.config.baseUrl.replace(/\/+$/, '');
  const flow = () => ctx.proposals.workflow().workflow;

  router.get('/proposals/feed.atom', (req, res) => {
    const { t, lang } = i18nOf(res);
    const stage = typeof req.query['stage'] === 'string' && req.query['stage'] ? req.query['stage'] : undefined;
    const stages = flow().stages;
    if (stage !== undefined && !stages.some((s) => s.id === stage))
      throw new DomainError(
        'not-found',
        'unknown_stage',
        `"${stage.slice(0, 40)}" is not a stage of the workflow; stages: ${stages.map((s) => s.id).join(', ')}`,
      );
    const rows: ProposalRow[] = ctx.store.proposals.list();
    let entries: FeedEntry[] = [];
    for (const row of rows) {
      if (stage !== undefined && !enteredStage(ctx.store, row, stage)) continue;
      const events = proposalFeedEntries(ctx.store, row, flow());
      // For a stage, each proposal once: the latest event that brought it into the stage.
      entries.push(...(stage === undefined ? events : events.filter((e) => e.to === stage).slice(-1)));
    }
    entries = entries.sort((a, b) => a.at.localeCompare(b.at)).slice(-MAX_ENTRIES);
    const query = stage === undefined ? '' : `?stage=${encodeURIComponent(stage)}`;
    const title =
      stage === undefined
        ? t.inbox.feeds.all
        : stage === 'public-comment'
          ? t.inbox.feeds.comment
          : `${t.inbox.feeds.all} · ${lang === 'en' ? stages.find((s) => s.id === stage)!.name.en : stages.find((s) => s.id === stage)!.name.zh}`;
    send(
      res,
      atomFeed({
        self: `${base()}/proposals/feed.atom${query}`,
        page: `${base()}/proposals${query}`,
        title,
        lang,
        base: base(),
        entries,
        fallbackUpdated:
          rows
            .map((r) => r.updated_at)
            .sort()
            .at(-1) ?? isoNow(ctx.clock),
      }),
    );
  });

  router.get('/proposals/:number/feed.atom', (req, res) => {
    const { t, lang } = i18nOf(res);
    const number = String(req.params['number']).toUpperCase();
    const row = findProposal(ctx.store, number);
    const page = `${base()}/proposals/${encodeURIComponent(row.number)}`;
    send(
      res,
      atomFeed({
        self: `${page}/feed.atom`,
        page,
        title: fill(t.inbox.feeds.proposal, { number: row.number, title: lang === 'en' ? row.title_en : row.title_zh }),
        lang,
        base: base(),
        entries: proposalFeedEntries(ctx.store, row, flow()).slice(-MAX_ENTRIES),
        fallbackUpdated: row.updated_at,
      }),
    );
  });
  return router;
}
