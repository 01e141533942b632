// The clause-keyed diff between revisions, on revisions made the way the proposals make them: the real draft
// pipeline (`buildRevision`) over real git repositories, each revision carrying the clause IDs of the one before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionRequest } from '../support/revision-request.ts';
import { messagesFor } from '../../content/i18n/messages.ts';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { buildRevision } from '../../sync/proposals/build-revision.ts';
import { diffRevisions } from '../../sync/review/diffs/diff-revisions.ts';
import { diffWordParts } from '../../sync/review/diffs/diff-word-parts.ts';
import { renderRevisionDiffHtml, type RevisionDiffLabels } from '../../sync/review/diffs/render-revision-diff-html.ts';
import type { RevisionDiff } from '../../sync/review/diffs/revision-diff.ts';
import { ALICE, BOB, CAROL, createFixtureRepo, type FixtureRepo } from '../draft/fixture-repo.ts';

/** Commits each version of one spec file in turn and makes a revision of each, carrying IDs from the one before. */
async function revisionsOf(repo: FixtureRepo, file: string, versions: readonly string[]): Promise<DraftManifest[]> {
  const manifests: DraftManifest[] = [];
  let previous: { rev: number; manifestJson: string; label: string } | undefined;
  for (const [n, text] of versions.entries()) {
    await repo.write(file, text);
    await repo.commit([ALICE, BOB, CAROL][n % 3]!, `2024-0${n + 1}-01T10:00:00+08:00`, `version ${n + 1}`);
    const built = await buildRevision(revisionRequest(repo.dir, [file], { previous }));
    previous = { rev: n, manifestJson: built.manifestJson, label: `MP-2026-001-0${n}` };
    manifests.push(JSON.parse(built.manifestJson) as DraftManifest);
  }
  return manifests;
}

/** The ID a revision gives the block whose draft text is `text`. */
const idOf = (m: DraftManifest, text: string): string => {
  const found = m.clauses.filter((c) => c.text === text);
  if (found.length !== 1) throw new Error(`${found.length} blocks read "${text}"`);
  return found[0]!.id;
};

// The portal's own labels, as the diff page passes them.
const EN_LABELS: RevisionDiffLabels = messagesFor('en').diff.labels;
const ZH_LABELS: RevisionDiffLabels = messagesFor('zh-CN').diff.labels;

const EN_V1 = `# Frame Protocol

## Transport

A peer MUST open one connection.

Frames SHOULD be small.

## Frames

### Header

A header MAY carry a timestamp.

The header has a fixed size.

### Payload

A payload MUST be UTF-8.

Old payloads are obsolete.
`;

const EN_V2 = `# Frame Protocol

## Transport

A peer MUST open one connection.

Frames MUST be small.

## Frames

### Payload

A payload MUST be UTF-8.

### Header

A header MAY carry a timestamp.

The header has a fixed size of 16 bytes.

A header MUST NOT carry <script>alert(1)</script> names.
`;

const EN_V3 = `# Frame Protocol

## Transport

A peer MUST open one connection.

A header MAY carry a timestamp.

Frames MUST be small.

## Frames

### Payload

A payload MUST be UTF-8.

### Header

The header has a fixed size of 16 bytes.

A header MAY carry <script>alert(1)</script> names.

## Security

Peers SHOULD authenticate each other.
`;

const ZH_V1 = `# 数据交换协议

## 概述

本文件规定了数据交换协议的报文格式。

## 传输

### 连接

接收方应当（SHOULD）校验签名；校验失败时不得（MUST NOT）继续处理。

发送方可以（MAY）在报文头中写入发送时间，以便接收方排查时钟偏差。

发送方可以（MAY）压缩数据帧。

### 报文

报文体不应该（SHOULD NOT）超过 1 MB。

旧版报文格式已废弃。
`;

