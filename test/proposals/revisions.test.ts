import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';
import { readDefaultWorkflowSource } from '../../sync/proposals/workflow/load-workflow.ts';
import { ALICE, BOB, createUpstreamWithHistory, type Upstream } from '../support/git-fixture.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

const PROJECT = 'acme/codec';
const MAINTAINER: ProposalActor = { login: 'mei', roles: ['member'], maintainerOf: [PROJECT] };
const READER: ProposalActor = { login: 'rui', roles: ['member'], maintainerOf: [] };
const LENIENT = readDefaultWorkflowSource().replace('requiredLevel: mature', 'requiredLevel: sandbox');

const SPEC_V1 = [
  '# Codec Protocol - Version 1.0',
  '',
  '## Scope',
  '',
  'This document specifies the frames of the codec protocol.',
  '',
  '## Frames',
  '',
  'A client MUST send a hello frame first.',
  '',
  'A server SHOULD answer within one second.',
  '',
  '## Errors',
  '',
  'A server MUST close the connection after a malformed frame.',
  '',
].join('\n');

describe('proposal revisions', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'magnolia-revisions-'));
  let app: TestInstance;
  let upstream: Upstream;
  let number: string;
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    upstream = createUpstreamWithHistory(3, 'codec');
    upstream.commit({ 'spec/protocol.md': SPEC_V1 }, ALICE, '2026-04-01T10:00:00Z', 'Protocol 1.0');
    upstream.git('tag', '-a', 'v1.1.0', '-m', 'Version 1.1.0');
    upstream.push('main', '--tags');
    app = await startTestInstance({ dataDir });
    await app.services.projects.add({ fullName: PROJECT, cloneUrl: upstream.bare, domain: 'iot' });
    app.services.proposals.installWorkflow(LENIENT, 'admin');
    const created = await app.services.proposals.create(
      {
        project: PROJECT,
        title: { zh: '编解码协议', en: 'Codec protocol' },
        ref: 'v1.1.0',
        sources: [{ path: 'spec/protocol.md' }],
        scope: 'Frames.',
        rationale: 'Implemented widely.',
      },
      MAINTAINER,
    );
    number = created.number;
  });

  it('are asked for by the editors only, and answer at once with a queued revision', async () => {
    await expect(app.services.proposals.revise(number, {}, READER)).rejects.toMatchObject({ code: 'not_allowed' });
    const queued = await app.services.proposals.revise(number, { reason: 'first draft' }, MAINTAINER);
    expect(queued).toMatchObject({ rev: 0, label: '-00', status: 'queued', ref: 'v1.1.0', requestedBy: 'mei' });
    expect(queued.commit).toBe(upstream.head('v1.1.0^{commit}'));
  });

  it('survive a restart: the queued job runs in the next process', async () => {
    await app.close();
    app = await startTestInstance({ dataDir });
    expect(app.services.proposals.revision(number, 0).summary.status).toBe('queued');
    await app.worker.drain();
    const { summary, row } = app.services.proposals.revision(number, 0);
    expect(summary.status).toBe('ready');
    expect(row.draft_md).toContain('A client shall send a hello frame first.');
    expect(row.draft_md).toMatch(/\| R-4-1 \| 应 \| 4 \| A client shall send a hello frame first\. \|/);
    expect(row.draft_md).toContain(`repository: http://127.0.0.1:9/${PROJECT}`);
    expect(row.draft_md).not.toContain(dataDir);
    const manifest = JSON.parse(row.manifest_json!) as { clauses: { id: string }[]; source: { commit: string } };
    expect(manifest.source.commit).toBe(summary.commit);
    expect(row.draft_html).toContain('<h');
    expect(row.draft_html).not.toContain('<script');
    expect(JSON.parse(row.lint_json!)).toEqual(expect.any(Array));
  });

  it('are not made twice from the same sources at the same commit', async () => {
    const again = await app.services.proposals.revise(number, { ref: 'v1.1.0' }, MAINTAINER);
    expect(again).toMatchObject({ rev: 0, status: 'ready' });
    expect(app.services.proposals.get(number, null).revisions).toHaveLength(1);
  });

  it('carry clause IDs from the previous revision, and stay immutable', async () => {
    upstream.commit(
      { 'spec/protocol.md': SPEC_V1.replace('within one second', 'within two seconds') },
      BOB,
      '2026-05-01T10:00:00Z',
      'Relax the answer time',
    );
    upstream.push('main');
    const repo = app.services.projects.member(PROJECT);
    await app.services.sync.fetch(repo.id);
    const next = await app.services.proposals.revise(number, { ref: 'main', reason: 'answer time' }, MAINTAINER);
    expect(next).toMatchObject({ rev: 1, label: '-01', status: 'queued' });
    await app.worker.drain();
    const first = JSON.parse(app.services.proposals.revision(number, 0).row.manifest_json!) as {
      clauses: { id: string; text?: string }[];
    };
    const second = JSON.parse(app.services.proposals.revision(number, 1).row.manifest_json!) as {
      clauses: { id: string; previousId?: string; change?: string }[];
    };
    const firstIds = new Set(first.clauses.map((c) => c.id));
    const kept = second.clauses.filter((c) => firstIds.has(c.id));
    expect(kept.length).toBe(first.clauses.length);
    expect(second.clauses.some((c) => c.change === 'edited')).toBe(true);
    expect(() => app.store.db.prepare(`UPDATE proposal_revisions SET draft_md = 'x' WHERE rev = 0`).run()).toThrow(
      /immutable/,
    );
  });

  it('are refused where the text stays fixed, and from refs the mirror does not have', async () => {
    await expect(app.services.proposals.revise(number, { ref: 'v7' }, MAINTAINER)).rejects.toMatchObject({
      code: 'unknown_ref',
    });
    app.services.proposals.act(number, { action: 'withdraw', comment: 'done testing' }, MAINTAINER);
    await expect(app.services.proposals.revise(number, {}, MAINTAINER)).rejects.toMatchObject({
      code: 'revision_not_now',
    });
  });
});
