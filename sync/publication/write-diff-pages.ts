import { fill, messagesFor } from '../../content/i18n/messages.ts';
import { LANGUAGES } from '../../kernel/i18n/languages.ts';
import { renderRevisionDiffHtml } from '../review/diffs/render-revision-diff-html.ts';
import type { SiteContext } from './site-context.ts';
import { proposalPath, revPath, revisionLabel, titlesOf, type SiteProposal } from './site-proposal.ts';

/** The diff page from revision `from` to `to` of a proposal, in both languages (computed only when it is written). */
export async function writeDiffPages(ctx: SiteContext, p: SiteProposal, from: number, to: number): Promise<void> {
  const number = p.row.number;
  let diff: ReturnType<SiteContext['source']['diffs']['diff']> | undefined;
  for (const lang of LANGUAGES) {
    const t = messagesFor(lang);
    const logical = proposalPath(number, `diff/${revPath(from)}..${revPath(to)}/index.html`);
    const file = ctx.links.page(lang, logical);
    const href = (rest: string) => ctx.links.href(file, ctx.links.page(lang, proposalPath(number, rest)));
    await ctx.writer.put(file, ctx.key('diff', lang, number, from, to, p.row.title_zh, p.row.title_en), () => {
      diff ??= ctx.source.diffs.diff(number, from, to);
      const heading = fill(t.diff.heading, { from: revisionLabel(number, from), to: revisionLabel(number, to) });
      return ctx.page(
        lang,
        logical,
        'diff',
        { title: heading },
        {
          number,
          heading,
          title: titlesOf(p.row, lang).title,
          proposalHref: href('index.html'),
          drafts: [
            {
              href: href(`${revPath(from)}/index.html`),
              label: revisionLabel(number, from),
              commit: diff.diff.from.commit.slice(0, 12),
            },
            {
              href: href(`${revPath(to)}/index.html`),
              label: revisionLabel(number, to),
              commit: diff.diff.to.commit.slice(0, 12),
            },
          ],
          // The diff's clause links point at its own sections (each changed clause carries its ID there).
          html: renderRevisionDiffHtml(diff.diff, t.diff.labels),
        },
      );
    });
  }
}
