import { markFigures } from '../../../content/figures/mark-figures.ts';
import { draftImageSource } from '../../../content/figures/draft-image-source.ts';
import { imageTag, imageText, replaceImages } from '../../../content/figures/replace-images.ts';
import { sourceImageHref } from '../../../content/render/source-view-href.ts';

// The images of a draft page as the portal shows them: each file of the draft's repository from the portal's own
// mirror at the pinned commit (`/source/…/image/…`, which the page's policy allows), and any image from elsewhere as
// its alternative text linked to where it is (the page loads nothing from another site).
//   <img src="https://github.com/acme/p/raw/1f…/img/a.png" alt="Flow"> → <img src="/source/acme/p/image/1f…/img/a.png" …>
//   <img src="https://img.shields.io/x.svg" alt="badge"> → <a href="https://img.shields.io/x.svg" …>[badge]</a>

/** The draft HTML with its images pointed at the portal's mirror, and its figures marked (centred). */
export function portalImages(html: string, source: { name: string; commit: string | null }): string {
  return replaceImages(markFigures(html), (image) => {
    const { name, commit } = source;
    const file = commit === null ? undefined : draftImageSource(image.src, { name, commit });
    const href = file && sourceImageHref(name, file.commit, file.path);
    return href ? imageTag(href, image, { lazy: true }) : imageText(image, true);
  });
}
