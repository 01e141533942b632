const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * A sitemap (sitemaps.org 0.9) of `locations`: absolute URLs when the site's URL is known, else paths relative to
 * the base path (which a crawler cannot use as they are: give `--site-url` for a sitemap to submit).
 */
export function siteSitemap(locations: readonly string[]): string {
  const urls = locations.map((loc) => `  <url><loc>${escapeXml(loc)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}
