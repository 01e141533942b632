/**
 * The `owner/repo` a clone URL or path names, for permalinks; a bare path gives only its folder name.
 *
 * Before: `git@github.com:acme/widgets.git`, `https://github.com/acme/widgets`, `/srv/git/widgets.git`
 * After:  `acme/widgets`, `acme/widgets`, `widgets`
 */
export function projectNameFromUrl(url: string): string | undefined {
  const trimmed = url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '');
  if (trimmed === '') return undefined;
  const scp = /^[\w.-]+@[\w.-]+:(?!\/)(.+)$/.exec(trimmed);
  const remote = /^(?:https?|ssh|git):\/\/[^/]+\/(.+)$/i.exec(trimmed);
  const path = scp?.[1] ?? remote?.[1];
  const segments = (path ?? trimmed.replace(/^file:\/\//i, '')).split(/[\\/]/).filter(Boolean);
  if (segments.length === 0) return undefined;
  if (path && segments.length >= 2) return segments.slice(-2).join('/');
  return segments[segments.length - 1];
}
