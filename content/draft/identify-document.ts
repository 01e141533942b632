/** What a cited link points at. */
export type CitedTarget =
  | {
      kind: 'document';
      /** `IETF RFC 3339`, `W3C json-ld`, `ECMA-262`, `ISO 8601-1`; undefined for other documents. */
      identifier: string | undefined;
      /** The edition the link pins (a date, a version), when it pins one. */
      edition: string | undefined;
      /** What the list deduplicates on: the identifier, else the URL without fragment, scheme or `www.`. */
      key: string;
    }
  | { kind: 'not-a-document'; reason: 'search' | 'repository' | 'site' };

const SEARCH_HOSTS = /(^|\.)(google|bing|baidu|duckduckgo|yahoo|yandex|sogou)\./i;
const REPOSITORY_PAGES =
  /^\/[^/]+\/[^/]+\/?(?:$|(?:tree|issues|pulls?|discussions|releases|actions|wiki|projects|commits)(?:\/|$))/i;
const GIT_HOSTS = /(^|\.)(github\.com|gitlab\.com|gitee\.com|bitbucket\.org|codeberg\.org)$/i;
const VERSION = /^(?:v?\d+(?:\.\d+)+(?:[-+][\w.]+)?|[0-9a-f]{40}|draft-\d+|\d{4}-\d{2}(?:-\d{2})?)$/i;

/** Identifiers written in text: `RFC 3339`, `ISO/IEC 10646`, `GB/T 7714—2015`, `ECMA-262`. */
export function identifierInText(text: string): string | undefined {
  const rfc = /\bRFC\s*-?\s*(\d{3,5})\b/i.exec(text);
  if (rfc) return `IETF RFC ${Number(rfc[1])}`;
  const bcp = /\bBCP\s*(\d{1,3})\b/.exec(text);
  if (bcp) return `IETF BCP ${Number(bcp[1])}`;
  const iso = /\b(ISO(?:\/IEC)?(?:\/IEEE)?)\s+(\d{3,5}(?:-\d+)*)(?::(\d{4}))?/.exec(text);
  if (iso) return `${iso[1]} ${iso[2]}${iso[3] ? `:${iso[3]}` : ''}`;
  const gb = /\b(GB(?:\/[TZ])?)\s*(\d{3,5}(?:\.\d+)?)(?:\s*[—-]\s*(\d{4}))?/.exec(text);
  if (gb) return `${gb[1]} ${gb[2]}${gb[3] ? `—${gb[3]}` : ''}`;
  const ecma = /\bECMA[- ](\d{2,4})\b/i.exec(text);
  if (ecma) return `ECMA-${ecma[1]}`;
  return undefined;
}

/**
 * Tells what a link cited in a spec points at: a document with an identifier (IETF RFCs and BCPs, W3C
 * Recommendations, ECMA, ISO and GB standards, Unicode reports), another document (a page, a file at a version),
 * or no document at all (a search page, a repository's tree, issues or releases, a site's home page).
 *
 * Before: `https://tools.ietf.org/html/rfc3339#section-5.6`   After: document, `IETF RFC 3339`, key `IETF RFC 3339`
 * Before: `https://www.w3.org/TR/2014/REC-json-ld-20140116/`  After: `W3C json-ld`, edition `2014-01-16`
 */
export function identifyDocument(url: string, linkText: string): CitedTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'document', identifier: identifierInText(linkText), edition: undefined, key: url };
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname;
  const key = `${host}${path.replace(/\/+$/, '')}${parsed.search}`.toLowerCase();
  if (
    SEARCH_HOSTS.test(host) &&
    (/\/search\b|^\/s$/.test(path) || parsed.searchParams.has('q') || parsed.searchParams.has('wd'))
  )
    return { kind: 'not-a-document', reason: 'search' };
  if (GIT_HOSTS.test(host) && REPOSITORY_PAGES.test(path)) return { kind: 'not-a-document', reason: 'repository' };
  const doc = (identifier: string | undefined, edition?: string): CitedTarget => ({
    kind: 'document',
    identifier,
    edition,
    key: identifier ? `${identifier}${edition ? `@${edition}` : ''}` : key,
  });
  const rfc = /(?:^|\/)rfc(\d{3,5})(?:\.(?:txt|html|pdf))?\/?$/i.exec(path);
  if (rfc && /(^|\.)(ietf\.org|rfc-editor\.org)$/.test(host)) return doc(`IETF RFC ${Number(rfc[1])}`);
  const bcp = /(?:^|\/)bcp(\d{1,3})(?:\.(?:txt|html))?\/?$/i.exec(path);
  if (bcp && /(^|\.)(ietf\.org|rfc-editor\.org)$/.test(host)) return doc(`IETF BCP ${Number(bcp[1])}`);
  if (host === 'w3.org') {
    const dated = /^\/TR\/(\d{4})\/[A-Z]+-([a-z0-9-]+?)-(\d{4})(\d{2})(\d{2})\/?/i.exec(path);
    if (dated) return doc(`W3C ${dated[2]}`, `${dated[3]}-${dated[4]}-${dated[5]}`);
    const latest = /^\/TR\/([a-z0-9-]+)\/?$/i.exec(path);
    if (latest) return doc(`W3C ${latest[1]}`);
  }
  const ecma = /ecma-(\d{2,4})(?:\/(\d+(?:\.\d+)*))?/i.exec(path);
  if (host.endsWith('ecma-international.org') && ecma) return doc(`ECMA-${ecma[1]}`, ecma[2]);
  const unicode = /^\/reports\/tr(\d+)/i.exec(path);
  if (host === 'unicode.org' && unicode) return doc(`Unicode TR ${unicode[1]}`);
  if (GIT_HOSTS.test(host)) {
    // A file at a tag or commit: the ref is the edition.
    const blob = /^\/[^/]+\/[^/]+\/(?:-\/)?blob\/([^/]+)\//.exec(path);
    if (blob) return doc(identifierInText(linkText), VERSION.test(blob[1]!) ? decodeURIComponent(blob[1]!) : undefined);
  }
  if ((path === '/' || path === '') && parsed.search === '' && !identifierInText(linkText))
    return { kind: 'not-a-document', reason: 'site' };
  const identifier = identifierInText(linkText);
  return identifier ? doc(identifier) : { kind: 'document', identifier: undefined, edition: undefined, key };
}
