import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../content/draft/generate-draft.ts';
import { makeInput } from './make-input.ts';

const SPEC = `# Keywords

## Forms

A client MUST send A. A client MUST NOT send B. Field C is REQUIRED. A server SHALL reply. A server SHALL NOT crash.
A proxy SHOULD cache. A proxy SHOULD  NOT rewrite. Compression is RECOMMENDED. Chunking is NOT RECOMMENDED.
A peer MAY batch. Padding is OPTIONAL.

- Each item MUST be unique.
- Items MAY repeat keys.

| Field | Presence |
| ----- | -------- |
| id    | REQUIRED |
| note  | OPTIONAL |

Inline \`MUST\` stays, and so does code:

\`\`\`
if (x) MUST(y) SHOULD NOT
\`\`\`

Lowercase must and should and may are left alone.
`;

describe('BCP 14 keywords', () => {
  // Source notes, not clause-ID anchors, so the text of each block is printed exactly as asserted.
  const result = generateDraft(makeInput([{ text: SPEC }], { provenance: 'body' }));
  const md = result.markdown;

  it('maps every form to the standard verbal forms', () => {
    expect(md).toContain(
      'A client shall send A. A client shall not send B. Field C is required. A server shall reply. A server shall not crash.',
    );
    expect(md).toContain(
      'A proxy should cache. A proxy should not rewrite. Compression is recommended. Chunking is not recommended.',
    );
    expect(md).toContain('A peer may batch. Padding is optional.');
    expect(result.manifest.requirements.map((r) => [r.keyword, r.form])).toEqual([
      ['MUST', 'shall'],
      ['MUST NOT', 'shall not'],
      ['REQUIRED', 'shall'],
      ['SHALL', 'shall'],
      ['SHALL NOT', 'shall not'],
      ['SHOULD', 'should'],
      ['SHOULD NOT', 'should not'],
      ['RECOMMENDED', 'should'],
      ['NOT RECOMMENDED', 'should not'],
      ['MAY', 'may'],
      ['OPTIONAL', 'may'],
      ['MUST', 'shall'],
      ['MAY', 'may'],
      ['REQUIRED', 'shall'],
      ['OPTIONAL', 'may'],
    ]);
  });

  it('numbers requirements per clause and quotes their sentence', () => {
    const [first, second] = result.manifest.requirements;
    expect(first).toMatchObject({ id: 'R-4-1', text: 'A client shall send A.' });
    expect(second).toMatchObject({ id: 'R-4-2', text: 'A client shall not send B.' });
    expect(result.manifest.requirements.at(-1)!.id).toBe('R-4-15');
    const ids = new Set(result.manifest.clauses.map((c) => c.id));
    for (const r of result.manifest.requirements) expect(ids.has(r.clauseId)).toBe(true);
  });

  it('maps keywords inside lists and tables', () => {
    expect(md).toContain('- Each item shall be unique.');
    expect(md).toContain('- Items may repeat keys.');
    expect(md).toMatch(/\| id +\| required +\|/);
    expect(md).toMatch(/\| note +\| optional +\|/);
  });

  it('leaves code and inline code alone', () => {
    expect(md).toContain('Inline `MUST` stays');
    expect(md).toContain('if (x) MUST(y) SHOULD NOT');
  });

  it('reports lowercase must/should/may as ambiguous', () => {
    const ambiguous = result.lint.filter((l) => l.rule === 'ambiguous-keyword');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]!.message).toContain('"must", "should", "may"');
    expect(ambiguous[0]!.line).toBe(SPEC.split('\n').indexOf('Lowercase must and should and may are left alone.') + 1);
    expect(md).toContain('Lowercase must and should and may are left alone.');
  });

  it('uses 应/不应/宜/不宜/可 in Chinese text, whatever the draft language', () => {
    const zh = generateDraft(
      makeInput(
        [
          {
            text: '# 协议\n\n## 要求\n\n客户端 MUST 重试。服务器 MUST NOT 崩溃。代理 SHOULD 缓存，但 SHOULD NOT 改写。对端 MAY 批量发送。\n',
          },
        ],
        { lang: 'en' },
      ),
    );
    expect(zh.markdown).toContain('客户端应重试。服务器不应崩溃。代理宜缓存，但不宜改写。对端可批量发送。');
    // One requirement per sentence (issue 11, item 7): "代理宜缓存，但不宜改写。" is one, with its first form.
    expect(zh.manifest.requirements.map((r) => r.form)).toEqual(['shall', 'shall not', 'should', 'may']);
    expect(zh.manifest.requirements[0]!.text).toBe('客户端应重试。');
  });

  it("replaces the spec's own conventions paragraph with the standard's wording", () => {
    const text =
      '# P\n\n## Conventions\n\nThe key words "MUST", "SHOULD" and "MAY" in this document are to be interpreted as described in BCP 14 [RFC 2119](https://www.rfc-editor.org/rfc/rfc2119).\n\n## Rules\n\nA MUST be b.\n';
    const en = generateDraft(makeInput([{ text }]));
    expect(en.markdown).not.toContain('are to be interpreted');
    expect(en.markdown).toContain('In this document, "shall" indicates a requirement');
    expect(en.manifest.requirements).toHaveLength(1);
    const zh = generateDraft(makeInput([{ text }], { lang: 'zh' }));
    expect(zh.markdown).toContain('本文件中，"应"表示要求');
  });
});
