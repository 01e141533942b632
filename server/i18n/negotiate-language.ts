import { DEFAULT_LANG, toLang, type Lang } from '../../kernel/i18n/languages.ts';

/** Where the language of a request came from; only an explicit `?lang=` is remembered in the cookie. */
export interface Negotiated {
  lang: Lang;
  source: 'query' | 'cookie' | 'header' | 'default';
}

/**
 * The language of a request: `?lang=` first (a shared link says which language it means), then the `lang`
 * cookie (the reader's earlier choice), then `Accept-Language` by quality, then the default.
 */
export function negotiateLanguage(input: {
  query: unknown;
  cookie: string | undefined;
  acceptLanguage: string | undefined;
}): Negotiated {
  const fromQuery = toLang(input.query);
  if (fromQuery) return { lang: fromQuery, source: 'query' };
  const fromCookie = toLang(input.cookie);
  if (fromCookie) return { lang: fromCookie, source: 'cookie' };
  const fromHeader = fromAcceptLanguage(input.acceptLanguage);
  if (fromHeader) return { lang: fromHeader, source: 'header' };
  return { lang: DEFAULT_LANG, source: 'default' };
}

// "en-GB,en;q=0.9,zh-CN;q=0.8": the best-quality tag we speak wins; ties keep the header's order.
function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { lang: toLang(tag), quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((entry) => entry.lang !== undefined && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranked[0]?.lang;
}

/** The value of one cookie in a `Cookie` header (no cookie parser needed for one name). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      // A malformed value (`lang=%ff`) is no choice at all, not a reason to fail the page.
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
