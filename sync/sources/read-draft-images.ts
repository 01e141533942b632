import { draftImageSource } from '../../content/figures/draft-image-source.ts';
import type { DraftImageFile } from '../../content/figures/image-facts.ts';
import { imageSources } from '../../content/figures/replace-images.ts';
import { isDomainError } from '../../kernel/errors/domain-error.ts';
import type { SourcesService } from './sources-service.ts';

/** An image of a draft that is not shown, and why (a source-view error code). */
export interface UnreadImage {
  src: string;
  code: string;
}

/**
 * The images of a draft's HTML that are files of its repository at its pinned commit, read from the mirror (the Word
 * file and the PDF embed them). An image from elsewhere is not read (nothing is fetched); one the mirror cannot give
 * (gone, not an image, too large) is listed with the reason, and its text stands in the files.
 */
export async function readDraftImages(
  sources: Pick<SourcesService, 'image'>,
  html: string,
  source: { name: string; commit: string },
): Promise<{ images: DraftImageFile[]; unread: UnreadImage[] }> {
  const images: DraftImageFile[] = [];
  const unread: UnreadImage[] = [];
  for (const src of imageSources(html)) {
    const file = draftImageSource(src, source);
    if (!file) continue;
    try {
      const { facts, bytes } = await sources.image(source.name, file.commit, file.path);
      images.push({ src, facts, bytes });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      unread.push({ src, code: error.code });
    }
  }
  return { images, unread };
}
