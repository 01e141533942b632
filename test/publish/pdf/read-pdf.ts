import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A font a PDF page draws text with, as pdfjs loaded it. */
export interface PdfFont {
  name: string;
  /** The PDF font type: `CIDFontType2` for an embedded TrueType CID font, `Type3` for glyph procedures. */
  type: string;
}

/** What the tests read back from a printed PDF. */
export interface PdfFacts {
  pages: string[];
  outline: string[];
  fonts: PdfFont[];
  title: string | undefined;
  tagged: boolean;
  /** Links on each page: internal ones by destination name, external ones by URL. */
  links: { page: number; dest: string | null; url: string | null }[];
  /** How many images each page paints (raster images; an SVG prints as vector paths, not as an image). */
  images: number[];
}

interface OutlineItem {
  title: string;
  items: OutlineItem[];
}

const flatten = (items: OutlineItem[] | null): string[] => (items ?? []).flatMap((i) => [i.title, ...flatten(i.items)]);

/** Reads a PDF with pdfjs: each page's text, the outline's titles, the fonts used, the title and the links. */
export async function readPdf(pdf: Buffer): Promise<PdfFacts> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, fontExtraProperties: true }).promise;
  try {
    const pages: string[] = [];
    const fonts = new Map<string, PdfFont>();
    const links: PdfFacts['links'] = [];
    const images: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
      const ops = await page.getOperatorList();
      images.push(
        ops.fnArray.filter((fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject).length,
      );
      ops.fnArray.forEach((fn, i) => {
        if (fn !== OPS.setFont) return;
        const id = (ops.argsArray[i] as [string])[0];
        const font = page.commonObjs.get(id) as { name: string; type: string };
        fonts.set(font.name, { name: font.name, type: font.type });
      });
      for (const a of (await page.getAnnotations()) as { subtype: string; dest?: unknown; url?: string }[])
        if (a.subtype === 'Link')
          links.push({ page: n, dest: typeof a.dest === 'string' ? a.dest : null, url: a.url ?? null });
    }
    const meta = (await doc.getMetadata()) as { info: { Title?: string } };
    const mark = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
    return {
      pages,
      outline: flatten((await doc.getOutline()) as OutlineItem[] | null),
      fonts: [...fonts.values()],
      title: meta.info.Title,
      tagged: mark?.Marked === true,
      links,
      images,
    };
  } finally {
    await doc.destroy();
  }
}
