// Which images of a draft are files of its own repository at the pinned commit: the draft generator points each at
// the raw file at that commit (`rawUrlTo`), and the portal, the static site, the PDF and the Word file show those from
// the mirror instead (GitHub is never fetched). Any other image is outside the draft's sources.
//   draftImageSource('https://github.com/acme/p/raw/1f…/spec/img/a%20b.png', { name: 'acme/p', commit: '1f…' })
//     → { commit: '1f…', path: 'spec/img/a b.png' }

/** A file of the draft's repository at its pinned commit. */
export interface DraftImageSource {
  commit: string;
  path: string;
}

/** The repository file an image's URL names, or undefined when it names none of the draft's repository. */
export function draftImageSource(src: string, source: { name: string; commit: string }): DraftImageSource | undefined {
  const marker = `/${source.name}/raw/${source.commit}/`;
  const at = src.indexOf(marker);
  if (at < 0 || !/^https?:\/\/[^/?#]+(?:\/[^?#]*)?$/i.test(src.slice(0, at + 1))) return undefined;
  const rest = src.slice(at + marker.length);
  if (rest === '' || /[?#]/.test(rest)) return undefined;
  try {
    const path = rest.split('/').map(decodeURIComponent).join('/');
    return path.split('/').some((s) => s === '' || s === '.' || s === '..')
      ? undefined
      : { commit: source.commit, path };
  } catch {
    return undefined;
  }
}
