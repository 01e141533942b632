import express, { type Router } from 'express';
import { plainTextOf, readPageSource, titleOf } from '../../../content/render/read-page-source.ts';
import { renderMarkdown } from '../../../content/render/render-markdown.ts';
import { i18nOf } from '../../i18n/i18n-middleware.ts';
import { LANGUAGES, type Lang } from '../../../kernel/i18n/languages.ts';
import type { SearchDocument } from '../../search/search-document.ts';
import type { NavKey } from '../layout/build-chrome.ts';
import type { PortalContext } from '../portal-context.ts';
import { renderPage } from '../render-page.ts';

/** The Markdown pages under `content/pages/`, by address. */
export const CONTENT_PAGES: { slug: string; nav: NavKey }[] = [
  { slug: 'about', nav: 'about' },
  { slug: 'process', nav: 'process' },
  { slug: 'faq', nav: 'faq' },
];

/** `GET /about`, `/process`, `/faq` (Markdown through the sanitising pipeline) and `/maturity-model` (from the model). */
export function createContentRoute(ctx: PortalContext): Router {
  const router = express.Router();
  // Content files do not change while the portal runs: each page is rendered once per language.
  const rendered = new Map<string, { title: string; html: string }>();
  for (const { slug, nav } of CONTENT_PAGES) {
    router.get(`/${slug}`, (req, res, next) => {
      const i18n = i18nOf(res);
      const key = `${slug}:${i18n.lang}`;
      let page = rendered.get(key);
      if (!page) {
        const source = readPageSource(slug, i18n.lang);
        if (!source) return next();
        page = { title: source.title, html: renderMarkdown(source.markdown) };
        rendered.set(key, page);
      }
      renderPage(ctx, req, res, 'content', { title: page.title, nav }, { html: page.html, missing: null });
    });
  }
  router.get('/workflow', (req, res, next) => {
    if (!ctx.proposals) return next();
    const i18n = i18nOf(res);
    // Rendered from the workflow file in force, so the page never disagrees with the rules the portal applies.
    const markdown = ctx.proposals.workflowMarkdown(i18n.lang);
    const title = titleOf(markdown) ?? i18n.t.nav.process;
    renderPage(
      ctx,
      req,
      res,
      'content',
      { title, nav: 'process' },
      { html: renderMarkdown(markdown), missing: null, title },
    );
  });
  router.get('/maturity-model', (req, res) => {
    const i18n = i18nOf(res);
    // Rendered from the model itself on each request, so the page can never disagree with the model in use.
    const markdown = ctx.maturity.modelMarkdown(i18n.lang);
    const title = (markdown && titleOf(markdown)) ?? i18n.t.nav.maturityModel;
    renderPage(
      ctx,
      req,
      res,
      'content',
      { title, nav: 'maturityModel' },
      {
        html: markdown ? renderMarkdown(markdown) : null,
        missing: markdown ? null : i18n.t.content.modelMissing,
        title,
      },
    );
  });
  return router;
}

/** The content pages as search documents, one per language. */
export function contentDocuments(ctx: Pick<PortalContext, 'maturity'>): SearchDocument[] {
  const documents: SearchDocument[] = [];
  const add = (slug: string, lang: Lang, markdown: string | null | undefined): void => {
    if (!markdown) return;
    documents.push({
      id: `page:${slug}:${lang}`,
      type: 'page',
      lang,
      title: titleOf(markdown) ?? slug,
      url: `/${slug}?lang=${lang}`,
      text: plainTextOf(markdown.replace(/^# .*$/m, '')),
      keywords: '',
    });
  };
  for (const lang of LANGUAGES) {
    for (const { slug } of CONTENT_PAGES) add(slug, lang, readPageSource(slug, lang)?.markdown);
    add('maturity-model', lang, ctx.maturity.modelMarkdown(lang));
  }
  return documents;
}
