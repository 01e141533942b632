// Text the Word file cannot carry as is: XML-special characters, control characters, lone surrogates and markers
// that name no clause, in the draft's Markdown and in the portal's data. The file stays well-formed XML in every
// part (openDocx validates each) and the text stays text.
import { describe, expect, it } from 'vitest';
import { revisionDocx } from '../../../content/publish/docx/revision-docx.ts';
import { makeDraft, makeMeta } from './docx-fixtures.ts';
import { openDocx } from './read-docx.ts';

describe('hostile text in a revision’s Word file', () => {
  it('keeps markup as text and drops what XML 1.0 cannot hold', async () => {
    const draft = makeDraft('en');
    const hostile = 'Widgets\u0001 move\u000B between\uD800 peers & <b>x</b> ]]> <![CDATA[y]]> "z" \uFFFF.';
    const markdown = draft.markdown
      .replace('Widgets move between peers.', hostile)
      .replace('\n# Widget Protocol\n', '\n# Widget\u0007 \\<Protocol> & Co\n')
      // YAML's double quotes turn \u0007 into the control character itself.
      .replace('zh: 数据交换协议', 'zh: "数据\\u0007交换 <协议> & Co"')
      .replace('A gentle primer.', '[]{#c-000000000000} A marker that names no clause.');
    expect(markdown).toContain('\u0001');
    const meta = { ...makeMeta('en'), revision: 'MP-2026-001-02\u0008<x>', issuer: 'A & B <Issuers>\u001F' };
    const docx = await openDocx(await revisionDocx({ markdown, manifest: draft.manifest, meta }));

    const texts = docx.paragraphs.map((p) => p.text);
    // Raw HTML (the <b> tags, the CDATA section) is dropped as on the draft page; its text stays.
    expect(texts).toContain('Widgets move between peers & x ]]>  "z" .');
    expect(texts.filter((t) => t === 'Widget <Protocol> & Co')).toHaveLength(2); // the cover and the body's title
    expect(texts).toContain('数据交换 <协议> & Co');
    expect(texts.join('\n')).toContain('MP-2026-001-02<x>');
    expect(texts.join('\n')).toContain('A & B <Issuers>');
    expect(texts).toContain('[]{#c-000000000000} A marker that names no clause.');
    expect(docx.paragraphs.flatMap((p) => p.bookmarks)).not.toContain('c_000000000000');
    // No control character, lone surrogate or non-character is left.
    expect(docx.document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(docx.document).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(docx.document).not.toContain('<b>');
    expect(docx.document).not.toContain('<![CDATA[');
  });
});
