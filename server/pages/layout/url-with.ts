/**
 * A path of this site as a link target: one leading `/` and never `//` or `/\` at the start, which a browser reads
 * as another host (`//evil.example/x` → `/evil.example/x`). Self links are built from the request's path, which the
 * client chose. Tabs and newlines go first: browsers drop them, so `/<tab>/evil.example` would become `//…` too.
 */
export function sitePath(path: string): string {
  return `/${path.replace(/[\t\n\r]/g, '').replace(/^[/\\]+/, '')}`;
}

/** `path?query` with some parameters replaced (undefined or '' removes one); keeps the others in order. */
export function urlWith(path: string, query: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  const qs = next.toString();
  return qs ? `${sitePath(path)}?${qs}` : sitePath(path);
}

/** The query string of a request URL as URLSearchParams (Express's parsed `req.query` may hold arrays). */
export function searchParamsOf(originalUrl: string): URLSearchParams {
  const at = originalUrl.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : originalUrl.slice(at + 1));
}
