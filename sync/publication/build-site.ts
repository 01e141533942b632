import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftLabelCss } from '../../content/render/draft/draft-label-css.ts';
import { messagesFor } from '../../content/i18n/messages.ts';
import { createViewRenderer } from '../../content/render/render-view.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { LANGUAGES } from '../../kernel/i18n/languages.ts';
import { publicRevisions } from './public-revisions.ts';
import type { RevisionFormats } from './revision-formats.ts';
import { PAGEFIND_DIR, runPagefind } from './run-pagefind.ts';
import { ASSETS } from './site-chrome.ts';
import { siteContext, type SiteSource } from './site-context.ts';
import { siteLinks } from './site-links.ts';
import type { SiteProposal } from './site-proposal.ts';
import { siteSitemap } from './site-sitemap.ts';
import { createSiteWriter } from './site-writer.ts';
import { writeProposalPages } from './write-proposal-pages.ts';
import { writeFeed, writeIndex } from './write-site-index.ts';

export type { SiteSource } from './site-context.ts';

/** Which revisions a build publishes: every public one, or only the texts of published standards. */
export type SiteInclude = 'public' | 'published';

export interface BuildSiteOptions {
  /** The output folder (created when missing; files of earlier builds that are no longer made are deleted). */
  outDir: string;
  /** `/standards/` for absolute links under that path; empty (the default) for relative links (file:// works). */
  basePath?: string;
  /** The site's absolute URL (`https://std.example.org/standards`): the sitemap and the feed name absolute URLs. */
  siteUrl?: string;
  include?: SiteInclude;
  /** The portal's address: the popovers link into its source view (default: no such links). */
  portalUrl?: string | null | undefined;
  /** Word and PDF makers; a revision's .docx and .pdf are linked only when produced. */
  formats?: RevisionFormats;
  /** Run Pagefind when a page changed (default true). */
  pagefind?: boolean;
}