const ZH_V2 = `# 数据交换协议

## 概述

本文件规定了数据交换协议的报文格式和交互过程。

## 传输

### 连接

接收方必须（MUST）校验签名；校验失败时不得（MUST NOT）继续处置。

发送方不得（MUST NOT）在报文头中写入发送时间，以便接收方排查时钟偏差。

报文体不应该（SHOULD NOT）超过 1 MB。

### 报文

接收方收到重复报文时必须（MUST）丢弃。
`;

describe('the diff of revisions of an English spec', () => {
  let repo: FixtureRepo;
  let v1: DraftManifest;
  let v2: DraftManifest;
  let v3: DraftManifest;

  beforeAll(async () => {
    repo = await createFixtureRepo();
    [v1, v2, v3] = (await revisionsOf(repo, 'spec/frames.md', [EN_V1, EN_V2, EN_V3])) as [
      DraftManifest,
      DraftManifest,
      DraftManifest,
    ];
  });
  afterAll(() => repo.remove());

  it('lists the edit, the move, the added and the removed clause, and SHOULD → MUST as should → shall', () => {
    const small = idOf(v1, 'Frames should be small.');
    const size = idOf(v1, 'The header has a fixed size.');
    const payload = idOf(v1, 'Payload');
    const utf8 = idOf(v1, 'A payload shall be UTF-8.');
    const script = idOf(v2, 'A header shall not carry <script>alert(1)</script> names.');
    const diff = diffRevisions(v1, v2);
    expect(diff).toStrictEqual({
      format: 1,
      from: { commit: v1.source.commit, date: '2025-01-01', clauses: 10, requirements: 4 },
      to: { commit: v2.source.commit, date: '2025-01-01', clauses: 10, requirements: 5 },
      summary: {
        unchanged: 5,
        renumbered: 2,
        moved: 2,
        edited: 2,
        added: 1,
        removed: 1,
        requirementsAdded: 1,
        requirementsRemoved: 0,
        strengthChanged: 1,
      },
      edited: [
        {
          id: small,
          previousId: small,
          kind: 'paragraph',
          title: 'Transport',
          previousTitle: 'Transport',
          text: 'Frames shall be small.',
          number: '4',
          headingPath: ['Transport'],
          from: { number: '4', headingPath: ['Transport'] },
          moved: false,
          parts: [
            { op: 'equal', text: 'Frames ' },
            { op: 'delete', text: 'should' },
            { op: 'insert', text: 'shall' },
            { op: 'equal', text: ' be small.' },
          ],
          strengthChanges: [
            {
              from: 'should',
              to: 'shall',
              direction: 'stronger',
              text: 'Frames shall be small.',
              previousText: 'Frames should be small.',
              previousRequirementId: 'R-4-2',
              requirementId: 'R-4-2',
            },
          ],
        },
        {
          // Renumbered (5.1 → 5.2, the Payload subclause now comes first) but not moved: it kept its place.
          id: size,
          previousId: size,
          kind: 'paragraph',
          title: 'Header',
          previousTitle: 'Header',
          text: 'The header has a fixed size of 16 bytes.',
          number: '5.2',
          headingPath: ['Frames', 'Header'],
          from: { number: '5.1', headingPath: ['Frames', 'Header'] },
          moved: false,
          parts: [
            { op: 'equal', text: 'The header has a fixed size ' },
            { op: 'insert', text: 'of 16 bytes' },
            { op: 'equal', text: '.' },
          ],
          strengthChanges: [],
        },
      ],
      moved: [
        {
          id: payload,
          previousId: payload,
          kind: 'clause',
          title: 'Payload',
          text: 'Payload',
          number: '5.1',
          headingPath: ['Frames'],
          from: { number: '5.2', headingPath: ['Frames'] },
          reasons: ['order'],
          strengthChanges: [],
        },
        {
          id: utf8,
          previousId: utf8,
          kind: 'paragraph',
          title: 'Payload',
          text: 'A payload shall be UTF-8.',
          number: '5.1',
          headingPath: ['Frames', 'Payload'],
          from: { number: '5.2', headingPath: ['Frames', 'Payload'] },
          reasons: ['order'],
          strengthChanges: [],
        },
      ],
      added: [
        {
          id: script,
          kind: 'paragraph',
          title: 'Header',
          text: 'A header shall not carry <script>alert(1)</script> names.',
          number: '5.2',
          headingPath: ['Frames', 'Header'],
        },
      ],
      removed: [
        {
          id: idOf(v1, 'Old payloads are obsolete.'),
          kind: 'paragraph',
          title: 'Payload',
          text: 'Old payloads are obsolete.',
          number: '5.2',
          headingPath: ['Frames', 'Payload'],
        },
      ],
      renumbered: [{ id: idOf(v1, 'Header'), kind: 'clause', title: 'Header', from: '5.1', to: '5.2' }],
      requirements: {
        added: [
          {
            requirementId: 'R-5.2-2',
            clauseId: script,
            clauseNumber: '5.2',
            form: 'shall not',
            text: 'A header shall not carry <script>alert(1)</script> names.',
          },
        ],
        removed: [],
        strengthChanged: [
          {
            from: 'should',
            to: 'shall',
            direction: 'stronger',
            text: 'Frames shall be small.',
            previousText: 'Frames should be small.',
            previousRequirementId: 'R-4-2',
            requirementId: 'R-4-2',
            clauseId: small,
            clauseNumber: '4',
          },
        ],
      },
    } satisfies RevisionDiff);
    // Plain JSON: stored as is with the later revision and read back unchanged.
    expect(JSON.parse(JSON.stringify(diff))).toStrictEqual(diff);
  });

  it('calls out MUST NOT → MAY as weaker, a paragraph moved under another heading, and an added clause', () => {
    const diff = diffRevisions(v2, v3);
    expect(diff.summary).toEqual({
      unchanged: 8,
      renumbered: 0,
      moved: 1,
      edited: 1,
      added: 2,
      removed: 0,
      requirementsAdded: 1,
      requirementsRemoved: 0,
      strengthChanged: 1,
    });
    expect(diff.moved.map((c) => [c.text, c.from, c.number, c.headingPath, c.reasons])).toEqual([
      [
        'A header may carry a timestamp.',
        { number: '5.2', headingPath: ['Frames', 'Header'] },
        '4',
        ['Transport'],
        ['heading-path', 'order'],
      ],
    ]);
    expect(diff.edited.map((c) => [c.id, c.parts, c.strengthChanges.map((s) => [s.from, s.to, s.direction])])).toEqual([
      [
        idOf(v2, 'A header shall not carry <script>alert(1)</script> names.'),
        [
          { op: 'equal', text: 'A header ' },
          { op: 'delete', text: 'shall not' },
          { op: 'insert', text: 'may' },
          { op: 'equal', text: ' carry <script>alert(1)</script> names.' },
        ],
        [['shall not', 'may', 'weaker']],
      ],
    ]);
    expect(diff.added.map((c) => [c.number, c.kind, c.text])).toEqual([
      ['6', 'clause', 'Security'],
      ['6', 'paragraph', 'Peers should authenticate each other.'],
    ]);
    expect(diff.requirements.added.map((r) => [r.requirementId, r.clauseNumber, r.form, r.text])).toEqual([
      ['R-6-1', '6', 'should', 'Peers should authenticate each other.'],
    ]);
    expect(
      diff.requirements.strengthChanged.map((r) => [r.previousRequirementId, r.requirementId, r.from, r.to]),
    ).toEqual([['R-5.2-2', 'R-5.2-1', 'shall not', 'may']]);
  });

  it('diffs across two revisions by the carried IDs: what came and went in between is added, not edited', () => {
    const diff = diffRevisions(v1, v3);
    expect(diff.summary).toEqual({
      unchanged: 4,
      renumbered: 1,
      moved: 3,
      edited: 2,
      added: 3,
      removed: 1,
      requirementsAdded: 2,
      requirementsRemoved: 0,
      strengthChanged: 1,
    });
    expect(diff.edited.map((c) => [c.id, c.text])).toEqual([
      [idOf(v1, 'Frames should be small.'), 'Frames shall be small.'],
      [idOf(v1, 'The header has a fixed size.'), 'The header has a fixed size of 16 bytes.'],
    ]);
    expect(diff.moved.map((c) => [c.text, c.from.number, c.number, c.reasons])).toEqual([
      ['A header may carry a timestamp.', '5.1', '4', ['heading-path', 'order']],
      ['Payload', '5.2', '5.1', ['order']],
      ['A payload shall be UTF-8.', '5.2', '5.1', ['order']],
    ]);
    expect(diff.added.map((c) => c.text)).toEqual([
      'A header may carry <script>alert(1)</script> names.',
      'Security',
      'Peers should authenticate each other.',
    ]);
    expect(diff.removed.map((c) => c.text)).toEqual(['Old payloads are obsolete.']);
    expect(
      diff.requirements.strengthChanged.map((r) => [r.previousRequirementId, r.requirementId, r.from, r.to]),
    ).toEqual([['R-4-2', 'R-4-3', 'should', 'shall']]);
  });

  it('diffs a revision with itself as nothing changed', () => {
    const diff = diffRevisions(v2, v2);
    expect(diff.summary).toEqual({
      unchanged: 10,
      renumbered: 0,
      moved: 0,
      edited: 0,
      added: 0,
      removed: 0,
      requirementsAdded: 0,
      requirementsRemoved: 0,
      strengthChanged: 0,
    });
    const html = renderRevisionDiffHtml(diff, EN_LABELS);
    expect(html).toContain('<p class="diff-none">The two revisions have the same clauses and requirements.</p>');
    expect(html).not.toContain('<h2>Edited');
  });

  it('renders every text escaped: <script> in clause text stays text, word changes in <ins>/<del>', () => {
    const diff = diffRevisions(v2, v3);
    const html = renderRevisionDiffHtml(diff, { ...EN_LABELS, summary: 'Summary <all>' });
    expect(html).not.toMatch(/<script|<\/script/i);
    expect(html).toContain('<h2>Summary &lt;all&gt;</h2>');
    const id = idOf(v2, 'A header shall not carry <script>alert(1)</script> names.');
    expect(html).toContain(
      `<article class="diff-clause diff-edited" id="${id}"><h3><a class="diff-number" href="#${id}">5.2</a> Header ` +
        `<code class="diff-id">${id}</code></h3><p class="diff-words">A header <del>shall not</del><ins>may</ins> ` +
        'carry &lt;script&gt;alert(1)&lt;/script&gt; names.</p><ul class="strength-changes">' +
        '<li class="strength-change strength-weaker"><code class="diff-requirement">R-5.2-1</code> ' +
        '<strong class="strength-forms"><del>shall not</del> → <ins>may</ins></strong> ' +
        '<span class="strength-direction">weaker</span> <q>A header may carry &lt;script&gt;alert(1)&lt;/script&gt; names.</q></li></ul></article>',
    );
    const moved = idOf(v3, 'A header may carry a timestamp.');
    expect(html).toContain(
      `<p class="diff-move"><span class="diff-place">was 5.2 (Frames › Header)</span> → ` +
        `<span class="diff-place">now 4 (Transport)</span> <span class="diff-reasons">(under other headings, out of its order)</span></p>`,
    );
    expect(html).toContain(`id="${moved}"`);
    // One section per kind of change, in this order; the register lists the added requirement with its clause.
    expect([...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual([
      'Summary &lt;all&gt;',
      'Strength changes (1)',
      'Edited (1)',
      'Moved (1)',
      'Added (2)',
      'Requirements register (1)',
    ]);
    const security = idOf(v3, 'Peers should authenticate each other.');
    expect(html).toContain(
      `<tr><td><code>R-6-1</code></td><td><a class="diff-number" href="#${security}">6</a> <code class="diff-id">${security}</code></td>` +
        '<td>should</td><td>Peers should authenticate each other.</td></tr>',
    );
  });
});

describe('the diff of revisions of a Chinese spec', () => {
  let repo: FixtureRepo;
  let v1: DraftManifest;
  let v2: DraftManifest;

  beforeAll(async () => {
    repo = await createFixtureRepo();
    [v1, v2] = (await revisionsOf(repo, '规范/数据交换协议.md', [ZH_V1, ZH_V2])) as [DraftManifest, DraftManifest];
  });
  afterAll(() => repo.remove());

  it('calls out 应当（SHOULD）→ 必须（MUST）as 宜 → 应 (should → shall) and 可以（MAY）→ 不得（MUST NOT）as may → shall not', () => {
    const diff = diffRevisions(v1, v2);
    expect(diff.summary).toEqual({
      unchanged: 3,
      renumbered: 0,
      moved: 1,
      edited: 3,
      added: 1,
      removed: 2,
      requirementsAdded: 1,
      requirementsRemoved: 1,
      strengthChanged: 2,
    });
    const signature = idOf(v1, '接收方宜校验签名；校验失败时不应继续处理。');
    const timestamp = idOf(v1, '发送方可在报文头中写入发送时间，以便接收方排查时钟偏差。');
    expect(diff.requirements.strengthChanged).toStrictEqual([
      {
        from: 'should',
        to: 'shall',
        direction: 'stronger',
        text: '接收方应校验签名；',
        previousText: '接收方宜校验签名；',
        previousRequirementId: 'R-4.1-1',
        requirementId: 'R-4.1-1',
        clauseId: signature,
        clauseNumber: '4.1',
      },
      {
        from: 'may',
        to: 'shall not',
        direction: 'stronger',
        text: '发送方不应在报文头中写入发送时间，以便接收方排查时钟偏差。',
        previousText: '发送方可在报文头中写入发送时间，以便接收方排查时钟偏差。',
        previousRequirementId: 'R-4.1-3',
        requirementId: 'R-4.1-3',
        clauseId: timestamp,
        clauseNumber: '4.1',
      },
    ]);
    // The second requirement of the same clause was reworded (处理 → 处置) in the same form: paired, not flagged.
    expect(diff.edited.find((c) => c.id === signature)!.strengthChanges.map((c) => c.requirementId)).toEqual([
      'R-4.1-1',
    ]);
    expect(diff.requirements.added).toStrictEqual([
      {
        requirementId: 'R-4.2-1',
        clauseId: idOf(v2, '接收方收到重复报文时应丢弃。'),
        clauseNumber: '4.2',
        form: 'shall',
        text: '接收方收到重复报文时应丢弃。',
      },
    ]);
    expect(diff.requirements.removed).toStrictEqual([
      {
        requirementId: 'R-4.1-4',
        clauseId: idOf(v1, '发送方可压缩数据帧。'),
        clauseNumber: '4.1',
        form: 'may',
        text: '发送方可压缩数据帧。',
      },
    ]);
    expect(diff.moved.map((c) => [c.id, c.text, c.from, c.number, c.headingPath, c.reasons])).toEqual([
      [
        idOf(v1, '报文体不宜超过 1 MB。'),
        '报文体不宜超过 1 MB。',
        { number: '4.2', headingPath: ['传输', '报文'] },
        '4.1',
        ['传输', '连接'],
        ['heading-path', 'order'],
      ],
    ]);
    expect(diff.added.map((c) => c.text)).toEqual(['接收方收到重复报文时应丢弃。']);
    expect(diff.removed.map((c) => c.text)).toEqual(['发送方可压缩数据帧。', '旧版报文格式已废弃。']);
  });

  it('diffs Chinese by words: 处理 → 处置 is one word deleted and one inserted, not the character 处 kept', () => {
    const diff = diffRevisions(v1, v2);
    const parts = (text: string) => diff.edited.find((c) => c.text === text)!.parts;
    expect(parts('接收方应校验签名；校验失败时不应继续处置。')).toEqual([
      { op: 'equal', text: '接收方' },
      { op: 'delete', text: '宜' },
      { op: 'insert', text: '应' },
      { op: 'equal', text: '校验签名；校验失败时不应继续' },
      { op: 'delete', text: '处理' },
      { op: 'insert', text: '处置' },
      { op: 'equal', text: '。' },
    ]);
    // An inserted phrase of three words is one insertion.
    expect(parts('本文件规定了数据交换协议的报文格式和交互过程。')).toEqual([
      { op: 'equal', text: '本文件规定了数据交换协议的报文格式' },
      { op: 'insert', text: '和交互过程' },
      { op: 'equal', text: '。' },
    ]);
  });

  it('renders the strength changes flagged in Chinese forms, with clause numbers and anchors', () => {
    const diff = diffRevisions(v1, v2);
    const html = renderRevisionDiffHtml(diff, ZH_LABELS);
    const signature = idOf(v1, '接收方宜校验签名；校验失败时不应继续处理。');
    expect(html).toContain(
      `<section class="diff-section diff-strength-section" id="diff-strength"><h2>要求强度变化 (2)</h2><ul class="strength-changes">` +
        `<li class="strength-change strength-stronger"><a class="diff-number" href="#${signature}">4.1</a> ` +
        '<code class="diff-requirement">R-4.1-1</code> <strong class="strength-forms"><del>宜</del> → <ins>应</ins></strong> ' +
        '<span class="strength-direction">加强</span> <q>接收方应校验签名；</q></li>',
    );
    expect(html).toContain('<strong class="strength-forms"><del>可</del> → <ins>不应</ins></strong>');
    expect(html).toContain(
      '<p class="diff-words">接收方<del>宜</del><ins>应</ins>校验签名；校验失败时不应继续<del>处理</del><ins>处置</ins>。</p>',
    );
    expect(html).toContain(`<article class="diff-clause diff-edited" id="${signature}">`);
    expect(html).toContain(`<p class="diff-words"><del>旧版报文格式已废弃。</del></p>`);
  });
});

describe('the word diff of two texts', () => {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const sides = (parts: { op: string; text: string }[]) => ({
    older: parts.flatMap((p) => (p.op === 'insert' ? [] : [p.text])).join(''),
    newer: parts.flatMap((p) => (p.op === 'delete' ? [] : [p.text])).join(''),
  });

  it('gives back the later text exactly and the earlier one up to white space, edits near the edges included', () => {
    // Deterministic texts of English and Chinese words, spaces, tabs and marks, each edited in one place.
    const words = 'the peer  MUST send 1.5 x.y 接收方 校验 签名 。 处理 处置 ， frames a\tb'.split(' ');
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 16807) % 2147483647) % n) as number;
    const text = (): string[] => Array.from({ length: 1 + next(12) }, () => words[next(words.length)]!);
    let checked = 0;
    for (let i = 0; i < 2000; i++) {
      const glue = next(2) === 0 ? ' ' : '';
      const before = text();
      const after = [...before];
      after.splice(next(after.length + 1), next(3), ...text().slice(0, next(3)));
      const [older, newer] = [before.join(glue), after.join(glue)];
      const got = sides(diffWordParts(older, newer, segmenter));
      expect(got.newer).toBe(newer);
      expect(got.older.replace(/\s+/g, '')).toBe(older.replace(/\s+/g, ''));
      checked++;
    }
    expect(checked).toBe(2000);
  });

  it('keeps the spacing with the unchanged words and merges a replaced phrase into one deletion and one insertion', () => {
    expect(diffWordParts('A peer should send frames now.', 'A peer shall send small frames now.', segmenter)).toEqual([
      { op: 'equal', text: 'A peer ' },
      { op: 'delete', text: 'should' },
      { op: 'insert', text: 'shall' },
      { op: 'equal', text: ' send ' },
      { op: 'insert', text: 'small' },
      { op: 'equal', text: ' frames now.' },
    ]);
    expect(diffWordParts('Frames are sent in order.', 'Frames are never sent out of order.', segmenter)).toEqual([
      { op: 'equal', text: 'Frames are ' },
      { op: 'insert', text: 'never ' },
      { op: 'equal', text: 'sent ' },
      { op: 'delete', text: 'in' },
      { op: 'insert', text: 'out of' },
      { op: 'equal', text: ' order.' },
    ]);
  });
});
