import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../content/draft/generate-draft.ts';
import { makeInput } from './make-input.ts';

const V1 = `# Spec

## Terminology

- **Frame**: a unit of transfer.

## Handshake

A peer MUST send hello.

1. First step.
2. Second step.

## Frames

A frame MUST NOT exceed 16 KiB.

None.

## Streams

None.
`;

// V2 inserts a clause and a list item before the existing ones: every number after them shifts.
const V2 = V1.replace('## Handshake', '## Discovery\n\nPeers MAY announce themselves.\n\n## Handshake').replace(
  '1. First step.\n2. Second step.',
  '1. Zeroth step.\n2. First step.\n3. Second step.',
);

const byText = (clauses: { id: string; sourceText: string; number: string; kind: string }[]) =>
  new Map(clauses.map((c) => [`${c.kind}:${c.sourceText.replace(/^\d+\.\s*/, '')}`, c]));

describe('stable clause IDs', () => {
  it('are identical when the same input is generated again', () => {
    const a = generateDraft(makeInput([{ text: V1 }]));
    const b = generateDraft(makeInput([{ text: V1 }]));
    expect(b.manifest.clauses.map((c) => c.id)).toEqual(a.manifest.clauses.map((c) => c.id));
    expect(b.markdown).toBe(a.markdown);
  });

  it('survive renumbering: unchanged text keeps its ID under a new number', () => {
    const before = byText(generateDraft(makeInput([{ text: V1 }])).manifest.clauses);
    const after = byText(generateDraft(makeInput([{ text: V2 }])).manifest.clauses);
    const hello = 'paragraph:A peer MUST send hello.';
    expect(before.get(hello)!.number).toBe('4');
    expect(after.get(hello)!.number).toBe('5');
    expect(after.get(hello)!.id).toBe(before.get(hello)!.id);
    const heading = [...before.values()].find((c) => c.kind === 'clause' && c.sourceText === '## Frames')!;
    const movedHeading = [...after.values()].find((c) => c.kind === 'clause' && c.sourceText === '## Frames')!;
    expect([heading.number, movedHeading.number]).toEqual(['5', '6']);
    expect(movedHeading.id).toBe(heading.id);
    // "2. First step." became "2." → "2." and "1." → "2.": the list marker does not count.
    expect(after.get('list-item:First step.')!.id).toBe(before.get('list-item:First step.')!.id);
    expect(after.get('list-item:Second step.')!.id).toBe(before.get('list-item:Second step.')!.id);
    for (const [key, clause] of before) expect(after.get(key)?.id, key).toBe(clause.id);
  });

  it('differ for identical blocks, in a stable order, and change when the text changes', () => {
    const result = generateDraft(makeInput([{ text: V1 }]));
    const nones = result.manifest.clauses.filter((c) => c.sourceText === 'None.');
    expect(nones).toHaveLength(2);
    expect(nones[1]!.id).toBe(`${nones[0]!.id}-2`);
    const changed = generateDraft(makeInput([{ text: V1.replace('send hello', 'send hi') }]));
    const a = result.manifest.clauses.find((c) => c.sourceText.includes('send hello'))!;
    const b = changed.manifest.clauses.find((c) => c.sourceText.includes('send hi'))!;
    expect(b.id).not.toBe(a.id);
    expect(result.manifest.clauses.every((c) => /^c-[0-9a-f]{12}(-\d+)?$/.test(c.id))).toBe(true);
  });

  it('do not depend on the file path (a renamed file keeps its IDs)', () => {
    const a = generateDraft(makeInput([{ text: V1, path: 'spec.md' }]));
    const b = generateDraft(makeInput([{ text: V1, path: 'docs/规范.md' }]));
    expect(b.manifest.clauses.map((c) => c.id)).toEqual(a.manifest.clauses.map((c) => c.id));
  });
});
