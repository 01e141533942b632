import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  NumberFormat,
  Packer,
  Paragraph,
  TableOfContents,
  type ISectionOptions,
} from 'docx';
import type { Element, Root, RootContent } from 'hast';
import { textOf } from '../../render/draft/hast-builder.ts';
import type { DraftManifest } from '../../draft/draft-types.ts';
import { leadIns } from '../../draft/lead-ins.ts';
import { coverFields } from './cover-fields.ts';
import { coverPage } from './cover-page.ts';
import type { DocxContext } from './docx-context.ts';
import { docxWords } from './docx-words.ts';
import type { DraftImageFile } from '../../figures/image-facts.ts';
import { createCaptionNumbering } from '../caption-numbering.ts';
import { captionsFigures, captionsTables, draftBlocks } from './draft-blocks.ts';
import { isNumbered } from './draft-heading.ts';
import { A4, GBT_MARGINS } from './gbt-layout.ts';
import { STYLE, gbtStyles } from './gbt-styles.ts';
import { pageNumberFooter } from './page-number-footer.ts';
import { readDraftTree } from './read-draft-tree.ts';
import type { RevisionDocxMeta } from './revision-docx-meta.ts';
import { textRun } from './text-run.ts';
import { xmlSafeText } from './xml-safe-text.ts';

// A draft revision as a Word file in the GB/T 1.1—2020 layout, in three sections: the cover (no running head or
// foot), the preliminary elements (目次 as a TOC field over Heading 1–2, 前言, 引言; pages I, II …) and the body
// (the title, then clause 1 onwards and the annexes; pages 1, 2 …), with the standard's number at the head of each
// page and the PAGE field at its foot. Every block that carries a clause ID carries it as a bookmark
// (bookmarkNameOf), so a Word file that comes back can be matched to the clauses. Pure: strings in, bytes out.
//   revisionDocx({ markdown, manifest, meta: { proposal: 'MP-2026-001', revision: 'MP-2026-001-02', … } })
//     → PK… (word/document.xml: cover, <w:sdt> TOC, <w:pStyle w:val="Heading1"/> "1 范围" …)

/** What `revisionDocx` takes: the revision's Markdown and manifest as generated, and the portal's data. */
export interface RevisionDocxInput {
  markdown: string;
  manifest: DraftManifest;
  meta: RevisionDocxMeta;
  /** The draft's images read from the mirror (the others show their text). */
  images?: readonly DraftImageFile[] | undefined;
}

const page = { size: { width: A4.width, height: A4.height }, margin: GBT_MARGINS };

/** The clause IDs the sanitised tree anchors, in document order. */
function anchoredIds(root: Root | Element, out = new Set<string>()): Set<string> {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    const id = child.properties['dataClauseId'];
    if (typeof id === 'string') out.add(id);
    anchoredIds(child, out);
  }
  return out;
}

/** Where the body starts: the first chapter heading with a number (`1 范围`). */
function bodyStart(children: readonly RootContent[]): number {
  const at = children.findIndex((n) => n.type === 'element' && n.tagName === 'h2' && isNumbered(textOf(n).trim()));
  return at < 0 ? children.length : at;
}

/** The running head (the standard's number, right, over a rule) and foot (the page number, centred). */
function running(number: string): Pick<ISectionOptions, 'headers' | 'footers'> {
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            style: STYLE.running,
            alignment: AlignmentType.RIGHT,
            border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } },
            children: [textRun(number)],
          }),
        ],
      }),
    },
    footers: { default: pageNumberFooter() },
  };
}

/** The Word file (.docx) of a draft revision. */
export async function revisionDocx(input: RevisionDocxInput): Promise<Buffer> {
  const { manifest, meta } = input;
  const tree = readDraftTree(input.markdown, manifest);
  const fields = coverFields(tree.cover);
  const ctx: DocxContext = {
    lang: meta.lang,
    L: leadIns(meta.lang),
    clauses: new Map(manifest.clauses.map((c) => [c.id, c])),
    anchored: anchoredIds(tree.body),
    bookmarked: new Set(),
    chapter: '',
    numbering: createCaptionNumbering(meta.lang),
    numbered: { table: !captionsTables(tree.body.children), figure: !captionsFigures(tree.body.children) },
    images: new Map((input.images ?? []).map((image) => [image.src, image])),
  };
  const w = docxWords(meta.lang).draftDocx;
  const children = tree.body.children;
  const start = bodyStart(children);
  const front = draftBlocks(children.slice(0, start), ctx);
  const body = draftBlocks(children.slice(start), ctx);
  const number = fields.number ?? 'T/XXX XXXX—XXXX';
  const title = tree.title ?? (meta.lang === 'zh' ? fields.titleZh : fields.titleEn) ?? '';

  const document = new Document({
    title: xmlSafeText(title),
    subject: xmlSafeText(meta.revision),
    description: xmlSafeText(`${meta.proposal} ${meta.revision}`),
    creator: 'Magnolia',
    styles: gbtStyles(),
    features: { updateFields: true },
    sections: [
      { properties: { page }, children: coverPage(fields, tree.title, meta) },
      {
        properties: { page: { ...page, pageNumbers: { start: 1, formatType: NumberFormat.UPPER_ROMAN } } },
        ...running(number),
        children: [
          new Paragraph({ style: STYLE.frontTitle, children: [textRun(w.contents)] }),
          new TableOfContents(w.contents, { hyperlink: true, headingStyleRange: '1-2' }),
          ...front,
        ],
      },
      {
        properties: { page: { ...page, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } },
        ...running(number),
        children: [new Paragraph({ style: STYLE.bodyTitle, children: [textRun(title)] }), ...body],
      },
    ],
  });
  return Packer.toBuffer(document);
}
