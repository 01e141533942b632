import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../content/i18n/render-message.ts';
import { parseKnownModel, readDefaultModelSource } from '../../sync/maturity/model/load-active-model.ts';
import { availableActions } from '../../sync/proposals/workflow/available-actions.ts';
import { decideAction, type DecisionInput } from '../../sync/proposals/workflow/decide-action.ts';
import { GUARDS, type GuardName } from '../../sync/proposals/workflow/guard-names.ts';
import { loadWorkflow } from '../../sync/proposals/workflow/load-workflow.ts';
import type { ProposalFacts, WorkflowActor } from '../../sync/proposals/workflow/proposal-facts.ts';
import { ACTORS, type ActionDefinition } from '../../sync/proposals/workflow/workflow-schema.ts';

const model = parseKnownModel(readDefaultModelSource()).model;
const levels = model.levels.map((l) => ({ id: l.id, name: l.name }));
const { workflow } = loadWorkflow(
  null,
  levels.map((l) => l.id),
);
const NOW = new Date('2026-06-15T08:00:00.000Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
const input = (comment = 'because the committee decided so'): DecisionInput => ({
  workflow,
  levels,
  now: NOW,
  comment,
  projectLink: '/projects/acme/codec',
});

/** An actor who is everyone at once: only guards can refuse them. */
const EVERYONE: WorkflowActor = {
  login: 'all',
  roles: ['member', 'reviewer', 'secretariat', 'admin'],
  maintainer: true,
};

/** Facts under which every guard of `action` holds, in its first source stage. */
function goodFacts(action: ActionDefinition): ProposalFacts {
  const period = action.guards.includes('notice-over')
    ? ({ kind: 'notice', startedAt: at(-10), endsAt: at(-5) } as const)
    : action.guards.includes('comment-period-over')
      ? ({ kind: 'comment', startedAt: at(-40), endsAt: at(-10) } as const)
      : null;
  return {
    stage: action.from[0]!,
    project: { name: 'acme/codec', level: workflow.settings.requiredLevel, gaps: 0 },
    sources: { files: 2, commit: 'a'.repeat(40) },
    licence: 'Apache-2.0',
    iprStatement: true,
    implementations: workflow.settings.minImplementations,
    revisions: { ready: 2, lastReadyAt: at(-1) },
    period,
    lastCommentEndedAt: period?.kind === 'comment' ? null : at(-20),
    openComments: 0,
    ballot: { status: 'closed', passed: true, blocking: 0 },
    publishedAt: at(-6 * 366),
  };
}

/** Facts that break one guard, and every guard that this breaks (some facts feed two guards). */
const BREAK: Record<GuardName, (f: ProposalFacts) => { facts: ProposalFacts; comment?: string; breaks: GuardName[] }> =
  {
    'project-level': (f) => ({
      facts: { ...f, project: { ...f.project, level: 'incubating', gaps: 3 } },
      breaks: ['project-level'],
    }),
    'sources-pinned': (f) => ({ facts: { ...f, sources: { files: 2, commit: null } }, breaks: ['sources-pinned'] }),
    'licence-compatible': (f) => ({ facts: { ...f, licence: 'GPL-3.0-only' }, breaks: ['licence-compatible'] }),
    'ipr-statement': (f) => ({ facts: { ...f, iprStatement: false }, breaks: ['ipr-statement'] }),
    implementations: (f) => ({ facts: { ...f, implementations: 0 }, breaks: ['implementations'] }),
    'has-revision': (f) => ({
      facts: { ...f, revisions: { ready: 0, lastReadyAt: null }, lastCommentEndedAt: null },
      breaks: ['has-revision'],
    }),
    'notice-over': (f) => ({
      facts: { ...f, period: { kind: 'notice', startedAt: at(-1), endsAt: at(4) } },
      breaks: ['notice-over'],
    }),
    'comment-period-over': (f) => ({
      facts: { ...f, period: { kind: 'comment', startedAt: at(-10), endsAt: at(20) } },
      breaks: ['comment-period-over'],
    }),
    'revision-since-comment': (f) => ({
      facts: { ...f, lastCommentEndedAt: at(-1), revisions: { ready: 1, lastReadyAt: at(-3) } },
      breaks: ['revision-since-comment'],
    }),
    'comments-dispositioned': (f) => ({ facts: { ...f, openComments: 2 }, breaks: ['comments-dispositioned'] }),
    'no-open-ballot': (f) => ({
      facts: { ...f, ballot: { status: 'open', passed: false, blocking: 0 } },
      breaks: ['no-open-ballot', 'ballot-passed'],
    }),
    'ballot-passed': (f) => ({
      facts: { ...f, ballot: { status: 'closed', passed: false, blocking: 0 } },
      breaks: ['ballot-passed'],
    }),
    'no-blocking-positions': (f) => ({
      facts: { ...f, ballot: { status: 'closed', passed: true, blocking: 1 } },
      breaks: ['no-blocking-positions'],
    }),
    'reason-given': (f) => ({ facts: f, comment: '  ', breaks: ['reason-given'] }),
    'review-due': (f) => ({ facts: { ...f, publishedAt: at(-365) }, breaks: ['review-due'] }),
  };

describe('the shipped association workflow', () => {
  it('has the stages of association-standard practice, each with both names', () => {
    expect(workflow.stages.map((s) => s.id)).toEqual([
      'draft',
      'submitted',
      'project-review',
      'approved',
      'working-draft',
      'public-comment',
      'technical-review',
      'approval',
      'published',
      'periodic-review',
      'deferred',
      'withdrawn',
      'rejected',
      'abolished',
    ]);
    expect(workflow.initial).toBe('draft');
    expect(workflow.settings.commentDays).toBe(30);
    expect(workflow.actions.map((a) => a.id)).toEqual(expect.arrayContaining(['submit', 'withdraw']));
    expect(workflow.stages.find((s) => s.id === 'public-comment')?.draftName?.zh).toBe('征求意见稿');
  });

  it('reaches every stage from the initial one', () => {
    const reached = new Set([workflow.initial]);
    for (let grew = true; grew;) {
      grew = false;
      for (const a of workflow.actions)
        if (a.from.some((f) => reached.has(f)) && !reached.has(a.to)) grew = reached.add(a.to) !== undefined;
    }
    expect([...reached].sort()).toEqual(workflow.stages.map((s) => s.id).sort());
  });
});

describe.each(workflow.actions.map((a) => [a.id, a] as const))('action %s', (_id, action) => {
  it(`moves ${action.from.join('|')} → ${action.to} when every guard holds`, () => {
    for (const from of action.from) {
      const decision = decideAction({ ...goodFacts(action), stage: from }, action.id, EVERYONE, input());
      expect(decision).toMatchObject({ ok: true, from, to: action.to });
    }
  });

  it.each(action.guards.map((g) => [g] as const))('is refused when %s does not hold, saying exactly that', (guard) => {
    const broken = BREAK[guard](goodFacts(action));
    const decision = decideAction(broken.facts, action.id, EVERYONE, input(broken.comment));
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.refusal).toBe('guard-failed');
    expect(decision.missing.map((m) => m.code).sort()).toEqual(
      broken.breaks.filter((g) => action.guards.includes(g)).sort(),
    );
    for (const m of decision.missing) {
      expect(renderMessage(m.message, 'en')).not.toMatch(/proposal\.|\{/);
      expect(renderMessage(m.message, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('is refused to everyone the workflow does not name', () => {
    for (const kind of ACTORS.filter((k) => !action.by.includes(k) && !(k === 'member' && action.by.length > 0))) {
      const actor: WorkflowActor =
        kind === 'maintainer'
          ? { login: 'm', roles: ['member'], maintainer: true }
          : { login: kind, roles: ['member', kind], maintainer: false };
      if (action.by.some((who) => who !== 'maintainer' && actor.roles.includes(who))) continue;
      const decision = decideAction(goodFacts(action), action.id, actor, input());
      expect(decision).toMatchObject({ ok: false, refusal: 'forbidden' });
    }
    expect(decideAction(goodFacts(action), action.id, null, input())).toMatchObject({
      ok: false,
      refusal: 'forbidden',
    });
  });

  it('cannot be taken from a stage it does not leave', () => {
    for (const stage of workflow.stages.filter((s) => !action.from.includes(s.id))) {
      const decision = decideAction({ ...goodFacts(action), stage: stage.id }, action.id, EVERYONE, input());
      expect(decision).toMatchObject({ ok: false, refusal: 'not-available' });
    }
  });
});

describe('refusals and effects', () => {
  const submit = workflow.actions.find((a) => a.id === 'submit')!;

  it('list every missing requirement of a submission at once, in both languages', () => {
    const facts: ProposalFacts = {
      ...goodFacts(submit),
      project: { name: 'acme/codec', level: 'incubating', gaps: 3 },
      iprStatement: false,
      implementations: 1,
      licence: null,
    };
    const decision = decideAction(facts, 'submit', EVERYONE, input(''));
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.missing.map((m) => m.code)).toEqual([
      'project-level',
      'licence-compatible',
      'ipr-statement',
      'implementations',
    ]);
    const incubating = levels.find((l) => l.id === 'incubating')!.name;
    const mature = levels.find((l) => l.id === 'mature')!.name;
    expect(renderMessage(decision.missing[0]!.message, 'en')).toBe(
      `the project's level is ${incubating.en}; this needs ${mature.en}: 3 gaps to close`,
    );
    expect(renderMessage(decision.missing[0]!.message, 'zh-CN')).toContain(`${incubating.zh}，需要达到${mature.zh}`);
    expect(decision.missing[0]!.link).toBe('/projects/acme/codec#gaps');
    expect(renderMessage(decision.message, 'en')).toBe('4 requirements are not met');
    expect(renderMessage(decision.missing[3]!.message, 'en')).toBe('1 implementation named; 2 are needed');
  });

  it('name the people who may act, in the reader language', () => {
    const decision = decideAction(
      goodFacts(submit),
      'submit',
      { login: 'x', roles: ['secretariat'], maintainer: false },
      input(),
    );
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(renderMessage(decision.message, 'en')).toBe('"Submit" may be taken only by a maintainer of the project');
    expect(renderMessage(decision.message, 'zh-CN')).toBe('“提交”只能由项目维护者执行');
  });

  it('say which actions a stage offers when another is asked for, and refuse unknown actions', () => {
    const wrong = decideAction({ ...goodFacts(submit), stage: 'public-comment' }, 'submit', EVERYONE, input());
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(renderMessage(wrong.message, 'zh-CN')).toContain('提案处于征求意见阶段');
    const unknown = decideAction(goodFacts(submit), 'approve-everything', EVERYONE, input());
    expect(unknown).toMatchObject({ ok: false, refusal: 'unknown-action' });
    if (!unknown.ok) expect(renderMessage(unknown.message, 'en')).toContain('submit, accept-for-review');
  });

  it('start a comment period of the configured days, end it when the stage is left early, and date a review', () => {
    const open = workflow.actions.find((a) => a.id === 'open-comment')!;
    const opened = decideAction(goodFacts(open), 'open-comment', EVERYONE, input());
    expect(opened).toMatchObject({
      ok: true,
      effects: [{ kind: 'start-period', period: 'comment', startedAt: NOW.toISOString(), endsAt: at(30) }],
    });
    const during: ProposalFacts = {
      ...goodFacts(open),
      stage: 'public-comment',
      period: { kind: 'comment', startedAt: at(-3), endsAt: at(27) },
    };
    expect(decideAction(during, 'withdraw', EVERYONE, input())).toMatchObject({
      ok: true,
      to: 'withdrawn',
      effects: [{ kind: 'end-period', period: 'comment', endedAt: NOW.toISOString() }],
    });
    const send = workflow.actions.find((a) => a.id === 'send-to-review')!;
    const ranOut = goodFacts(send);
    expect(decideAction(ranOut, 'send-to-review', EVERYONE, input())).toMatchObject({
      ok: true,
      effects: [{ kind: 'end-period', period: 'comment', endedAt: ranOut.period!.endsAt }],
    });
    const publish = workflow.actions.find((a) => a.id === 'publish')!;
    expect(decideAction(goodFacts(publish), 'publish', EVERYONE, input())).toMatchObject({
      ok: true,
      effects: [{ kind: 'published', at: NOW.toISOString(), reviewDueAt: '2031-06-15T08:00:00.000Z' }],
    });
  });

  it('show the same missing list before anyone clicks', () => {
    const during: ProposalFacts = {
      ...goodFacts(submit),
      stage: 'public-comment',
      period: { kind: 'comment', startedAt: at(-3), endsAt: at(27) },
      openComments: 2,
    };
    const offered = availableActions(during, { login: 'm', roles: ['member'], maintainer: true }, input(''));
    const send = offered.find((o) => o.action.id === 'send-to-review')!;
    expect(send.allowed).toBe(false);
    expect(send.missing.map((m) => m.code)).toEqual(['comment-period-over', 'comments-dispositioned']);
    expect(renderMessage(send.missing[0]!.message, 'en')).toBe(
      'the comment period is still open: 27 days left (until 2026-07-12)',
    );
    expect(offered.find((o) => o.action.id === 'withdraw')).toMatchObject({ allowed: true });
  });

  it('know every guard it can be given', () => {
    expect([...new Set(workflow.actions.flatMap((a) => a.guards))].sort()).toEqual([...GUARDS].sort());
  });
});
