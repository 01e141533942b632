import { describe, expect, it } from 'vitest';
import { carryClauseIds, type ComparedBlock, type PreviousBlock } from '../../content/draft/carry-clause-ids.ts';
import { finalClauseIds } from '../../content/draft/final-clause-ids.ts';
import { similarity, similarityTokens } from '../../content/draft/text-similarity.ts';

const block = (kind: string, sourceText: string, headingPath: string[], title?: string): ComparedBlock => ({
  kind,
  sourceText,
  headingPath,
  ...(title ? { title } : {}),
});
const prev = (id: string, b: ComparedBlock): PreviousBlock => ({ id, ...b });

describe('carrying clause IDs forward', () => {
  const before = [
    prev('c-h1', block('clause', '## Handshake', [], 'Handshake')),
    prev('c-p1', block('paragraph', 'A peer MUST send a hello frame first.', ['Handshake'])),
    prev('c-p2', block('paragraph', 'The hello frame SHOULD carry a version.', ['Handshake'])),
    prev('c-h2', block('clause', '## Frames', [], 'Frames')),
    prev('c-l1', block('list-item', '- Type: `String`', ['Frames'])),
    prev('c-l2', block('list-item', '- Type: `String`', ['Frames', 'id'])),
    prev('c-p3', block('paragraph', 'A frame MUST NOT exceed 16 KiB.', ['Frames'])),
    prev('c-p4', block('paragraph', 'Frames are sent in order.', ['Frames'])),
  ];

  it('keeps the ID of an unchanged block, whatever was inserted before it', () => {
    const after = [
      block('paragraph', 'Peers MAY announce themselves.', ['Discovery']),
      ...before.map(({ id: _id, ...rest }) => rest),
    ];
    const lineage = carryClauseIds(before, after);
    expect(lineage[0]).toEqual({ previousId: null, change: 'new' });
    expect(lineage.slice(1).map((l) => l.previousId)).toEqual(before.map((b) => b.id));
    expect(lineage.slice(1).every((l) => l.change === 'unchanged')).toBe(true);
  });

  it('keeps the ID of an edited block under the same headings, and of one moved elsewhere', () => {
    const after = [
      block('clause', '## Handshake', [], 'Handshake'),
      block('paragraph', 'A peer MUST send a hello frame first and wait for the answer.', ['Handshake']),
      block('clause', '## Frames', [], 'Frames'),
      block('paragraph', 'Frames are sent in order.', ['Handshake']),
      block('paragraph', 'A frame MUST NOT exceed 64 KiB.', ['Frames']),
    ];
    const lineage = carryClauseIds(before, after);
    expect(lineage.map((l) => [l.previousId, l.change])).toEqual([
      ['c-h1', 'unchanged'],
      ['c-p1', 'edited'],
      ['c-h2', 'unchanged'],
      ['c-p4', 'moved'],
      ['c-p3', 'edited'],
    ]);
  });

  it('follows a renamed heading: the blocks under it stay in place, the heading itself is edited', () => {
    const after = [
      block('clause', '## Frame format', [], 'Frame format'),
      block('paragraph', 'A frame MUST NOT exceed 16 KiB.', ['Frame format']),
      block('paragraph', 'Frames are sent in the order of their sequence numbers.', ['Frame format']),
    ];
    const lineage = carryClauseIds(before, after);
    expect(lineage.map((l) => [l.previousId, l.change])).toEqual([
      ['c-h2', 'edited'],
      ['c-p3', 'unchanged'],
      ['c-p4', 'edited'],
    ]);
  });

  it('pairs identical blocks by their headings, so one moving does not swap them', () => {
    const after = [
      block('list-item', '- Type: `String`', ['Frames', 'id']),
      block('list-item', '- Type: `String`', ['Frames', 'source']),
      block('list-item', '- Type: `String`', ['Frames']),
    ];
    const lineage = carryClauseIds(before, after);
    expect(lineage.map((l) => l.previousId)).toEqual(['c-l2', null, 'c-l1']);
  });

  it('never gives a previous ID twice, and does not take unrelated text for an edit', () => {
    const after = [
      block('paragraph', 'A peer MUST send a hello frame first.', ['Handshake']),
      block('paragraph', 'A peer MUST send a hello frame first.', ['Handshake']),
      block('paragraph', 'Compression is negotiated during the handshake.', ['Handshake']),
    ];
    const lineage = carryClauseIds(before, after);
    expect(lineage.map((l) => l.previousId)).toEqual(['c-p1', null, null]);
  });

  it('reads manifests without heading paths (older generator versions) by text alone', () => {
    const old = before.map(({ headingPath: _path, ...rest }) => ({ ...rest, headingPath: undefined }));
    const lineage = carryClauseIds(old, [block('paragraph', 'Frames are sent in order.', ['Elsewhere'])]);
    expect(lineage).toEqual([{ previousId: 'c-p4', change: 'unchanged' }]);
  });

  it('gives new blocks hash IDs that no carried or deleted ID uses', () => {
    const previous = {
      clauses: [
        { id: 'c-keep', kind: 'paragraph', sourceText: 'Kept.', headingPath: ['A'] },
        { id: 'c-gone', kind: 'paragraph', sourceText: 'Gone.', headingPath: ['A'] },
      ],
    };
    const current = [
      { kind: 'paragraph' as const, sourceText: 'Kept.', headingPath: ['A'], title: 'A' },
      { kind: 'paragraph' as const, sourceText: 'Brand new.', headingPath: ['A'], title: 'A' },
      { kind: 'paragraph' as const, sourceText: 'Brand new.', headingPath: ['A'], title: 'A' },
    ];
    const ids = finalClauseIds(current, previous);
    expect(ids[0]).toEqual({ id: 'c-keep', previousId: 'c-keep', change: 'unchanged' });
    expect(ids[1]!.id).toMatch(/^c-[0-9a-f]{12}$/);
    expect(ids[2]!.id).toBe(`${ids[1]!.id}-2`);
    expect(new Set(ids.map((i) => i.id)).size).toBe(3);
  });

  it('measures similarity on character trigrams, in any script and for short texts too', () => {
    expect(
      similarity(
        similarityTokens('A frame MUST NOT exceed 16 KiB.'),
        similarityTokens('A frame MUST NOT exceed 64 KiB.'),
      ),
    ).toBeGreaterThan(0.8);
    expect(
      similarity(similarityTokens('发送方应对数据帧签名'), similarityTokens('发送方应对每个数据帧签名')),
    ).toBeGreaterThan(0.7);
    expect(similarity(similarityTokens('Frames'), similarityTokens('Frame format'))).toBeGreaterThan(0.3);
    expect(
      similarity(similarityTokens('Frames are sent in order.'), similarityTokens('Compression is negotiated.')),
    ).toBeLessThan(0.2);
  });
});