/** What one build did. */
export interface SiteBuildReport {
  proposals: number;
  revisions: number;
  /** Files written, in the order they were produced. */
  written: string[];
  unchanged: number;
  deleted: string[];
  /** Whether Pagefind ran (it runs only when a page changed, or its index is missing). */
  pagefind: 'ran' | 'skipped' | 'off';
  warnings: string[];
  ms: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VIEWS = path.join(ROOT, 'views');
const SITE_VIEWS = path.join(VIEWS, 'site');
// Bump when the builder changes what it writes for the same inputs: every page is made again once.
const BUILDER_VERSION = 2;

const read = (file: string) => fs.readFileSync(file, 'utf8');

/**
 * Builds the static site of the instance's public standards and drafts into `outDir`: the index, a page per
 * proposal, each public revision at a permanent address with its downloads, resolution table and diffs, the
 * `latest` alias, the Atom feed, the sitemap, the assets and (over HTTP) a Pagefind search, in zh-CN at the root
 * and English under `en/`. Each revision's HTML is the one stored at generation: the builder lays it out and
 * writes only files whose content changed (`.magnolia-site.json` records what each file was made of).
 */
export async function buildSite(source: SiteSource, options: BuildSiteOptions): Promise<SiteBuildReport> {
  const started = performance.now();
  const include = options.include ?? 'public';
  if (include !== 'public' && include !== 'published')
    throw new DomainError('invalid', 'site_include', `--include is public or published, not "${String(include)}"`);
  const siteUrl = options.siteUrl ? options.siteUrl.trim().replace(/\/+$/, '') : null;
  if (siteUrl !== null && !/^https?:\/\/[^\s]+$/i.test(siteUrl))
    throw new DomainError(
      'invalid',
      'site_url',
      'the site URL must be an http(s) URL, for example https://std.example.org/standards',
    );
  // A site URL names absolute addresses: without a base path, its own path is the one.
  const portalUrl = options.portalUrl ? options.portalUrl.trim().replace(/\/+$/, '') : null;
  const links = siteLinks(options.basePath || (siteUrl === null ? '' : new URL(siteUrl).pathname));
  const formats = options.formats ?? {};
  const workflow = source.workflow();

  const assets: Record<string, string> = {
    [ASSETS.stylesheet]: read(path.join(ROOT, 'public', 'site.css')),
    [ASSETS.own]: read(path.join(SITE_VIEWS, 'assets', 'publication.css')),
    [ASSETS.labels]: draftLabelCss(),
    [ASSETS.favicon]: read(path.join(ROOT, 'public', 'favicon.svg')),
    [ASSETS.clauseSearch]: read(path.join(SITE_VIEWS, 'assets', 'clause-search.js')),
    [ASSETS.pagefindSearch]: read(path.join(SITE_VIEWS, 'assets', 'pagefind-search.js')),
  };
  const layout = createHash('sha256')
    .update(JSON.stringify({ BUILDER_VERSION, base: links.basePath, siteUrl, portalUrl, include, workflow }))
    .update(JSON.stringify(LANGUAGES.map((l) => messagesFor(l))))
    .update(JSON.stringify(Object.keys(formats).sort()))
    .update(
      fs
        .readdirSync(SITE_VIEWS)
        .filter((f) => f.endsWith('.ejs'))
        .sort()
        .map((f) => read(path.join(SITE_VIEWS, f)))
        .join('\0'),
    )
    .update(Object.values(assets).join('\0'))
    .digest('base64url');

  const writer = createSiteWriter(options.outDir);
  const ctx = siteContext({
    source,
    links,
    writer,
    views: createViewRenderer(VIEWS),
    layout,
    siteUrl,
    portalUrl,
  });
  const warnings: string[] = [];
  for (const [file, text] of Object.entries(assets)) await writer.put(file, ctx.key('asset', text), () => text);

  const publicStages = new Set(workflow.stages.filter((s) => s.public === true).map((s) => s.id));
  const proposals: SiteProposal[] = [];
  // Most proposals share a handful of repositories: each is read once.
  const projects = new Map<number, string>();
  const projectOf = (id: number) => {
    let name = projects.get(id);
    if (name === undefined) projects.set(id, (name = source.store.repositories.get(id)?.full_name ?? ''));
    return name;
  };
  for (const row of [...source.store.proposals.list()].sort((a, b) => a.number.localeCompare(b.number))) {
    const history = source.store.proposals.history(row.number);
    const list = source.store.revisions.list(row.number);
    const all = publicRevisions(history, list, publicStages);
    const shown = include === 'published' ? all.filter((r) => r.published) : all;
    if (shown.length === 0) continue;
    proposals.push({
      row,
      history,
      revisions: new Map(list.map((r) => [r.rev, r])),
      shown,
      published: all.some((r) => r.published),
      project: projectOf(row.repository_id),
    });
  }
  for (const p of proposals) await writeProposalPages(ctx, p, formats, (w) => warnings.push(w));

  for (const lang of LANGUAGES) {
    await writeIndex(ctx, proposals, lang, include);
    const t = messagesFor(lang);
    const logical = 'search/index.html';
    const file = links.page(lang, logical);
    const model = {
      rootHref: links.href(file, 'index.html').replace(/index\.html$/, ''),
      bundleHref: links.href(file, `${PAGEFIND_DIR}/pagefind-ui.js`).replace(/pagefind-ui\.js$/, ''),
    };
    await writer.put(file, ctx.key('search', lang, model), () =>
      ctx.page(
        lang,
        logical,
        'search',
        { title: t.publication.searchTitle, nav: 'search', scripts: [ASSETS.pagefindSearch], wasm: true },
        model,
      ),
    );
    await writeFeed(ctx, proposals, lang);
  }
  // The sitemap lists every page but the `latest` aliases (they only lead to a revision's own address).
  const pages = writer.produced().filter((f) => f.endsWith('.html') && !f.endsWith('/latest/index.html'));
  await writer.put('sitemap.xml', ctx.key('sitemap', pages), () =>
    siteSitemap(pages.map((file) => ctx.absolute(file) ?? links.published(file))),
  );

  const counts = writer.finish();
  let pagefind: SiteBuildReport['pagefind'] = 'off';
  if (options.pagefind !== false) {
    const changed = [...counts.written, ...counts.deleted].some((f) => f.endsWith('.html'));
    const missing = !fs.existsSync(path.join(options.outDir, PAGEFIND_DIR, 'pagefind.js'));
    if (changed || missing) {
      await runPagefind(options.outDir);
      pagefind = 'ran';
    } else pagefind = 'skipped';
  }
  return {
    proposals: proposals.length,
    revisions: proposals.reduce((n, p) => n + p.shown.length, 0),
    ...counts,
    pagefind,
    warnings,
    ms: Math.round(performance.now() - started),
  };
}
