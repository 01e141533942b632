/**
 * Where to send a person after signing in: a path of this portal only. Anything that a browser could read as
 * another origin (`//evil.example`, `/\evil.example`, `https://…`, `javascript:`, tabs or newlines that browsers
 * strip) becomes `/`.
 *
 * `/projects?level=mature` → itself; `//evil.example/x` → `/`; `/%2F%2Fevil.example` → itself (a path here)
 */
export function safeNext(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024) return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  if (/[\\\u0000-\u001f\u007f\s]/.test(value)) return fallback;
  try {
    const base = 'http://magnolia.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
