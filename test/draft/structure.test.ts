import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../content/draft/generate-draft.ts';
import { makeInput } from './make-input.ts';

const HOSTILE = `---
title: Hostile Spec
license: Apache-2.0
---
# Hostile Spec

## Rendering

<script>alert("x")</script>

<div onclick="steal()">Click <b>here</b></div>

Inline <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">link</a> MUST stay text.

| a | b |
| - | - |
| <script>1</script> | [ok](https://example.org) |

- item with <iframe src="//evil"></iframe>

![diagram](img/flow.png "Flow")

\`\`\`html
<script>kept as code</script>
\`\`\`
`;

const htmlNodes = (markdown: string): string[] => {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(markdown) as Root;
  const found: string[] = [];
  visit(tree, 'html', (node) => {
    found.push(node.value);
  });
  return found;
};

describe('draft structure and safety', () => {
  it('turns raw HTML into inert text: the draft parses with no HTML node at all', () => {
    const result = generateDraft(makeInput([{ text: HOSTILE }]));
    expect(htmlNodes(result.markdown)).toEqual([]);
    expect(result.markdown).not.toMatch(/(^|[^\\])<script>alert/m);
    expect(result.markdown).not.toMatch(/(^|[^\\])<img /m);
    expect(result.markdown).toContain('\\<script>alert("x")\\</script>');
    expect(result.markdown).toContain('```html\n<script>kept as code</script>\n```');
    expect(result.markdown).toContain(
      `![diagram](https://github.com/acme/widgets/raw/${'1'.repeat(40)}/img/flow.png "Flow")`,
    );
  });

  it('stays inert even when a hostile path, title or author name reaches generated text', () => {
    const input = makeInput([{ text: '# T\n\n## A\n\nText.\n', path: 'docs/<script>x</script>.md' }], {
      titleEn: '<img src=x onerror=alert(1)>',
      commits: [{ sha: 'a'.repeat(40), author: '<script>bad()</script>', date: '2024-01-01T00:00:00+00:00', time: 1 }],
    });
    const result = generateDraft(input);
    expect(htmlNodes(result.markdown)).toEqual([]);
  });

  it("reads the spec's front matter (title, license) and keeps it out of the body", () => {
    const result = generateDraft(makeInput([{ text: HOSTILE }]));
    const front = parseYaml(result.markdown.split('---\n')[1]!) as Record<string, any>;
    expect(front.title.en).toBe('Hostile Spec');
    expect(front.source.license).toBe('Apache-2.0');
    expect(front.stage).toMatchObject({ code: 'WD', zh: '工作组讨论稿' });
    expect(front.standard).toMatchObject({ type: 'association', number: 'T/XXX XXXX—XXXX' });
    expect(front.source.commit).toBe('1'.repeat(40));
    expect(front.generator.name).toBe('magnolia-draft');
    expect(result.markdown.match(/license: Apache-2.0/g)).toHaveLength(1);
  });

  it('writes English lead-ins and parts in order', () => {
    const md = generateDraft(
      makeInput([{ text: '# T\n\n## Overview\n\nAbout.\n\n## Scope\n\nThis covers T.\n\n## Wire\n\nA MUST b.\n' }], {
        lang: 'en',
        type: 'national',
      }),
    ).markdown;
    const order = [
      '## Foreword',
      'drafted in accordance with the rules given in GB/T 1.1-2020',
      'Attention is drawn to the possibility',
      '## Introduction',
      'About.',
      '## 1 Scope',
      'This covers T.',
      '## 2 Normative references',
      'There are no normative references in this document.',
      '## 3 Terms and definitions',
      'No terms and definitions are listed in this document.',
      '## 4 Wire',
      '## Annex A (normative) Conformance checklist',
      '## Annex B (informative) Source traceability',
    ];
    const positions = order.map((s) => md.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain('GB/T XXXXX—XXXX');
  });

  it('writes Chinese lead-ins, keeps Chinese spec text untranslated, and handles non-ASCII paths', () => {
    const text =
      '# 数据交换协议\n\n## 概述\n\n本协议用于数据交换。\n\n## 术语\n\n- **数据帧**：传输的基本单元。\n\n## 传输\n\n发送方 MUST 签名，参见 [RFC 8259](https://www.rfc-editor.org/rfc/rfc8259)。\n\n## 附录 A 示例\n\n示例数据。\n';
    const result = generateDraft(
      makeInput([{ text, path: '规范/协议.md' }], { lang: 'zh', titleZh: '数据交换协议', provenance: 'body' }),
    );
    const md = result.markdown;
    for (const s of [
      '## 前言',
      '本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。',
      '请注意本文件的某些内容可能涉及专利',
      '## 引言',
      '本协议用于数据交换。',
      '## 1 范围',
      '本文件规定了数据交换协议',
      '## 2 规范性引用文件',
      '下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款',
      '[RFC 8259](https://www.rfc-editor.org/rfc/rfc8259)',
      '## 3 术语和定义',
      '下列术语和定义适用于本文件。',
      '### 3.1 数据帧',
      '传输的基本单元。',
      '## 4 传输',
      '发送方应签名',
      '## 附录 A（规范性）符合性检查表',
      '## 附录 B（资料性）示例',
      '## 附录 C（资料性）来源追溯',
      '来源：',
    ]) {
      expect(md, s).toContain(s);
    }
    const clause = result.manifest.clauses.find((c) => c.sourceText.includes('发送方'))!;
    expect(clause.origin.permalink).toBe(
      `https://github.com/acme/widgets/blob/${'1'.repeat(40)}/%E8%A7%84%E8%8C%83/%E5%8D%8F%E8%AE%AE.md#L13-L13`,
    );
    expect(result.manifest.requirements[0]).toMatchObject({ id: 'R-4-1', keyword: 'MUST', form: 'shall' });
    const zhNoTerms = generateDraft(makeInput([{ text: '# T\n\n## A\n\nx\n' }], { lang: 'zh' })).markdown;
    expect(zhNoTerms).toContain('本文件没有规范性引用文件。');
    expect(zhNoTerms).toContain('本文件没有需要界定的术语和定义。');
  });

  it('keeps tables, lists, code and links, and puts informative links in the bibliography', () => {
    const text =
      '# T\n\n## A\n\nSee [the blog](https://blog.example.org/post) for history.\n\n1. one\n2. two\n\n```js\nconst a = 1;\n```\n\n| x | y |\n| - | - |\n| 1 | 2 |\n';
    const md = generateDraft(makeInput([{ text }], { provenance: 'body' })).markdown;
    expect(md).toContain('1. one\n2. two');
    expect(md).toContain('```js\nconst a = 1;\n```');
    expect(md).toContain('| x | y |');
    expect(md).toMatch(/## Bibliography\n\n- \[the blog\]\(https:\/\/blog\.example\.org\/post\)/);
  });

  it('neutralises script-capable link schemes and reports them', () => {
    const result = generateDraft(
      makeInput([{ text: '# T\n\n## A\n\nClick [me](javascript:alert(1)) or ![x](data:image/svg+xml,abc).\n' }]),
    );
    expect(result.markdown).not.toContain('javascript:');
    expect(result.markdown).not.toContain('data:image');
    expect(result.lint.filter((l) => l.rule === 'unresolved-link').map((l) => l.message)).toEqual([
      expect.stringContaining('"javascript:alert(1)"'),
      expect.stringContaining('"data:image/svg+xml,abc"'),
    ]);
  });

  it("builds clause 2 from the spec's normative references and from documents cited with requirements", () => {
    const text =
      '# T\n\n## Scope\n\nThis covers frames.\n\n## Normative References\n\n- [RFC 8259](https://www.rfc-editor.org/rfc/rfc8259) JSON\n\n## A\n\nMessages MUST be JSON per [RFC 8259](https://www.rfc-editor.org/rfc/rfc8259) and MUST use https://www.rfc-editor.org/rfc/rfc3629 encoding.\n\nBackground: https://blog.example.org/history.\n';
    const result = generateDraft(makeInput([{ text }], { provenance: 'body' }));
    const clause2 = result.markdown.slice(
      result.markdown.indexOf('## 2 Normative references'),
      result.markdown.indexOf('## 3 '),
    );
    expect(clause2.match(/rfc8259/g)).toHaveLength(1);
    expect(clause2).toContain('<https://www.rfc-editor.org/rfc/rfc3629>');
    expect(result.markdown).toMatch(/## Bibliography\n\n- <https:\/\/blog\.example\.org\/history>/);
    // Scope comes from the spec, with its source note.
    expect(result.markdown).toMatch(/## 1 Scope\n\nThis covers frames\.\n\n\*Source: \[spec-1\.md\]/);
  });

  it('uses roles: introduction, terms and annex files', () => {
    const result = generateDraft(
      makeInput(
        [
          { text: '# Intro\n\nWhy this exists.\n', role: 'introduction' },
          { text: '# Core\n\n## Rules\n\nA MUST b.\n\n## More\n\nc.\n', role: 'clauses' },
          { text: '# Glossary\n\n## Frame\n\nA unit.\n\n## Stream\n\nFrames in order.\n', role: 'terms' },
          { text: '# Schemas\n\nThe schema MUST validate.\n', role: 'normative-annex' },
          { text: '# Examples\n\nAn example.\n', role: 'informative-annex' },
        ],
        { provenance: 'body' },
      ),
    );
    const md = result.markdown;
    expect(md).toMatch(/## Introduction\n\nWhy this exists\./);
    expect(md).toContain('### 3.1 Frame');
    expect(md).toContain('### 3.2 Stream');
    expect(md).toContain('## 4 Rules');
    expect(md).toContain('## Annex A (normative) Schemas');
    expect(md).toContain('## Annex B (normative) Conformance checklist');
    expect(md).toContain('## Annex C (informative) Examples');
    expect(md).toContain('## Annex D (informative) Source traceability');
    expect(result.manifest.requirements.map((r) => r.id)).toEqual(['R-4-1', 'R-A-1']);
  });
});
