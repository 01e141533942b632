// The comment resolution table (意见汇总处理表) as a Word file: A4 landscape, the columns of the other formats,
// the head row repeated on each page, one row per comment with its cells as the CSV and Markdown formats write them.
import { describe, expect, it } from 'vitest';
import { resolutionTableDocx } from '../../../sync/review/comments/resolution-table-docx.ts';
import type { CommentJson } from '../../../sync/review/comments/comment-json.ts';
import { formatResolution } from '../../../sync/review/comments/format-resolution.ts';
import { resolutionRows } from '../../../sync/review/comments/resolution-table.ts';
import { openDocx, paragraphsOf } from './read-docx.ts';

const comment = (seq: number, over: Partial<CommentJson>): CommentJson => ({
  id: seq,
  seq,
  rev: '-01',
  clauseId: 'c-234ede17f241',
  kind: 'technical',
  markdown: `Comment ${seq}`,
  html: '',
  proposedChange: '',
  author: 'alice',
  organisation: 'Acme',
  at: '2026-02-01T00:00:00Z',
  here: { clauseId: 'c-234ede17f241', number: '4.1', title: 'Frames' },
  replies: [],
  disposition: null,
  history: [],
  ...over,
});

const decided = { reason: 'Agreed.', carriedIn: '-02', by: 'editor', at: '2026-02-10T00:00:00Z' };
const COMMENTS: CommentJson[] = [
  comment(1, { disposition: { disposition: 'accepted', ...decided }, proposedChange: 'Say "shall".' }),
  comment(2, { markdown: 'First line\nsecond line <script>x</script> & =SUM(A1)', organisation: '' }),
  comment(3, { here: { removedIn: '-02' }, kind: 'editorial', disposition: { disposition: 'rejected', ...decided } }),
];

const rowsOf = (xml: string) =>
  xml.match(/<w:tr>.*?<\/w:tr>/gs)!.map((row) =>
    row.match(/<w:tc>.*?<\/w:tc>/gs)!.map((c) =>
      paragraphsOf(c)
        .map((p) => p.text)
        .join('\n'),
    ),
  );

describe.each(['zh', 'en'] as const)('the %s resolution table as Word', (lang) => {
  it('is landscape A4 with a row per comment under a head row repeated on each page', async () => {
    const table = resolutionRows(
      { number: 'MP-2026-001', titleZh: '数据交换协议', titleEn: 'Data exchange', rev: '-02' },
      COMMENTS,
    );
    const docx = await openDocx(await resolutionTableDocx({ table, lang }));
    expect(docx.document).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(docx.footers.join('')).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');

    const tables = docx.document.match(/<w:tbl>.*?<\/w:tbl>/gs)!;
    expect(tables).toHaveLength(1);
    const rows = rowsOf(tables[0]!);
    expect(rows).toHaveLength(COMMENTS.length + 1);
    expect(tables[0]!.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(tables[0]!).toMatch(/^<w:tbl>.*?<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/>/s);

    // The same head and cells as the CSV download (which quotes and guards cells; the Word file holds them raw).
    const csv = formatResolution(table, 'csv', lang).body.replace(/^\uFEFF/, '');
    expect(rows[0]!.join(',')).toBe(csv.split('\r\n')[0]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '3']);
    const md = formatResolution(table, 'md', lang).body;
    expect(docx.paragraphs[0]!.text).toBe(md.split('\n')[0]!.slice(2));
    expect(rows[2]![4]).toBe(
      `[${lang === 'zh' ? '技术性' : 'technical'}] First line\nsecond line <script>x</script> & =SUM(A1)`,
    );
    expect(rows[2]![3]).toBe('alice');
    expect(rows[1]![6]).toBe(lang === 'zh' ? '采纳' : 'Accepted');
    expect(rows[2]![6]).toBe(lang === 'zh' ? '未处理' : 'Not yet decided');
    expect(rows[3]![1]).toBe(lang === 'zh' ? '（已在 -02 删除）' : '(removed in -02)');
    expect(docx.paragraphs[1]!.text).toBe(
      lang === 'zh' ? '共 3 条意见，其中 1 条尚未处理。' : '3 comments; 1 not yet decided.',
    );
  });
});
