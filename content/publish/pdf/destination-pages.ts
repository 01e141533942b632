import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// The page each named destination of a printed PDF lands on, read back with pdfjs. Chromium names a destination
// after the element id a link points at (`#c-94e0…` → destination `c-94e0…`), so the contents' links say where
// their headings were set. Pages count from 1, the cover included, as the running foot counts them.
//   destinationPages(pdf, ['s-1', 'c-94e0…', 'gone']) → Map { 's-1' → 3, 'c-94e0…' → 5 }

interface PdfRef {
  num: number;
  gen: number;
}

/** The pages of `names` in `pdf`; a name the PDF has no destination for is left out. */
export async function destinationPages(pdf: Buffer, names: readonly string[]): Promise<Map<string, number>> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages = new Map<string, number>();
    for (const name of names) {
      const dest = (await doc.getDestination(name)) as unknown[] | null;
      const ref = dest?.[0];
      if (typeof ref === 'object' && ref !== null && 'num' in ref)
        pages.set(name, (await doc.getPageIndex(ref as PdfRef)) + 1);
      else if (typeof ref === 'number') pages.set(name, ref + 1);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
