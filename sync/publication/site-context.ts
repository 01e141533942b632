import { hash, randomUUID } from 'node:crypto';
import type { Store } from '../../db/store.ts';
import type { ViewRenderer } from '../../content/render/render-view.ts';
import type { Lang } from '../../kernel/i18n/languages.ts';
import type { Workflow } from '../proposals/workflow/workflow-schema.ts';
import type { CommentsService } from '../review/comments/comments-service.ts';
import type { DiffsService } from '../review/diffs/diffs-service.ts';
import type { SourcesService } from '../sources/sources-service.ts';
import { siteChrome } from './site-chrome.ts';
import type { SiteLinks } from './site-links.ts';
import type { SiteWriter } from './site-writer.ts';

/** What the builder reads: the instance's store and the services over it that shape a comment table and a diff. */
export interface SiteSource {
  store: Store;
  /** The workflow in force (stage names, draft names, which stages are public). */
  workflow(): Workflow;
  comments: Pick<CommentsService, 'resolution' | 'version'>;
  diffs: Pick<DiffsService, 'diff'>;
  /** The mirrors' files, for the drafts' images (without it, an image shows its text). */
  sources?: Pick<SourcesService, 'image'> | undefined;
}

/** One build's tools: the source, the links, the writer, the views, and the digest of the layout. */
export interface SiteContext {
  source: SiteSource;
  links: SiteLinks;
  writer: SiteWriter;
  views: ViewRenderer;
  /** Changes whenever the templates, the words, the assets or the options change: every page depends on it. */
  layout: string;
  /** Absolute URL of the site (no trailing slash), or null. */
  siteUrl: string | null;
  /** The portal's address (no trailing slash), where the popovers' source-view links go; null: they are left out. */
  portalUrl: string | null;
  /** The absolute URL of an output file when the site's URL is known, else null. */
  absolute(file: string): string | null;
  /** Renders `views/site/<view>.ejs` with its chrome and model. */
  page(lang: Lang, logical: string, view: string, head: Parameters<typeof siteChrome>[3], model: object): string;
  /**
   * Renders a page whose model's `html` is the UTF-8 `body` (a revision's draft, hundreds of KiB): the template
   * runs with a placeholder and the body's bytes are set in its place, never decoded, concatenated or encoded.
   */
  pageAround(
    lang: Lang,
    logical: string,
    view: string,
    head: Parameters<typeof siteChrome>[3],
    model: object,
    body: Buffer,
  ): Buffer;
  /** A short digest of what a page is made of (the layout and `parts`). */
  key(...parts: readonly unknown[]): string;
}

/** The build context over its parts. */
export function siteContext(parts: Omit<SiteContext, 'page' | 'pageAround' | 'key' | 'absolute'>): SiteContext {
  // Stands for a page's body while its template runs: unguessable, so no title or comment on the page can name it.
  const BODY = `\u0000${randomUUID()}\u0000`;
  const page: SiteContext['page'] = (lang, logical, view, head, model) => {
    const chrome = siteChrome(parts.links, lang, logical, head);
    return parts.views.render(`site/${view}`, { chrome, t: chrome.t, page: model });
  };
  return {
    ...parts,
    absolute: (file) =>
      parts.siteUrl === null ? null : new URL(parts.links.published(file), `${parts.siteUrl}/`).href,
    page,
    pageAround(lang, logical, view, head, model, body) {
      const text = page(lang, logical, view, head, { ...model, html: BODY });
      const at = text.indexOf(BODY);
      if (at < 0 || text.indexOf(BODY, at + 1) >= 0) throw new Error(`site/${view} must show page.html exactly once`);
      return Buffer.concat([Buffer.from(text.slice(0, at)), body, Buffer.from(text.slice(at + BODY.length))]);
    },
    key: (...values) => hash('sha1', parts.layout + JSON.stringify(values), 'base64url').slice(0, 20),
  };
}
