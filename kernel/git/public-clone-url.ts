/** What a public page or API answer says instead of a path on this machine. */
export const LOCAL_REPOSITORY = 'local repository';

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/**
 * A clone URL as a public page or API answer may show it: no user info, query or fragment (where credentials
 * hide), and never a path on this machine (`file://` URLs and local paths become "local repository").
 *
 * `https://u:p@git.example/o/r.git?access_token=x` → `https://git.example/o/r.git`; `/srv/r.git` → `local repository`
 */
export function publicCloneUrl(cloneUrl: string): string | null {
  const url = cloneUrl.trim();
  if (SCHEME.test(url)) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'file:') return LOCAL_REPOSITORY;
      return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
    } catch {
      return null;
    }
  }
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  if (colon > 0 && (slash === -1 || colon < slash)) {
    // scp-like `[user@]host:path`: the host and path only.
    const host = url.slice(0, colon).split('@').pop()!;
    const rest = url.slice(colon + 1);
    return rest.includes('@') || rest.includes('?') ? null : `${host}:${rest}`;
  }
  return LOCAL_REPOSITORY;
}
