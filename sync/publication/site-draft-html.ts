import { draftImageSource } from '../../content/figures/draft-image-source.ts';
import { extensionOf } from '../../content/figures/image-facts.ts';
import { markFigures } from '../../content/figures/mark-figures.ts';
import { imageSources, imageTag, imageText, replaceImages } from '../../content/figures/replace-images.ts';
import { isDomainError } from '../../kernel/errors/domain-error.ts';
import type { SourceImage } from '../sources/sources-service.ts';
import type { SiteContext } from './site-context.ts';

// A revision's stored draft HTML as one page of the static site shows it, edited as bytes where it can be:
// - the popovers' links into the portal's source view (`/source/…`, an address of the portal, not of the site) point
//   at the portal when its address is known, and are left out when it is not (the upstream permalink stays);
// - each image of the draft's repository is read from the mirror at the pinned commit: a raster image becomes a file
//   of the site (`figures/<blob id>.png`, typed by its bytes, shared by every page that shows it), an SVG is set in
//   the page as a `data:` URL (an SVG file opened on its own could run script on the site's origin); an image from
//   elsewhere, or one the mirror cannot give, shows its alternative text. Figures are marked, so pages centre them.
//   <a href="/source/acme/p/blob/1f…" class="lb-portal"></a> → <a href="https://portal.example/source/acme/p/blob/1f…" …>
//   <img src="https://github.com/acme/p/raw/1f…/img/a.png" alt="Flow"> → <img src="../../figures/5e8a…png" alt="Flow" …>

const PORTAL_LINK = Buffer.from('<a href="/source/');
const PORTAL_LINK_END = Buffer.from(' class="lb-portal"></a>');
const IMG = Buffer.from('<img');

/** Where a revision's page is and what its images are read against. */
export interface SitePage {
  /** The page's output file, which its links are relative to. */
  file: string;
  /** The draft's repository (`owner/repo`) and pinned commit. */
  project: string;
  commit: string | null;
}

/** What both languages' pages of one revision share: its HTML with the portal links edited, and its images read so
 * far by address (null: not shown). */
export interface RevisionDraft {
  linked?: Buffer;
  images: Map<string, SourceImage | null>;
}

/** The popovers' portal links pointed at the portal (or cut), without decoding the bytes. */
function portalLinks(bytes: Buffer, portalUrl: string | null): Buffer {
  if (bytes.indexOf(PORTAL_LINK) < 0) return bytes;
  const parts: Buffer[] = [];
  const to = portalUrl === null ? null : Buffer.from(`<a href="${portalUrl}/source/`);
  let from = 0;
  for (let at = bytes.indexOf(PORTAL_LINK); at >= 0; at = bytes.indexOf(PORTAL_LINK, from)) {
    parts.push(bytes.subarray(from, at));
    if (to) {
      parts.push(to);
      from = at + PORTAL_LINK.length;
      continue;
    }
    const end = bytes.indexOf(PORTAL_LINK_END, at);
    if (end < 0) {
      parts.push(PORTAL_LINK);
      from = at + PORTAL_LINK.length;
      continue;
    }
    from = end + PORTAL_LINK_END.length;
    if (bytes[from] === 0x20) from += 1;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

/** The draft HTML of one revision page of the site, and the figure files it brought with it. */
export async function siteDraftHtml(
  ctx: SiteContext,
  stored: Buffer,
  page: SitePage,
  shared: RevisionDraft,
  warn: (message: string) => void,
): Promise<{ body: Buffer; with: string[] }> {
  const linked = (shared.linked ??= portalLinks(stored, ctx.portalUrl));
  const read = shared.images;
  if (linked.indexOf(IMG) < 0) return { body: linked, with: [] };
  const html = markFigures(linked.toString('utf8'));
  const { project: name, commit } = page;
  for (const src of imageSources(html)) {
    if (read.has(src)) continue;
    const file = commit === null ? undefined : draftImageSource(src, { name, commit });
    if (!file || !ctx.source.sources) continue;
    try {
      read.set(src, await ctx.source.sources.image(name, file.commit, file.path));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      read.set(src, null);
      warn(`${name}@${file.commit.slice(0, 12)}:${file.path}: image not shown (${error.message})`);
    }
  }
  const figures: string[] = [];
  const shares: Promise<void>[] = [];
  const body = replaceImages(html, (image) => {
    const found = read.get(image.src);
    if (!found) return imageText(image, found === undefined);
    const size = { width: found.facts.width, height: found.facts.height, lazy: true };
    if (found.facts.type === 'svg')
      return imageTag(`data:image/svg+xml;base64,${found.bytes.toString('base64')}`, image, size);
    const file = `figures/${found.blob}.${extensionOf(found.facts.type)}`;
    shares.push(ctx.writer.share(file, `figure/${found.blob}`, () => found.bytes));
    figures.push(file);
    return imageTag(ctx.links.href(page.file, file), image, size);
  });
  await Promise.all(shares);
  return { body: Buffer.from(body), with: [...new Set(figures)] };
}
