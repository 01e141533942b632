import { z } from 'zod';
import { GUARDS } from './guard-names.ts';

const text = z
  .object({
    en: z.string().trim().min(1, 'needs an English text'),
    zh: z.string().trim().min(1, 'needs a Chinese text'),
  })
  .strict();
const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case words joined by "-"');

/** Who may take an action: a maintainer of the proposal's project, or a role of the portal. */
export const ACTORS = ['maintainer', 'member', 'reviewer', 'secretariat', 'admin'] as const;
export type ActorKind = (typeof ACTORS)[number];

/** Who holds the ball while a proposal is in a stage (for "needs my action" and the inbox). */
export const HOLDERS = ['maintainers', 'editors', 'secretariat', 'reviewers', 'none'] as const;
export type Holder = (typeof HOLDERS)[number];

const stageSchema = z
  .object({
    id,
    name: text,
    /** The name of a draft revision made in this stage (工作组讨论稿, 征求意见稿, …). */
    draftName: text.optional(),
    holder: z.enum(HOLDERS, { message: `holder must be one of ${HOLDERS.join(', ')}` }),
    waiting: text.optional(),
    final: z.boolean().optional(),
    /** Drafts of this stage are public: the static site publishes them (`magnolia site build`). */
    public: z.boolean().optional(),
  })
  .strict();

const actionSchema = z
  .object({
    id,
    name: text,
    from: z.array(id).min(1, 'an action starts from at least one stage'),
    to: id,
    by: z.array(z.enum(ACTORS, { message: `by lists who may act: ${ACTORS.join(', ')}` })).min(1, 'nobody may act'),
    guards: z.array(z.enum(GUARDS, { message: `guards are among: ${GUARDS.join(', ')}` })).default([]),
    starts: z.enum(['notice', 'comment']).optional(),
    records: z.array(z.enum(['decision'])).default([]),
  })
  .strict();

/**
 * The ballot's pass rule (技术审查投票): no open block, at least `minVoters` voters took part (any position but
 * recuse), and in favour (yes + no objection) at least `passRatio` of the panel less those who recused (and less
 * those who abstained unless `abstentionsCount`). Voters who did not vote stay in the denominator.
 */
const ballotRuleSchema = z
  .object({
    passRatio: z
      .number()
      .gt(0, 'passRatio is a fraction above 0 (0.75 for 3/4)')
      .max(1, 'passRatio is a fraction of at most 1 (0.75 for 3/4)'),
    minVoters: z.number().int().min(1, 'minVoters is a whole number of voters, 1 or more'),
    closeDays: z.number().int().min(1, 'closeDays is a whole number of days, 1 or more'),
    abstentionsCount: z.boolean().default(false),
  })
  .strict();

const settingsSchema = z
  .object({
    requiredLevel: id,
    noticeDays: z.number().int().min(0, 'noticeDays is a whole number of days, 0 or more'),
    commentDays: z.number().int().min(1, 'commentDays is a whole number of days, 1 or more'),
    minImplementations: z.number().int().min(0, 'minImplementations is a whole number, 0 or more'),
    reviewIntervalYears: z.number().int().min(1, 'reviewIntervalYears is a whole number of years, 1 or more'),
    compatibleLicences: z.array(z.string().min(1)).min(1, 'name at least one compatible licence (SPDX id)'),
    /** The ballot of the technical review; a file without it gets the default (3/4, 3 voters, 14 days). */
    ballot: ballotRuleSchema.default({ passRatio: 0.75, minVoters: 3, closeDays: 14, abstentionsCount: false }),
  })
  .strict();

/** A standards workflow as data: stages, the actions between them, their guards and the periods. */
export const workflowSchema = z
  .object({
    name: text,
    settings: settingsSchema,
    initial: id,
    /** Who may create a proposal, and what must hold for it (the proposal starts in `initial`). */
    create: z
      .object({
        by: z.array(z.enum(ACTORS, { message: `by lists who may act: ${ACTORS.join(', ')}` })).min(1, 'nobody may act'),
        guards: z.array(z.enum(GUARDS, { message: `guards are among: ${GUARDS.join(', ')}` })).default([]),
      })
      .strict(),
    /** Who may ask for a new draft revision, and in which stages (the text stays fixed in the others). */
    revise: z
      .object({
        by: z.array(z.enum(ACTORS, { message: `by lists who may act: ${ACTORS.join(', ')}` })).min(1, 'nobody may act'),
        in: z.array(id).min(1, 'name the stages in which revisions are made'),
      })
      .strict(),
    stages: z.array(stageSchema).min(2, 'a workflow needs at least two stages'),
    actions: z.array(actionSchema).min(1, 'a workflow needs at least one action'),
  })
  .strict()
  .superRefine((flow, ctx) => {
    const stages = new Set(flow.stages.map((s) => s.id));
    const known = [...stages].join(', ');
    for (const [list, what] of [
      [flow.stages, 'stages'],
      [flow.actions, 'actions'],
    ] as const) {
      const ids = list.map((x) => x.id);
      for (const dup of new Set(ids.filter((v, i) => ids.indexOf(v) !== i)))
        ctx.addIssue({ code: 'custom', path: [what], message: `${what} id "${dup}" is used twice` });
    }
    for (const stage of flow.revise.in)
      if (!stages.has(stage))
        ctx.addIssue({ code: 'custom', path: ['revise', 'in'], message: `"${stage}" is not among stages: ${known}` });
    if (!stages.has(flow.initial))
      ctx.addIssue({ code: 'custom', path: ['initial'], message: `"${flow.initial}" is not among stages: ${known}` });
    flow.actions.forEach((action, i) => {
      for (const from of action.from)
        if (!stages.has(from))
          ctx.addIssue({
            code: 'custom',
            path: ['actions', i, 'from'],
            message: `"${from}" is not among stages: ${known}`,
          });
      if (!stages.has(action.to))
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'to'],
          message: `"${action.to}" is not among stages: ${known}`,
        });
      const finals = action.from.filter((from) => flow.stages.find((s) => s.id === from)?.final === true);
      if (finals.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'from'],
          message: `"${finals.join('", "')}" is final: no action leaves it`,
        });
    });
    flow.stages.forEach((stage, i) => {
      const leaves = flow.actions.some((a) => a.from.includes(stage.id));
      if (stage.final !== true && !leaves)
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i],
          message: `no action leaves "${stage.id}": mark it final: true or add an action from it`,
        });
      if (stage.final !== true && stage.waiting === undefined)
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'waiting'], message: 'say what the stage waits for' });
    });
  });

export type Workflow = z.infer<typeof workflowSchema>;
export type StageDefinition = Workflow['stages'][number];
export type ActionDefinition = Workflow['actions'][number];
export type WorkflowSettings = Workflow['settings'];
export type BallotRule = WorkflowSettings['ballot'];
