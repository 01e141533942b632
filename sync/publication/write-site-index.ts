import { fill, messagesFor } from '../../content/i18n/messages.ts';
import type { Lang } from '../../kernel/i18n/languages.ts';
import type { SiteInclude } from './build-site.ts';
import { PUBLISHED_STAGE } from './public-revisions.ts';
import type { SiteContext } from './site-context.ts';
import { siteFeed, type SiteFeedEntry } from './site-feed.ts';
import { day, draftNameOf, revPath, revisionLabel, stageName, titlesOf, type SiteProposal } from './site-proposal.ts';

const STANDARD_STAGES = new Set([PUBLISHED_STAGE, 'periodic-review']);

/**
 * The home page in `lang`: the published standards, the drafts open for comment (with the period's end) and the
 * other public drafts, each with its latest public revision.
 */
export async function writeIndex(
  ctx: SiteContext,
  proposals: readonly SiteProposal[],
  lang: Lang,
  include: SiteInclude,
): Promise<void> {
  const t = messagesFor(lang);
  const workflow = ctx.source.workflow();
  const logical = 'index.html';
  const file = ctx.links.page(lang, logical);
  const rowOf = (p: SiteProposal, note: string | null) => {
    const latest = p.shown.at(-1)!;
    const to = (rest: string) => ctx.links.href(file, ctx.links.page(lang, `${p.row.number}/${rest}`));
    return {
      number: p.row.number,
      href: to('index.html'),
      ...titlesOf(p.row, lang),
      stage: stageName(workflow, p.row.stage, lang),
      note,
      latestHref: to(`${revPath(latest.rev)}/index.html`),
      latestLabel: `${revisionLabel(p.row.number, latest.rev)} ${draftNameOf(workflow, latest, lang)}`,
    };
  };
  const standards = proposals.filter(
    (p) => p.published && (include === 'published' || STANDARD_STAGES.has(p.row.stage)),
  );
  const open = proposals.filter(
    (p) => !standards.includes(p) && p.row.stage === 'public-comment' && p.row.period_kind === 'comment',
  );
  const other = proposals.filter((p) => !standards.includes(p) && !open.includes(p));
  const sections = [
    {
      id: 'published',
      title: t.publication.published,
      none: t.publication.publishedNone,
      rows: standards.map((p) =>
        rowOf(p, p.row.published_at ? `${t.publication.publishedOn} ${day(p.row.published_at)}` : null),
      ),
    },
    ...(include === 'published'
      ? []
      : [
          {
            id: 'open-for-comment',
            title: t.publication.openForComment,
            none: t.publication.openNone,
            rows: open.map((p) => rowOf(p, fill(t.publication.commentUntil, { date: day(p.row.period_ends_at) }))),
          },
          {
            id: 'other-drafts',
            title: t.publication.otherDrafts,
            none: t.publication.otherNone,
            rows: other.map((p) => rowOf(p, null)),
          },
        ]),
  ];
  const model = { sections };
  await ctx.writer.put(file, ctx.key('index', lang, model), () =>
    ctx.page(lang, logical, 'index', { title: t.publication.siteTitle, nav: 'home' }, model),
  );
}

/** The Atom feed of publications in `lang`: each revision made public, and each standard published. */
export async function writeFeed(ctx: SiteContext, proposals: readonly SiteProposal[], lang: Lang): Promise<void> {
  const t = messagesFor(lang);
  const workflow = ctx.source.workflow();
  const file = ctx.links.page(lang, 'feed.xml');
  const url = (target: string) => ctx.absolute(target) ?? ctx.links.href(file, target);
  const entries: SiteFeedEntry[] = [];
  for (const p of proposals)
    for (const r of p.shown) {
      const label = revisionLabel(p.row.number, r.rev);
      const { title } = titlesOf(p.row, lang);
      const link = url(ctx.links.page(lang, `${p.row.number}/${revPath(r.rev)}/index.html`));
      const id = `urn:magnolia:${p.row.number}:${revPath(r.rev)}`;
      entries.push({
        id,
        link,
        at: r.at,
        title: fill(t.publication.feedPublic, { label, draftName: draftNameOf(workflow, r, lang), title }),
      });
      if (r.publishedAt && r.publishedAt !== r.at)
        entries.push({
          id: `${id}:published`,
          link,
          at: r.publishedAt,
          title: fill(t.publication.feedPublished, { label, title }),
        });
      else if (r.publishedAt) entries.at(-1)!.title = fill(t.publication.feedPublished, { label, title });
    }
  const body = siteFeed({
    id: `urn:magnolia:site:${lang}`,
    title: t.publication.feedTitle,
    self: url(file),
    home: url(ctx.links.page(lang, 'index.html')),
    lang,
    entries,
  });
  await ctx.writer.put(file, ctx.key('feed', body), () => body);
}
