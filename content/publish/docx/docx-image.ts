import { Resvg } from '@resvg/resvg-js';
import { ImageRun } from 'docx';
import type { DraftImageFile } from '../../figures/image-facts.ts';
import { xmlSafeText } from './xml-safe-text.ts';

// An image of the draft as a Word picture, at its own size in CSS pixels (96 to the inch, as Word takes them) and no
// wider than `maxWidth`. Word has no WebP: such an image gives no picture (its text stands instead). An SVG goes in
// as SVG with a PNG of it (drawn by resvg at twice its size) for Word versions that cannot draw SVG.
//   docxImageRun({ src, facts: { type: 'png', width: 1200, height: 600, … }, bytes }, 623) → ImageRun 623 × 312 px

/** Draws SVGs at this many device pixels a CSS pixel, for a sharp fallback in print. */
const FALLBACK_SCALE = 2;

/** The Word picture of an image, or undefined when Word cannot show its type. */
export function docxImageRun(image: DraftImageFile, maxWidth: number, alt: string): ImageRun | undefined {
  const { facts, bytes } = image;
  const scale = Math.min(1, maxWidth / facts.width);
  const transformation = {
    width: Math.max(1, Math.round(facts.width * scale)),
    height: Math.max(1, Math.round(facts.height * scale)),
  };
  const altText = { name: xmlSafeText(alt).slice(0, 200) || 'image', description: xmlSafeText(alt) };
  switch (facts.type) {
    case 'png':
    case 'gif':
      return new ImageRun({ type: facts.type, data: bytes, transformation, altText });
    case 'jpeg':
      return new ImageRun({ type: 'jpg', data: bytes, transformation, altText });
    case 'svg': {
      let fallback: Buffer;
      try {
        fallback = new Resvg(Buffer.from(bytes), {
          fitTo: { mode: 'width', value: transformation.width * FALLBACK_SCALE },
          font: { loadSystemFonts: true },
        })
          .render()
          .asPng();
      } catch {
        // An SVG resvg cannot read is one Word would not draw either.
        return undefined;
      }
      return new ImageRun({
        type: 'svg',
        data: bytes,
        fallback: { type: 'png', data: fallback },
        transformation,
        altText,
      });
    }
    default:
      return undefined;
  }
}
