import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { fill, messagesFor } from '../../content/i18n/messages.ts';
import { DRAFT_HTML_MARKER, renderDraftHtml } from '../../content/render/render-draft-html.ts';
import type { RevisionBytes, RevisionRow } from '../../db/proposals/revision-queries.ts';
import { LANGUAGES, type Lang } from '../../kernel/i18n/languages.ts';
import { resolutionTableHtml } from '../review/comments/format-resolution.ts';
import { resolutionRows } from '../review/comments/resolution-table.ts';
import type { PublicRevision } from './public-revisions.ts';
import type { RevisionFormats } from './revision-formats.ts';
import { ASSETS } from './site-chrome.ts';
import { siteDraftHtml, type RevisionDraft } from './site-draft-html.ts';
import { writeDiffPages } from './write-diff-pages.ts';
import type { SiteContext } from './site-context.ts';
import {
  day,
  draftNameOf,
  minute,
  revPath,
  proposalPath,
  revisionLabel,
  stageName,
  titlesOf,
  type SiteProposal,
} from './site-proposal.ts';

const DRAFT_HTML_PREFIX = Buffer.from(DRAFT_HTML_MARKER);
const startsWith = (bytes: Buffer, prefix: Buffer) =>
  bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);

/** A download of a revision: its output path, what the link says and its media type. */
interface Download {
  file: string;
  label: (lang: Lang) => string;
  type: string;
}

const DOWNLOADS = {
  md: { name: 'draft.md', type: 'text/markdown', label: (lang: Lang) => messagesFor(lang).draftPage.markdown },
  manifest: {
    name: 'manifest.json',
    type: 'application/json',
    label: (lang: Lang) => messagesFor(lang).draftPage.manifest,
  },
  docx: {
    name: 'draft.docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: (lang: Lang) => messagesFor(lang).publication.word,
  },
  pdf: { name: 'draft.pdf', type: 'application/pdf', label: (lang: Lang) => messagesFor(lang).publication.pdf },
} as const;

/**
 * Writes every page and download of one proposal: its page, each shown revision's page, resolution table and
 * downloads, the diffs between consecutive shown revisions, and the `latest` alias — in both languages. Pages whose
 * inputs did not change since the last build are not rendered (the writer skips them by key).
 */
