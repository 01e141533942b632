import { escapeHtml } from '../render/escape-html.ts';

// The images of a rendered draft's HTML (renderDraftHtml's: sanitised, every attribute double-quoted), each replaced
// by what one output shows for it: the portal's image address, a file of the static site, a `data:` URL in print, or
// its text alone. String edits: a page is laid out from stored HTML without parsing it again.
//   replaceImages('<p><img src="https://…/a.png" alt="Flow"></p>', (img) => `<img src="/x.png" alt="${img.alt}">`)
//     → '<p><img src="/x.png" alt="Flow"></p>'

/** An image of the draft HTML: its address, alternative text and title (entities decoded). */
export interface DraftHtmlImage {
  src: string;
  alt: string;
  title: string;
}

const IMG = /<img\b[^>]*>/g;
const ATTRIBUTE = /\s([a-zA-Z-]+)="([^"]*)"/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value as the stringifier wrote it, decoded. */
const decode = (value: string): string =>
  value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (found, hex?: string, dec?: string, name?: string) => {
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    return NAMED[name!.toLowerCase()] ?? found;
  });

/** The image an `<img>` tag of the draft HTML shows. */
export function imageOfTag(tag: string): DraftHtmlImage {
  const attributes = new Map([...tag.matchAll(ATTRIBUTE)].map((m) => [m[1]!.toLowerCase(), decode(m[2]!)]));
  return { src: attributes.get('src') ?? '', alt: attributes.get('alt') ?? '', title: attributes.get('title') ?? '' };
}

/** The distinct image addresses of the HTML, in order. */
export function imageSources(html: string): string[] {
  return [...new Set([...html.matchAll(IMG)].map((m) => imageOfTag(m[0]).src))];
}

/** The HTML with each image replaced by what `replace` makes of it. */
export function replaceImages(html: string, replace: (image: DraftHtmlImage) => string): string {
  return html.indexOf('<img') < 0 ? html : html.replace(IMG, (tag) => replace(imageOfTag(tag)));
}

/** An image tag with these attributes (escaped), sized when the size is known, loaded lazily when asked. */
export function imageTag(
  src: string,
  image: DraftHtmlImage,
  extra: { width?: number; height?: number; lazy?: boolean } = {},
): string {
  const size = extra.width && extra.height ? ` width="${extra.width}" height="${extra.height}"` : '';
  const title = image.title ? ` title="${escapeHtml(image.title)}"` : '';
  const lazy = extra.lazy ? ' loading="lazy"' : '';
  return `<img src="${escapeHtml(src)}" alt="${escapeHtml(image.alt)}"${title}${size}${lazy}>`;
}

/** What an image that is not shown becomes: its alternative text, marked, as a link when it came from the web. */
export function imageText(image: DraftHtmlImage, link: boolean): string {
  const text = `<span class="image-text">[${escapeHtml(image.alt || image.title || '?')}]</span>`;
  return link && /^https?:\/\//i.test(image.src)
    ? `<a href="${escapeHtml(image.src)}" rel="noopener noreferrer">${text}</a>`
    : text;
}
