import { describe, expect, it } from 'vitest';
import type { ManifestClause } from '../../content/draft/draft-types.ts';
import { renderMarkdown } from '../../content/render/render-markdown.ts';
import { msg } from '../../kernel/i18n/message.ts';
import { draftOutline } from '../../sync/proposals/explanatory-note/draft-outline.ts';
import { generateNote } from '../../sync/proposals/explanatory-note/generate-note.ts';
import type { NoteInput } from '../../sync/proposals/explanatory-note/note-input.ts';

const SHA = 'a'.repeat(40);
const clause = (number: string, kind: ManifestClause['kind'], title: string, path = 'spec/protocol.md') =>
  ({
    id: `c-${number}-${kind}`,
    number,
    kind,
    title,
    text: title,
    sourceText: title,
    headingPath: [title],
    origin: {
      path,
      startLine: 1,
      endLine: 2,
      commit: SHA,
      permalink: '',
      introducedIn: null,
      lastChangedIn: null,
      commits: [],
    },
  }) satisfies ManifestClause;

const DRAFT = [
  '# Codec Protocol',
  '## 前言',
  '## 引言',
  '## 1 范围',
  '## 2 规范性引用文件',
  '## 3 术语和定义',
  '### 3.1 Frame {#c-1}',
  '## 4 Frames {#c-2}',
  '### 4.1 总则',
  '### 4.2 Hello frame {#c-3}',
  '```',
  '## 9 Not a heading',
  '```',
  '## 5 Errors {#c-4}',
  '## 附录 A（规范性）符合性检查表',
  '## 附录 B（资料性）来源追溯',
].join('\n\n');

const input = (over: Partial<NoteInput> = {}): NoteInput => ({
  number: 'MP-2026-001',
  label: '-00',
  title: { zh: '编解码协议', en: 'Codec protocol' },
  draftName: '工作组讨论稿',
  project: 'acme/codec',
  scope: 'The frames of the codec protocol.',
  rationale: 'Implemented widely.',
  proposingUnit: 'Acme 开源社区',
  draftingUnits: ['Acme', 'Beta 实验室'],
  drafters: ['梅', '睿'],
  implementations: [{ name: 'codec-rs', url: 'https://example.org/codec-rs' }, { name: 'codec-go' }],
  iprStatement: null,
  events: [
    {
      at: '2026-04-03T09:00:00Z',
      actor: 'linqing',
      kind: 'action',
      name: '受理',
      from: '已提交',
      to: '立项评审',
      comment: '# heading <script>x</script>',
    },
    {
      at: '2026-04-01T09:00:00Z',
      actor: 'mei',
      kind: 'action',
      name: '提出提案',
      from: null,
      to: '提案草稿',
      comment: '',
    },
    {
      at: '2026-04-02T09:00:00Z',
      actor: 'mei',
      kind: 'revision',
      name: '生成工作组讨论稿 MP-2026-001-00',
      from: null,
      to: null,
      comment: '',
    },
  ],
  draftMarkdown: DRAFT,
  manifest: {
    source: {
      name: 'acme/codec',
      repository: 'https://github.com/acme/codec',
      commit: SHA,
      files: [
        { path: 'spec/protocol.md', blob: 'b'.repeat(40), role: 'clauses' },
        { path: 'spec/terms.md', blob: 'c'.repeat(40), role: 'terms' },
      ],
    },
    clauses: [
      clause('0', 'paragraph', '引言'),
      clause('1', 'paragraph', '范围'),
      clause('3.1', 'term', 'Frame', 'spec/terms.md'),
      clause('4', 'clause', 'Frames'),
      clause('4.2', 'clause', 'Hello frame'),
      clause('5', 'clause', 'Errors'),
    ],
    requirements: [
      { id: 'R-4.1-1', clauseId: 'c', keyword: 'MUST', form: 'shall', text: '' },
      { id: 'R-4.2-1', clauseId: 'c', keyword: 'MUST NOT', form: 'shall not', text: '' },
      { id: 'R-4.2-2', clauseId: 'c', keyword: 'SHOULD', form: 'should', text: '' },
      { id: 'R-5-1', clauseId: 'c', keyword: 'MUST', form: 'shall', text: '' },
    ],
  },
  lint: [
    {
      rule: 'conventions-replaced',
      code: 'draft.lint.conventions-replaced',
      params: { title: 'Conventions' },
      path: 'spec/protocol.md',
      line: 7,
    },
    { rule: 'scope-drafted', code: 'draft.lint.scope-drafted', params: {}, path: 'spec/protocol.md', line: 3 },
  ],
  maturity: {
    level: '成熟',
    nextLevel: '毕业',
    evaluatedAt: '2026-04-02T00:00:00Z',
    commit: 'd'.repeat(40),
    signals: [
      {
        title: '至少两个发布版本',
        status: 'pass',
        value: 3,
        threshold: '>= 2',
        commit: 'e'.repeat(40),
        required: true,
        evidence: [
          { url: 'https://github.com/acme/codec/releases/tag/v1.1.0', label: msg('text', { text: 'v1.1.0' }) },
        ],
      },
      { title: '路线图', status: 'fail', value: false, threshold: null, commit: null, required: true, evidence: [] },
    ],
    gaps: [{ title: '路线图', reason: null }],
  },
  generatedAt: '2026-04-05T10:00:00Z',
  ...over,
});

