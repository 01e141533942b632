import { imageSize } from 'image-size';

// What a file is, read from its bytes and never from its name: a draft shows an image only when its bytes are one of
// the types every browser, Chromium's print and (but for WebP) Word can show.
//   imageFacts(<89 50 4e 47 …>) → { type: 'png', mime: 'image/png', width: 320, height: 160 }
//   imageFacts(<"%PDF-…">) → undefined

/** The image types a draft shows. */
export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg';

/** An image's type and size in CSS pixels, as its bytes say. */
export interface ImageFacts {
  type: ImageType;
  mime: string;
  width: number;
  height: number;
}

const MIME: Record<ImageType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

/** The file extension an image of this type is written with. */
export const extensionOf = (type: ImageType): string => (type === 'jpeg' ? 'jpg' : type);

const NAMES: Record<string, ImageType> = { png: 'png', jpg: 'jpeg', gif: 'gif', webp: 'webp', svg: 'svg' };

/** The type and size of an image of a shown type, or undefined (another type, or bytes that are not an image). */
export function imageFacts(bytes: Uint8Array): ImageFacts | undefined {
  let found: ReturnType<typeof imageSize>;
  try {
    found = imageSize(bytes);
  } catch {
    return undefined;
  }
  const type = found.type === undefined ? undefined : NAMES[found.type];
  if (type === undefined) return undefined;
  // An SVG with neither a size nor a viewBox has none to lay it out at.
  const { width, height } = found;
  if (!width || !height) return undefined;
  return { type, mime: MIME[type], width, height };
}

/** An image of a draft as read from the mirror: its address in the draft, what it is, and its bytes. */
export interface DraftImageFile {
  src: string;
  facts: ImageFacts;
  bytes: Uint8Array;
}
