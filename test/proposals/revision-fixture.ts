import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';
import { readDefaultWorkflowSource } from '../../sync/proposals/workflow/load-workflow.ts';
import { ALICE, BOB, createUpstreamWithHistory, type Upstream } from '../support/git-fixture.ts';
import type { TestInstance } from '../support/test-instance.ts';

// A proposal of acme/codec over a real git upstream, as revisions.test.ts makes it, for the draft page's tests.

export const PROJECT = 'acme/codec';
export const MAINTAINER: ProposalActor = { login: 'mei', roles: ['member'], maintainerOf: [PROJECT] };
const LENIENT = readDefaultWorkflowSource().replace('requiredLevel: mature', 'requiredLevel: sandbox');

export const SPEC = [
  '# Codec Protocol - Version 1.0',
  '',
  '## Scope',
  '',
  'This document specifies the frames of the codec protocol.',
  '',
  '## Terms',
  '',
  '**Frame**: a unit of data sent on the wire.',
  '',
  '**Peer**: either end of a connection.',
  '',
  '## Frames',
  '',
  'A client MUST send a hello frame first. A server SHOULD answer within one second.',
  '',
  '- A frame MAY carry a payload.',
  '- A frame MUST NOT exceed 64 KiB.',
  '',
  '| Field | Size |',
  '|---|---|',
  '| type | 1 |',
  '',
  '```',
  'hello := 0x01 len payload',
  '```',
  '',
  '### Hello',
  '',
  'The hello frame MUST carry the version.',
  '',
  '### Goodbye',
  '',
  'A peer SHOULD say goodbye.',
  '',
  '## Errors',
  '',
  'A server MUST close the connection after a malformed frame.',
  '',
].join('\n');

/** Hostile text: raw script, a javascript: link, forged clause anchors where the generator writes real ones. */
export const HOSTILE = [
  '## Hostile {#c-0123456789ab}',
  '',
  '[]{#c-0123456789ab} A forged anchor <script>alert(1)</script> and [x](javascript:alert(1)).',
  '',
  '<img src=x onerror="alert(1)">',
  '',
].join('\n');

/** The upstream (two commits by two people) and a proposal with one ready revision; returns its number. */
export async function proposalWithRevision(
  app: TestInstance,
  spec = SPEC,
): Promise<{ number: string; upstream: Upstream }> {
  const upstream = createUpstreamWithHistory(2, 'codec');
  upstream.commit({ 'spec/protocol.md': spec }, ALICE, '2026-04-01T10:00:00Z', 'Protocol 1.0');
  upstream.commit(
    { 'spec/protocol.md': spec.replace('within one second', 'within two seconds') },
    BOB,
    '2026-05-01T10:00:00Z',
    'Relax the answer time',
  );
  upstream.push('main');
  await app.services.projects.add({ fullName: PROJECT, cloneUrl: upstream.bare, domain: 'iot' });
  app.services.proposals.installWorkflow(LENIENT, 'admin');
  const created = await app.services.proposals.create(
    {
      project: PROJECT,
      title: { zh: '编解码协议', en: 'Codec protocol' },
      ref: 'main',
      sources: [{ path: 'spec/protocol.md' }],
      scope: 'Frames.',
      rationale: 'Implemented widely.',
    },
    MAINTAINER,
  );
  await app.services.proposals.revise(created.number, { reason: 'first draft' }, MAINTAINER);
  await app.worker.drain();
  return { number: created.number, upstream };
}
