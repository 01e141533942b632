import { describe, expect, it } from 'vitest';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { buildRevision } from '../../sync/proposals/build-revision.ts';
import { revisionRequest } from '../support/revision-request.ts';
import { clauseIndexOf } from '../../sync/review/comments/clause-index.ts';
import { followClause } from '../../sync/review/comments/follow-clause.ts';
import { ALICE, BOB, createFixtureRepo } from '../draft/fixture-repo.ts';

const SPEC = (parts: string[]) => `# Relay Protocol\n\n${parts.join('\n\n')}\n`;
const WIRE = '## Wire format\n\nA relay MUST send frames in network byte order and MUST NOT pad them.';
const WIRE_EDITED =
  '## Wire format\n\nA relay MUST send frames in network byte order and MUST NOT pad them with zeros.';
const RETRY = '## Retries\n\nA client SHOULD retry a lost frame after one second, doubling the wait each time.';
const LIMITS = '## Limits\n\nA frame MUST be at most 64 KiB long; larger payloads are split over frames.';
const LEGACY = '## Legacy mode\n\nA relay MAY accept the version 1 framing for compatibility with old peers.';

const request = (dir: string, previous?: { rev: number; manifestJson: string; label: string }) =>
  revisionRequest(dir, ['spec.md'], { name: 'acme/relay', titleZh: '中继协议', titleEn: 'Relay Protocol', previous });

const paragraph = (manifest: DraftManifest, words: string) =>
  manifest.clauses.find((c) => c.kind !== 'clause' && c.text.includes(words))!;

// Comments made on revision 00 follow their clause through an edit (01), a move (01) and a removal (02), through
// the lineage the real draft pipeline records when it carries clause IDs from the previous revision.
describe('a comment follows its clause across revisions', () => {
  it('through an edit and a move, and says where its clause was removed', async () => {
    const repo = await createFixtureRepo();
    await repo.write('spec.md', SPEC([WIRE, RETRY, LIMITS, LEGACY]));
    await repo.commit(ALICE, '2025-01-01T00:00:00Z', 'first');
    const r0 = await buildRevision(request(repo.dir));
    await repo.write('spec.md', SPEC([WIRE_EDITED, LIMITS, RETRY, LEGACY]));
    await repo.commit(BOB, '2025-02-01T00:00:00Z', 'edit the wire format, move limits up');
    const r1 = await buildRevision(
      request(repo.dir, { rev: 0, manifestJson: r0.manifestJson, label: 'MP-2026-001-00' }),
    );
    await repo.write('spec.md', SPEC([WIRE_EDITED, LIMITS, RETRY]));
    await repo.commit(BOB, '2025-03-01T00:00:00Z', 'drop legacy mode');
    const r2 = await buildRevision(
      request(repo.dir, { rev: 1, manifestJson: r1.manifestJson, label: 'MP-2026-001-01' }),
    );

    const manifests = [r0, r1, r2].map((r) => JSON.parse(r.manifestJson) as DraftManifest);
    const indexes = [r0, r1, r2].map((r) => clauseIndexOf(r.manifestJson));
    const follow = (id: string, to: number) => followClause(id, 0, to, (rev) => indexes[rev], [0, 1, 2]);
    const [m0, m1, m2] = manifests as [DraftManifest, DraftManifest, DraftManifest];

    const wire = paragraph(m0, 'network byte order');
    const limits = paragraph(m0, '64 KiB');
    const legacy = paragraph(m0, 'version 1 framing');
    // Where the pipeline says each paragraph went, by text: the comments must land on those clauses.
    expect(follow(wire.id, 2)).toEqual({ clauseId: paragraph(m2, 'with zeros').id });
    expect(paragraph(m1, 'with zeros').change).toBe('edited');
    expect(follow(limits.id, 1)).toEqual({ clauseId: paragraph(m1, '64 KiB').id });
    expect(paragraph(m1, '64 KiB').number).not.toBe(limits.number);
    expect(follow(legacy.id, 1)).toEqual({ clauseId: paragraph(m1, 'version 1 framing').id });
    expect(follow(legacy.id, 2)).toEqual({ removedIn: 2 });
    // Read at the revision it was made on, a comment stays where it was.
    expect(follow(legacy.id, 0)).toEqual({ clauseId: legacy.id });
  });
});