export async function writeProposalPages(
  ctx: SiteContext,
  p: SiteProposal,
  formats: RevisionFormats,
  warn: (message: string) => void,
): Promise<void> {
  const { row } = p;
  const number = row.number;
  const workflow = ctx.source.workflow();
  const commentsVersion = ctx.source.comments.version(number);
  const titles = [row.title_zh, row.title_en];
  const downloads = new Map<number, Download[]>();
  // Each revision's content is read at most once, as bytes, and only when one of its files has to be made.
  const stored = new Map<number, RevisionBytes>();

  for (const shown of p.shown) {
    const rev = shown.rev;
    // The row as strings only for the Word and PDF makers; the downloads are its bytes.
    let row: RevisionRow | undefined;
    const content = () => (row ??= ctx.source.store.revisions.get(number, rev)!);
    const bytes = () => stored.get(rev) ?? stored.set(rev, ctx.source.store.revisions.bytes(number, rev)!).get(rev)!;
    const made: Download[] = [];
    const base = proposalPath(number, `${revPath(rev)}/`);
    const produce = async (kind: keyof typeof DOWNLOADS, render: () => string | Buffer | Promise<Buffer>) => {
      const d = DOWNLOADS[kind];
      await ctx.writer.put(base + d.name, `${number}/${rev}/${kind}`, render);
      made.push({ file: base + d.name, label: d.label, type: d.type });
    };
    await produce('md', () => bytes().draft_md ?? '');
    await produce('manifest', () => bytes().manifest_json ?? '{}');
    for (const kind of ['docx', 'pdf'] as const) {
      const make = formats[kind];
      if (!make) continue;
      try {
        await produce(kind, () => make(content()));
      } catch (error) {
        warn(`${revisionLabel(number, rev)}: no ${kind} (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    downloads.set(rev, made);
  }

  for (const [index, shown] of p.shown.entries()) {
    const previous = index > 0 ? p.shown[index - 1]! : null;
    await writeRevisionPages(ctx, p, shown, previous, downloads.get(shown.rev)!, commentsVersion, stored, warn);
    stored.delete(shown.rev);
  }
  for (let i = 1; i < p.shown.length; i += 1) await writeDiffPages(ctx, p, p.shown[i - 1]!.rev, p.shown[i]!.rev);

  const latest = p.shown.at(-1)!;
  for (const lang of LANGUAGES) {
    const t = messagesFor(lang);
    const logical = proposalPath(number, 'latest/index.html');
    const file = ctx.links.page(lang, logical);
    const target = ctx.links.page(lang, proposalPath(number, `${revPath(latest.rev)}/index.html`));
    const model = {
      heading: fill(t.publication.latestTitle, { number }),
      href: ctx.links.href(file, target),
      label: `${revisionLabel(number, latest.rev)} ${titlesOf(row, lang).title}`,
    };
    await ctx.writer.put(file, ctx.key('latest', lang, number, latest.rev, titles), () =>
      ctx.page(lang, logical, 'latest', { title: model.heading }, model),
    );
  }

  for (const lang of LANGUAGES) {
    const t = messagesFor(lang);
    const logical = proposalPath(number, 'index.html');
    const file = ctx.links.page(lang, logical);
    const to = (rest: string) => ctx.links.href(file, ctx.links.page(lang, proposalPath(number, rest)));
    const shownRevs = new Map(p.shown.map((s) => [s.rev, s]));
    const model = {
      number,
      ...titlesOf(row, lang),
      stage: stageName(workflow, row.stage, lang),
      published: p.published,
      latestHref: to('latest/index.html'),
      facts: [
        { label: t.proposals.project, value: p.project },
        { label: t.proposals.proposingUnit, value: row.proposing_unit },
        ...(row.published_at ? [{ label: t.publication.publishedOn, value: day(row.published_at) }] : []),
      ].filter((f) => f.value !== ''),
      revisions: [...p.shown].reverse().map((s) => ({
        href: to(`${revPath(s.rev)}/index.html`),
        label: revisionLabel(number, s.rev),
        draftName: draftNameOf(workflow, s, lang),
        published: s.published,
        at: day(s.at),
        commit: (p.revisions.get(s.rev)?.commit_sha ?? '').slice(0, 12),
        downloads: downloads.get(s.rev)!.map((d) => ({
          href: ctx.links.href(file, d.file),
          label: d.label(lang),
          type: d.type,
        })),
      })),
      diffs: p.shown.slice(1).map((s, i) => {
        const from = p.shown[i]!.rev;
        return {
          href: to(`diff/${revPath(from)}..${revPath(s.rev)}/index.html`),
          label: fill(t.diff.heading, { from: revisionLabel(number, from), to: revisionLabel(number, s.rev) }),
        };
      }),
      history: p.history.map((h) => ({
        at: minute(h.at),
        actor: h.actor,
        action: actionName(workflow, h.action, lang),
        change: `${h.from_stage ? stageName(workflow, h.from_stage, lang) : '—'} → ${stageName(workflow, h.to_stage, lang)}`,
        rev: h.rev === null ? '' : revPath(h.rev),
        revHref: h.rev !== null && shownRevs.has(h.rev) ? to(`${revPath(h.rev)}/index.html`) : null,
        comment: h.comment,
        decision: h.decision,
      })),
    };
    await ctx.writer.put(file, ctx.key('proposal', lang, model), () =>
      ctx.page(lang, logical, 'proposal', { title: `${number} ${model.title}` }, model),
    );
  }
}

function actionName(workflow: ReturnType<SiteContext['source']['workflow']>, action: string, lang: Lang): string {
  const found = workflow.actions.find((a) => a.id === action);
  if (found) return lang === 'en' ? found.name.en : found.name.zh;
  return action === 'create' ? messagesFor(lang).proposals.createAction : action;
}

async function writeRevisionPages(
  ctx: SiteContext,
  p: SiteProposal,
  shown: PublicRevision,
  previous: PublicRevision | null,
  downloads: readonly Download[],
  commentsVersion: string,
  stored: ReadonlyMap<number, RevisionBytes>,
  warn: (message: string) => void,
): Promise<void> {
  const { row } = p;
  const number = row.number;
  const rev = shown.rev;
  const summary = p.revisions.get(rev)!;
  const workflow = ctx.source.workflow();
  // The draft's HTML as stored, as UTF-8 bytes: both languages' pages set the same bytes in their layout.
  let html: Buffer | undefined;
  const draftHtml = (): Buffer => {
    if (html !== undefined) return html;
    const bytes = stored.get(rev)?.draft_html ?? ctx.source.store.revisions.page(number, rev)?.html ?? null;
    if (bytes !== null && startsWith(bytes, DRAFT_HTML_PREFIX)) return (html = bytes);
    // A revision stored before the draft page had the generic HTML: rendered again from its Markdown.
    const full = ctx.source.store.revisions.get(number, rev)!;
    const manifest = JSON.parse(full.manifest_json ?? '{"clauses":[]}') as DraftManifest;
    return (html = Buffer.from(renderDraftHtml(full.draft_md ?? '', manifest)));
  };
  let table: ReturnType<SiteContext['source']['comments']['resolution']> | undefined;
  // The revision's draft as the site shows it, edited and its images read once for both languages' pages.
  const shared: RevisionDraft = { images: new Map() };
  for (const lang of LANGUAGES) {
    const t = messagesFor(lang);
    const logical = proposalPath(number, `${revPath(rev)}/index.html`);
    const file = ctx.links.page(lang, logical);
    const to = (rest: string) => ctx.links.href(file, ctx.links.page(lang, proposalPath(number, rest)));
    const label = revisionLabel(number, rev);
    // The page is made of these (with the layout, which holds the words, the workflow and the links' base): its
    // key names them rather than the model, so an unchanged page costs no link computed.
    const inputs = [row.title_zh, row.title_en, shown, summary.commit_sha, summary.ref, summary.ready_at];
    const made = [previous?.rev ?? null, downloads.map((d) => d.file)];
    const modelOf = () => {
      const permanent = ctx.absolute(file);
      return {
        number,
        revLabel: revPath(rev),
        label,
        ...titlesOf(row, lang),
        draftName: draftNameOf(workflow, shown, lang),
        published: shown.published,
        proposalHref: to('index.html'),
        colon: lang === 'en' ? ': ' : '：',
        facts: [
          { label: t.draftPage.commit, value: (summary.commit_sha ?? '').slice(0, 12), code: true },
          { label: t.draftPage.ref, value: summary.ref, code: true },
          { label: t.draftPage.generatedOn, value: minute(summary.ready_at), code: false },
          { label: t.publication.publicSince, value: day(shown.at), code: false },
          ...(shown.publishedAt
            ? [{ label: t.publication.publishedOn, value: day(shown.publishedAt), code: false }]
            : []),
          ...(permanent ? [{ label: t.publication.permanent, value: permanent, code: true }] : []),
        ],
        links: [
          { href: to('index.html'), label: fill(t.publication.proposalLink, { number }), rel: null },
          { href: to(`${revPath(rev)}/resolution/index.html`), label: t.comments.resolutionLink, rel: null },
          ...(previous
            ? [
                {
                  href: to(`diff/${revPath(previous.rev)}..${revPath(rev)}/index.html`),
                  label: fill(t.diff.changesSince, { label: revisionLabel(number, previous.rev) }),
                  rel: null,
                },
              ]
            : []),
          { href: to('latest/index.html'), label: t.publication.latest, rel: null },
        ],
        downloads: downloads.map((d) => ({ href: ctx.links.href(file, d.file), label: d.label(lang), type: d.type })),
      };
    };
    await ctx.writer.put(file, ctx.key('revision', lang, number, rev, inputs, made), async () => {
      const model = modelOf();
      const page = { file, project: p.project, commit: summary.commit_sha };
      const draft = await siteDraftHtml(ctx, draftHtml(), page, shared, warn);
      const content = ctx.pageAround(
        lang,
        logical,
        'revision',
        { title: `${label} ${model.title}`, labels: true, scripts: [ASSETS.clauseSearch] },
        model,
        draft.body,
      );
      return { content, with: draft.with };
    });

    const resolutionLogical = proposalPath(number, `${revPath(rev)}/resolution/index.html`);
    const resolutionFile = ctx.links.page(lang, resolutionLogical);
    await ctx.writer.put(
      resolutionFile,
      ctx.key('resolution', lang, number, rev, commentsVersion, row.title_zh, row.title_en),
      () => {
        // Without a comment the table is empty: no need to place comments in the revision's clauses.
        table ??= commentsVersion.startsWith('0.0/')
          ? resolutionRows({ number, titleZh: row.title_zh, titleEn: row.title_en, rev: `-${revPath(rev)}` }, [])
          : ctx.source.comments.resolution(number, rev);
        const heading = fill(t.comments.resolutionHeading, { label });
        const draftHref = ctx.links.href(resolutionFile, file);
        return ctx.page(
          lang,
          resolutionLogical,
          'resolution',
          { title: heading },
          {
            number,
            revLabel: revPath(rev),
            heading,
            proposalHref: ctx.links.href(resolutionFile, ctx.links.page(lang, proposalPath(number, 'index.html'))),
            draftHref,
            state: table.complete ? t.comments.complete : fill(t.comments.incomplete, { count: table.counts.open }),
            table: resolutionTableHtml(table, lang === 'en' ? 'en' : 'zh', draftHref),
          },
        );
      },
    );
  }
}
