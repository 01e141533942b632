/** Encodes each path segment for a URL, keeping the slashes. */
const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

const OWNER_REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/**
 * The portal's source view of a file at a commit (a relative URL), optionally marking lines `start..end`:
 * `?lines=` makes the server mark them (no script needed) and the fragment scrolls to them. Undefined when
 * `repository` is not an `owner/repo` name.
 *
 * `acme/p`, 1f…, `spec/a.md`, [3, 5] → `/source/acme/p/blob/1f…/spec/a.md?lines=3-5#L3-L5`; [3, 3] → `…?lines=3#L3`
 */
export function sourceViewHref(
  repository: string,
  commit: string,
  path: string,
  lines?: readonly [number, number],
): string | undefined {
  if (!OWNER_REPO.test(repository) || !/^[0-9a-f]{7,64}$/.test(commit)) return undefined;
  const url = `/source/${repository}/blob/${commit}/${encodePath(path)}`;
  if (!lines) return url;
  const [start, end] = lines;
  return start === end ? `${url}?lines=${start}#L${start}` : `${url}?lines=${start}-${end}#L${start}-L${end}`;
}

/**
 * The portal's address of an image file of a repository at a commit (a relative URL), as drafts show it, or undefined
 * when `repository` is not an `owner/repo` name. `acme/p`, 1f…, `spec/a b.png` → `/source/acme/p/image/1f…/spec/a%20b.png`
 */
export function sourceImageHref(repository: string, commit: string, path: string): string | undefined {
  if (!OWNER_REPO.test(repository) || !/^[0-9a-f]{7,64}$/.test(commit)) return undefined;
  return `/source/${repository}/image/${commit}/${encodePath(path)}`;
}
