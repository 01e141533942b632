import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../content/i18n/render-message.ts';
import { isDomainError } from '../../kernel/errors/domain-error.ts';
import { GuardFailedError } from '../../sync/proposals/guard-failed-error.ts';
import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';
import { readDefaultWorkflowSource } from '../../sync/proposals/workflow/load-workflow.ts';
import { createUpstreamWithHistory } from '../support/git-fixture.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

const PROJECT = 'acme/codec';
const MAINTAINER: ProposalActor = { login: 'mei', roles: ['member'], maintainerOf: [PROJECT] };
const SECRETARIAT: ProposalActor = { login: 'sam', roles: ['member', 'secretariat'], maintainerOf: [] };
const STRANGER: ProposalActor = { login: 'sly', roles: ['member'], maintainerOf: ['acme/other'] };

const request = (overrides: Record<string, unknown> = {}) => ({
  project: PROJECT,
  title: { zh: '编解码协议', en: 'Codec protocol' },
  ref: 'v1.0.0',
  sources: [{ path: 'spec/protocol.md', role: 'clauses' }],
  scope: 'The frames a codec client sends.',
  rationale: 'Three vendors implement it.',
  ...overrides,
});

async function refusal(promise: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('the proposals service', () => {
  let app: TestInstance;
  beforeAll(async () => {
    app = await startTestInstance();
    const upstream = createUpstreamWithHistory(6, 'codec');
    await app.services.projects.add({ fullName: PROJECT, cloneUrl: upstream.bare, domain: 'iot' });
  });
  afterAll(() => app.destroy());

  it('refuses a project below the required level, with every gap counted and linked', async () => {
    const error = await refusal(app.services.proposals.create(request(), MAINTAINER));
    expect(error).toBeInstanceOf(GuardFailedError);
    const failed = error as GuardFailedError;
    expect(failed.code).toBe('guard_failed');
    expect(failed.kind).toBe('conflict');
    expect(failed.missing.map((m) => m.code)).toEqual(['project-level']);
    expect(failed.missing[0]!.link).toBe(`/projects/${PROJECT}#gaps`);
    expect(renderMessage(failed.missing[0]!.message, 'en')).toMatch(
      /^the project's level is .+; this needs Mature: \d+ gaps? to close$/,
    );
    expect(app.services.proposals.count()).toBe(0);
  });

  it('lets only a maintainer of the project propose it', async () => {
    const error = await refusal(app.services.proposals.create(request(), STRANGER));
    expect(isDomainError(error, 'forbidden')).toBe(true);
  });

  it('says which fields are wrong, all at once', async () => {
    const error = await refusal(
      app.services.proposals.create({ project: PROJECT, title: { zh: '' }, sources: [] }, MAINTAINER),
    );
    expect(isDomainError(error, 'invalid')).toBe(true);
    const message = (error as Error).message;
    for (const field of ['title.zh', 'title.en', 'ref', 'sources', 'scope', 'rationale'])
      expect(message).toContain(field);
  });

  describe('with a workflow whose required level is the lowest', () => {
    beforeAll(() => {
      const lenient = readDefaultWorkflowSource().replace('requiredLevel: mature', 'requiredLevel: sandbox');
      app.services.proposals.installWorkflow(lenient, 'admin');
    });

    it('pins the sources at the ref, and refuses refs and files the mirror does not have', async () => {
      const badRef = await refusal(app.services.proposals.create(request({ ref: 'v9.9.9' }), MAINTAINER));
      expect(badRef).toMatchObject({ code: 'unknown_ref' });
      const badFile = await refusal(
        app.services.proposals.create(request({ sources: [{ path: 'spec/missing.md' }] }), MAINTAINER),
      );
      expect(badFile).toMatchObject({ code: 'missing_sources' });
      expect((badFile as Error).message).toContain('spec/missing.md is not a file at v1.0.0');
      expect(app.services.proposals.count()).toBe(0);
    });

    it('gives permanent numbers, starts in the draft stage and records who created it', async () => {
      const first = await app.services.proposals.create(request(), MAINTAINER);
      const second = await app.services.proposals.create(request({ title: { zh: '第二', en: 'Second' } }), MAINTAINER);
      expect(first.number).toBe('MP-2026-001');
      expect(second.number).toBe('MP-2026-002');
      expect(first).toMatchObject({ state: 'draft', project: PROJECT, ref: 'v1.0.0', createdBy: 'mei' });
      expect(first.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(first.sources).toContain('path: spec/protocol.md');
      expect(first.history).toEqual([
        expect.objectContaining({ action: 'create', actor: 'mei', from: null, to: 'draft' }),
      ]);
      expect(first.actionHolders).toEqual([{ holder: 'maintainers', logins: [] }]);
      expect(app.services.proposals.list().map((p) => p.number)).toEqual(['MP-2026-002', 'MP-2026-001']);
      expect(app.services.proposals.list({ holder: MAINTAINER })).toHaveLength(2);
      expect(app.services.proposals.list({ holder: SECRETARIAT })).toHaveLength(0);
    });

    it('shows what a submission still lacks before anyone clicks, and refuses it listing every item', () => {
      const shown = app.services.proposals.get('MP-2026-001', MAINTAINER);
      const submit = shown.actions.find((a) => a.id === 'submit')!;
      expect(submit.allowed).toBe(true);
      const codes = submit.missing.map((m) => m.code);
      expect(codes).toEqual(expect.arrayContaining(['ipr-statement', 'implementations', 'has-revision']));
      const error = (() => {
        try {
          app.services.proposals.act('MP-2026-001', { action: 'submit' }, MAINTAINER);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(GuardFailedError);
      expect((error as GuardFailedError).missing.map((m) => m.code)).toEqual(codes);
      expect(app.services.proposals.get('MP-2026-001', null).history).toHaveLength(1);
    });

    it('withdraws with a reason; a second, concurrent withdrawal gets a conflict naming the new stage', () => {
      const noReason = (() => {
        try {
          app.services.proposals.act('MP-2026-002', { action: 'withdraw' }, MAINTAINER);
        } catch (e) {
          return e as GuardFailedError;
        }
      })();
      expect(noReason?.missing.map((m) => m.code)).toEqual(['reason-given']);
      const done = app.services.proposals.act(
        'MP-2026-002',
        { action: 'withdraw', comment: 'merged into 001' },
        MAINTAINER,
      );
      expect(done.state).toBe('withdrawn');
      expect(done.history.at(-1)).toMatchObject({
        action: 'withdraw',
        from: 'draft',
        to: 'withdrawn',
        comment: 'merged into 001',
      });
      const late = (() => {
        try {
          app.services.proposals.act('MP-2026-002', { action: 'withdraw', comment: 'again' }, SECRETARIAT);
        } catch (e) {
          return e as GuardFailedError;
        }
      })();
      expect(late).toBeInstanceOf(GuardFailedError);
      expect(late?.state).toBe('withdrawn');
    });

    it('keeps history append-only and numbers never reused', () => {
      const db = app.store.db;
      expect(() => db.prepare(`UPDATE proposal_history SET actor = 'x'`).run()).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM proposal_history`).run()).toThrow(/append-only/);
      expect(db.prepare(`SELECT last FROM proposal_numbers WHERE year = 2026`).pluck().get()).toBe(2);
    });
  });
});
