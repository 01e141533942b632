import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';

// Reads a produced .docx the way a test checks it: the parts as XML text (each checked well-formed), and the body's
// paragraphs with their style, text and bookmarks, in order (a paragraph inside a table or the contents too).

/** One `w:p` of a part. */
export interface DocxParagraph {
  style: string | null;
  text: string;
  bookmarks: string[];
  xml: string;
}

/** The parts of a Word file a test reads. */
export interface OpenedDocx {
  document: string;
  styles: string;
  headers: string[];
  footers: string[];
  paragraphs: DocxParagraph[];
}

const decode = (text: string): string =>
  text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!,
  );

/** The paragraphs of an XML part. */
export function paragraphsOf(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p(?: [^>]*)?>.*?<\/w:p>/gs)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('')),
    bookmarks: [...p.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]!),
    xml: p,
  }));
}

/** Opens a .docx; every XML part must be well-formed, or this throws naming it. */
export async function openDocx(buffer: Buffer): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(buffer);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new Error(`${name} is not well-formed XML: ${JSON.stringify(valid)}`);
    parts.set(name, xml);
  }
  const document = parts.get('word/document.xml')!;
  const of = (prefix: string) => [...parts].filter(([n]) => n.startsWith(prefix)).map(([, xml]) => xml);
  return {
    document,
    styles: parts.get('word/styles.xml')!,
    headers: of('word/header'),
    footers: of('word/footer'),
    paragraphs: paragraphsOf(document),
  };
}

/** The `w:style` element of a style ID in styles.xml. */
export function styleOf(styles: string, id: string): string {
  const found = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles);
  if (!found) throw new Error(`no style ${id} in styles.xml`);
  return found[0];
}
