// SWHIDs (ISO/IEC 18670, https://www.swhid.org/specification/) of a clause's source lines: the revision (commit) it
// was generated at, qualified by the upstream's origin URL, the file's path from the revision's root and the lines.
// Qualifier values are percent-encoded as Software Heritage's swh.model does: in `origin` `%`, `;` and blanks or
// control characters; in `path` all but ASCII letters, digits and `_.-~/`.
//   commit 1f…, https://github.com/acme/p, spec/a b.md, 3–5 → swh:1:rev:1f…;origin=https://github.com/acme/p;path=/spec/a%20b.md;lines=3-5

const utf8Escape = (char: string): string =>
  [...Buffer.from(char, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

const escapeOrigin = (url: string): string => url.replace(/[%;\s\u0000-\u001f\u007f]/gu, utf8Escape);
const escapePath = (path: string): string => path.replace(/[^A-Za-z0-9_.~/-]/gu, utf8Escape);

/**
 * The SWHID of lines `start..end` of `path` at `commit`, with `origin` when it is an http(s) URL (a local path is no
 * origin anyone can resolve). Undefined for a commit that is not a SHA-1 (SWHID version 1 names SHA-1 objects).
 */
export function swhidOfLines(
  commit: string,
  origin: string | undefined,
  path: string,
  start: number,
  end: number,
): string | undefined {
  if (!/^[0-9a-f]{40}$/.test(commit)) return undefined;
  const qualifiers = [
    ...(origin && /^https?:\/\/[^\s/]+/i.test(origin) ? [`origin=${escapeOrigin(origin)}`] : []),
    `path=/${escapePath(path.replace(/^\/+/, ''))}`,
    `lines=${start === end ? start : `${start}-${end}`}`,
  ];
  return `swh:1:rev:${commit};${qualifiers.join(';')}`;
}
