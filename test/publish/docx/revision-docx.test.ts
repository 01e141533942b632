// The Word file of a draft revision, from real generator output in English and in Chinese: GB/T page and fonts,
// cover, contents field, headings as Heading 1–5 with the draft's texts, a bookmark per clause ID, running head and
// page numbers, terms, notes, examples, tables, code, lists, annexes and the conformance register.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DraftLang, DraftResult } from '../../../content/draft/draft-types.ts';
import { bookmarkNameOf, clauseIdOfBookmark } from '../../../content/publish/docx/bookmark-name.ts';
import { revisionDocx } from '../../../content/publish/docx/revision-docx.ts';
import { makeDraft, makeMeta } from './docx-fixtures.ts';
import { openDocx, styleOf, type DocxParagraph, type OpenedDocx } from './read-docx.ts';

const WORDS = {
  zh: {
    kind: '团体标准',
    stage: '（征求意见稿）',
    issued: 'XXXX-XX-XX发布',
    implemented: 'XXXX-XX-XX实施',
    contents: '目次',
    note: '注：',
    example: '示例：',
    caption: '表1 帧字段',
    normative: '（规范性）',
    informative: '（资料性）',
    annexA: '附录 A',
    terms: ['3.1', '数据帧', '3.2', '会话'],
    code: '帧头 := 版本 长度',
    item: '第一项',
  },
  en: {
    kind: 'association standard',
    stage: '(Draft for comment)',
    issued: 'Issued on XXXX-XX-XX',
    implemented: 'Implemented on XXXX-XX-XX',
    contents: 'Contents',
    note: 'NOTE',
    example: 'EXAMPLE',
    caption: 'Table 1 Frame fields',
    normative: '(normative)',
    informative: '(informative)',
    annexA: 'Annex A',
    terms: ['3.1', 'Widget', '3.2', 'Peer'],
    code: '{ "id": "a&b<c>",',
    item: 'first item',
  },
} as const;