describe('the explanatory note skeleton', () => {
  it('has the GB/T practice headings in order, in Chinese', () => {
    const note = generateNote(input());
    const headings = [
      '# 《编解码协议》（工作组讨论稿）编制说明',
      '## 一、工作简况',
      '### （一）任务来源',
      '### （二）主要工作过程',
      '### （三）主要起草单位和起草人',
      '## 二、标准编制原则',
      '## 三、主要内容',
      '## 四、主要试验（验证）情况',
      '## 五、知识产权情况说明',
      '## 六、与源规范的对比',
      '## 七、其他应予说明的事项',
    ];
    const at = headings.map((h) => note.split('\n').indexOf(h));
    expect(
      at.every((i) => i >= 0),
      note,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(note).toContain(
      '本文件由Acme 开源社区提出，依据开源项目 acme/codec 的规范转化为团体标准，提案编号为 MP-2026-001。',
    );
    expect(note).toContain('主要起草人：梅、睿');
  });

  it('lists the work so far by date, with people’s text escaped', () => {
    const note = generateNote(input());
    const steps = note.split('\n').filter((l) => /^- 2026-04-0\d，/.test(l));
    expect(steps).toEqual([
      '- 2026-04-01，mei：提出提案（提案草稿）。',
      '- 2026-04-02，mei：生成工作组讨论稿 MP-2026-001-00。',
      '- 2026-04-03，linqing：受理（已提交 → 立项评审）。说明：\\# heading \\<script\\>x\\</script\\>',
    ]);
    expect(renderMarkdown(note)).not.toContain('<script');
  });

  it('outlines clauses 1..n and the annexes from the draft, and counts requirements by form', () => {
    const note = generateNote(input());
    expect(note).toContain(
      '- 1 范围\n- 2 规范性引用文件\n- 3 术语和定义：包括 3.1 Frame。\n- 4 Frames：包括 4.1 总则、4.2 Hello frame。\n- 5 Errors\n- 附录 A（规范性）符合性检查表\n- 附录 B（资料性）来源追溯',
    );
    expect(note).not.toContain('9 Not a heading\n-');
    expect(note).toContain('本文件共有 4 条要求');
    expect(note).toContain('| 应 | 要求 | 2 |');
    expect(note).toContain('| 不应 | 要求 | 1 |');
    expect(note).toContain('| 宜 | 推荐 | 1 |');
    expect(note).toContain('| 可 | 允许 | 0 |');
    expect(note).toContain('第 3 章定义了 1 个术语：Frame。');
    expect(draftOutline(DRAFT).map((h) => h.number)).toEqual(['1', '2', '3', '3.1', '4', '4.1', '4.2', '5', 'A', 'B']);
  });

  it('cites the maturity level, the signals met with evidence and commits, the gaps and the implementations', () => {
    const note = generateNote(input());
    expect(note).toContain('截至 2026-04-02，项目的成熟度等级为“成熟”（评估依据提交 dddddddddddd）。');
    expect(note).toContain(
      '| 至少两个发布版本 | 3 (\\>= 2) | `eeeeeee` | [v1.1.0](https://github.com/acme/codec/releases/tag/v1.1.0) |',
    );
    expect(note).not.toMatch(/\| 路线图 \|/);
    expect(note).toContain('达到“毕业”等级尚缺：\n\n- 路线图');
    expect(note).toContain('- [codec-rs](https://example.org/codec-rs)\n- codec-go');
    const unevaluated = generateNote(input({ maturity: null, implementations: [] }));
    expect(unevaluated).toContain('项目尚未完成成熟度评估');
    expect(unevaluated).toContain('提案人尚未列出实现');
  });

  it('puts a placeholder for the editors when there is no IPR statement, and the statement when there is one', () => {
    expect(generateNote(input())).toMatch(
      /## 五、知识产权情况说明\n\n【待编写组补充】提案人尚未提交知识产权和专利声明。/,
    );
    const stated = generateNote(input({ iprStatement: '提案人未发现本规范涉及的专利。\n\n如有，将按政策声明。' }));
    expect(stated).toContain('## 五、知识产权情况说明\n\n提案人未发现本规范涉及的专利。\n\n如有，将按政策声明。\n');
    expect(stated).not.toContain('【待编写组补充】提案人尚未提交');
  });

  it('compares with the source: repository, commit, files with roles and chapters, repairs apart from open issues', () => {
    const note = generateNote(input());
    expect(note).toContain(`源仓库为 https://github.com/acme/codec，固定于提交 ${SHA}。`);
    expect(note).toContain('| `spec/protocol.md` | 技术条款 | 引言、1、4、5 |');
    expect(note).toContain('| `spec/terms.md` | 术语和定义 | 3 |');
    const [comparison, other] = note.split('## 七、其他应予说明的事项');
    expect(comparison).toContain('章节“Conventions”（规范自身的用语约定）已由 GB/T 1.1—2020 的助动词用法代替');
    expect(comparison).not.toContain('第 1 章“范围”由摘要起草');
    expect(other).toContain('草案检查报告中尚有 1 项待处理的问题');
    expect(other).toContain('第 1 章“范围”由摘要起草');
  });

  it('is written in English on request', () => {
    const note = generateNote(input({ draftName: 'Working draft' }), 'en');
    expect(note).toContain('# Explanatory note on "Codec protocol" (Working draft)');
    expect(note).toContain('## 5 Intellectual property\n\n[For the editors]');
    expect(note).toContain('| shall | requirement | 2 |');
    expect(note).toContain('Section "Conventions"');
    expect(note).toContain("The draft's lint report still lists 1 issue to resolve:");
    // The fixed wording is English; only the data (names, stages given in Chinese) stays as it came.
    for (const zh of ['工作简况', '编制说明', '待编写组', '助动词', '成熟度']) expect(note).not.toContain(zh);
  });
});