/** The draft's headings (## to ######) outside code, without their clause markers; terms left out. */
function draftHeadings(result: DraftResult): { level: number; text: string; id: string | null }[] {
  const terms = new Set(result.manifest.clauses.filter((c) => c.kind === 'term').map((c) => c.id));
  let fenced = false;
  const out: { level: number; text: string; id: string | null }[] = [];
  for (const line of result.markdown.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const found = fenced ? null : /^(#{2,6}) (.*?)(?: \{#(c-[0-9a-f]{12}(?:-\d+)?)\})?$/.exec(line);
    if (!found || (found[3] && terms.has(found[3]))) continue;
    out.push({ level: found[1]!.length - 1, text: found[2]!, id: found[3] ?? null });
  }
  return out;
}

const squeeze = (text: string): string => text.replace(/\s+/g, '');

describe.each(['zh', 'en'] as DraftLang[])('the Word file of a %s draft revision', (lang) => {
  const words = WORDS[lang];
  let result: DraftResult;
  let docx: OpenedDocx;
  let paragraphs: DocxParagraph[];
  const styled = (style: string) => paragraphs.filter((p) => p.style === style);

  beforeAll(async () => {
    result = makeDraft(lang);
    const buffer = await revisionDocx({ markdown: result.markdown, manifest: result.manifest, meta: makeMeta(lang) });
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    docx = await openDocx(buffer);
    paragraphs = docx.paragraphs;
  });

  it('is A4 portrait with the GB/T margins in each of its three sections (cover, preliminaries, body)', () => {
    const sizes = [...docx.document.matchAll(/<w:pgSz [^>]*>/g)].map((m) => m[0]);
    expect(sizes).toHaveLength(3);
    for (const size of sizes) expect(size).toBe('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const margins = [...docx.document.matchAll(/<w:pgMar [^>]*>/g)].map((m) => m[0]);
    for (const margin of margins) expect(margin).toMatch(/w:top="1417" w:right="1133" w:bottom="1133" w:left="1417"/);
    // Preliminaries in roman numerals, the body from page 1.
    expect(docx.document).toMatch(
      /<w:pgNumType w:start="1" w:fmt="upperRoman"\/>.*<w:pgNumType w:start="1" w:fmt="decimal"\/>/s,
    );
  });

  it('sets 宋体 for the text and 黑体 for headings through the eastAsia font attributes of the styles', () => {
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(docx.styles)![0];
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(defaults).toContain('w:eastAsia="宋体"');
    expect(defaults).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    expect(styleOf(docx.styles, 'Normal')).toMatch(/<w:rFonts [^>]*w:eastAsia="宋体"/);
    for (const level of [1, 2, 3, 4, 5]) {
      const heading = styleOf(docx.styles, `Heading${level}`);
      expect(heading).toMatch(/<w:rFonts w:ascii="Arial" [^>]*w:eastAsia="黑体"/);
      expect(heading).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
    }
    for (const id of ['GbtTerm', 'GbtTermNumber', 'GbtTableHead', 'GbtCoverTitle'])
      expect(styleOf(docx.styles, id)).toMatch(/w:eastAsia="黑体"/);
    for (const id of ['GbtNote', 'GbtExample', 'GbtTableText'])
      expect(styleOf(docx.styles, id)).toMatch(/w:eastAsia="宋体"/);
    expect(styleOf(docx.styles, 'GbtCode')).toMatch(/w:ascii="Courier New"/);
  });

  it('opens with the cover: codes, kind, number, titles, stage, revision, dates and issuing body', () => {
    const cover = paragraphs
      .slice(
        0,
        paragraphs.findIndex((p) => p.style === 'GbtFrontTitle'),
      )
      .map((p) => p.text);
    const title = lang === 'zh' ? '数据交换协议' : 'Widget Protocol';
    const other = lang === 'zh' ? 'Data exchange protocol' : '数据交换协议';
    expect(cover.slice(0, 7)).toEqual([
      'ICS 35.240.60',
      'CCS L67',
      words.kind,
      'T/XXX XXXX—XXXX',
      title,
      other,
      words.stage,
    ]);
    expect(cover.join('\n')).toContain('MP-2026-001-02');
    expect(cover.join('\n')).toContain('MP-2026-001');
    expect(styled('GbtCoverTitle').map((p) => p.text)).toEqual([title]);
    expect(styled('GbtCoverDates').map((p) => p.text)).toEqual([`${words.issued}${words.implemented}`]);
    expect(styled('GbtCoverDates')[0]!.xml).toMatch(/<w:t[^>]*>[^<]*<\/w:t><w:tab\/>/);
    expect(styled('GbtCoverIssuer')).toHaveLength(1);
  });

  it('has a contents (目次) TOC field over Heading 1–2 after the cover, filled with the chapters and no terms', () => {
    expect(styled('GbtFrontTitle').map((p) => p.text)).toEqual([words.contents]);
    const toc = /<w:sdt>.*?<\/w:sdt>/s.exec(docx.document)![0];
    expect(toc).toContain('<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;</w:instrText>');
    expect(docx.document.indexOf('<w:sdt>')).toBeGreaterThan(docx.document.indexOf('GbtCoverIssuer'));
    const entries = paragraphs.filter((p) => p.style === 'TOC1' || p.style === 'TOC2').map((p) => p.text);
    expect(entries).toContain(lang === 'zh' ? '1 范围' : '1 Scope');
    expect(entries).toContain(lang === 'zh' ? '4.1 连接' : '4.1 Frames');
    expect(entries.some((e) => e.startsWith('3.1'))).toBe(false);
  });

  it('writes every heading of the draft as Heading 1–5 with the draft’s text, in order', () => {
    const expected = draftHeadings(result);
    const actual = paragraphs
      .filter((p) => /^Heading[1-5]$/.test(p.style ?? ''))
      .map((p) => ({ level: Number(p.style!.slice(-1)), text: p.text }));
    expect(actual.map((h) => h.level)).toEqual(expected.map((h) => h.level));
    expect(actual.map((h) => squeeze(h.text))).toEqual(expected.map((h) => squeeze(h.text)));
    // Numbered clauses keep the draft's text exactly ("4.2 报文"); an annex's is set on three lines.
    actual.forEach((h, i) => {
      if (/^\d/.test(expected[i]!.text)) expect(h.text).toBe(expected[i]!.text);
    });
    expect(expected.map((h) => h.text)).toContain(lang === 'zh' ? '1 范围' : '1 Scope');
    expect(expected.filter((h) => h.level === 2).length).toBeGreaterThan(3);
  });

  it('bookmarks every clause ID of the manifest once, each clause and annex on its own heading', () => {
    const names = paragraphs.flatMap((p) => p.bookmarks).filter((n) => !n.startsWith('_Toc'));
    const ids = result.manifest.clauses.map((c) => c.id);
    expect(names.map(clauseIdOfBookmark).sort()).toEqual([...ids].sort());
    expect(new Set(names).size).toBe(names.length);
    const headings = result.manifest.clauses.filter(
      (c) => c.kind === 'clause' || c.kind === 'annex' || c.kind === 'term',
    );
    expect(headings.length).toBeGreaterThan(8);
    for (const clause of headings) {
      const holder = paragraphs.find((p) => p.bookmarks.includes(bookmarkNameOf(clause.id)))!;
      if (clause.kind === 'term') expect([holder.style, holder.text]).toEqual(['GbtTermNumber', clause.number]);
      else {
        expect(holder.style).toMatch(/^Heading[1-5]$/);
        expect(squeeze(holder.text)).toContain(squeeze(clause.title));
      }
    }
    // The traceability annex links each clause ID to its bookmark.
    const first = result.manifest.clauses[0]!;
    expect(docx.document).toContain(`<w:hyperlink w:history="1" w:anchor="${bookmarkNameOf(first.id)}">`);
  });

  it('puts the standard’s number at the head of each page and the PAGE field at its foot, not on the cover', () => {
    expect(docx.headers.length).toBeGreaterThanOrEqual(1);
    for (const header of docx.headers) expect(header).toContain('T/XXX XXXX—XXXX');
    for (const footer of docx.footers) expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    const firstSection = /<w:sectPr>.*?<\/w:sectPr>/s.exec(docx.document)![0];
    expect(firstSection).not.toContain('headerReference');
    expect(docx.document.match(/<w:headerReference /g)).toHaveLength(2);
  });

  it('lays out terms, notes, examples, the captioned table, code and lists in their GB/T styles', () => {
    const termLines = paragraphs.filter((p) => p.style === 'GbtTermNumber' || p.style === 'GbtTerm').map((p) => p.text);
    expect(termLines).toEqual(words.terms);
    expect(styled('GbtNote').map((p) => p.text)).toEqual([expect.stringMatching(new RegExp(`^${words.note}`))]);
    expect(styled('GbtExample').map((p) => p.text)).toEqual([expect.stringMatching(new RegExp(`^${words.example}`))]);
    expect(styled('GbtTableCaption').map((p) => p.text)).toEqual([words.caption]);
    const caption = docx.document.indexOf(words.caption.split(' ')[0]!, docx.document.indexOf('GbtTableCaption'));
    expect(docx.document.indexOf('<w:tbl>', caption)).toBeGreaterThan(caption);
    // The draft's table, the conformance checklist and the traceability table, each with its head row repeated.
    const tables = docx.document.match(/<w:tbl>.*?<\/w:tbl>/gs)!;
    expect(tables).toHaveLength(3);
    for (const table of tables)
      expect(table).toMatch(/^<w:tbl><w:tblPr>.*?<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/>/s);
    expect(styled('GbtCode')[0]!.text).toBe(words.code);
    const items = styled('GbtListItem');
    const item = items.find((p) => p.text === `——${words.item}`)!;
    expect(item.xml).toMatch(/<w:t[^>]*>——<\/w:t><w:tab\/>/);
    if (lang === 'en') {
      // One level down, an ordered item keeps the source's number, two characters further in.
      const nested = items.find((p) => p.text === '1)nested step')!;
      const indent = (x: DocxParagraph) => Number(/<w:ind w:left="(\d+)"/.exec(x.xml)![1]);
      expect(indent(nested)).toBeGreaterThan(indent(item));
    }
  });

  it('marks the annexes 附录/Annex A (规范性/normative) … and carries the requirements register', () => {
    const annexes = styled('Heading1').filter((p) => p.text.startsWith(words.annexA.slice(0, -1)));
    expect(annexes.map((p) => p.text.replace(/^(附录 |Annex )([A-Z]).*$/s, '$2'))).toEqual(['A', 'B', 'C', 'D']);
    expect(annexes[0]!.text.startsWith(`${words.annexA}${words.normative}`)).toBe(true);
    expect(annexes[2]!.text).toContain(words.informative);
    for (const annex of annexes) expect(annex.xml).toContain('<w:pageBreakBefore/>');
    expect(annexes[0]!.xml).toMatch(
      /<w:t[^>]*>附录 A<\/w:t><\/w:r><w:r><w:br\/>|<w:t[^>]*>Annex A<\/w:t><\/w:r><w:r><w:br\/>/,
    );
    // Annex B, the conformance checklist: every requirement of the manifest.
    const register = docx.document.match(/<w:tbl>.*?<\/w:tbl>/gs)![1]!;
    expect(result.manifest.requirements.length).toBe(3);
    for (const r of result.manifest.requirements) expect(register).toContain(`>${r.id}<`);
  });

  it('keeps hostile spec text as text', () => {
    const body = paragraphs.map((p) => p.text).join('\n');
    expect(body).toContain('<script>alert(1)</script> &');
    expect(docx.document).not.toContain('<script>');
  });
});

describe.each(['zh', 'en'] as DraftLang[])('the tables of a %s Word file whose source captions none', (lang) => {
  it('are numbered as GB/T numbers them: through the body, then per annex, each number above its table', async () => {
    const result = makeDraft(lang, true);
    expect(result.markdown).not.toMatch(/^(?:表1|Table 1) /m);
    const docx = await openDocx(
      await revisionDocx({ markdown: result.markdown, manifest: result.manifest, meta: makeMeta(lang) }),
    );
    const captions = docx.paragraphs.filter((p) => p.style === 'GbtTableCaption').map((p) => p.text);
    const table = lang === 'zh' ? '表' : 'Table ';
    // The body's table, the conformance checklist (annex B) and the traceability annex (annex D).
    expect(captions).toEqual([`${table}1`, `${table}B.1`, `${table}D.1`]);
    expect(docx.document.match(/<w:tbl>/g)).toHaveLength(captions.length);
    // Each number comes right before its table: caption, table, caption, table …
    let from = 0;
    for (const caption of captions) {
      const at = docx.document.indexOf(`>${caption}</w:t>`, from);
      const table = docx.document.indexOf('<w:tbl>', at);
      expect(at).toBeGreaterThanOrEqual(from);
      expect(table).toBeGreaterThan(at);
      expect(docx.document.slice(at, table)).not.toMatch(/<w:t[ >][^<]*[^<\s][^<]*<\/w:t>[\s\S]*<w:t[ >]/);
      from = table;
    }
  });
});
