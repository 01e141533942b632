import { msg, type Message } from '../../../kernel/i18n/message.ts';
import { checkGuard, type GuardContext, type MissingRequirement } from './check-guard.ts';
import type { ProposalFacts, WorkflowActor } from './proposal-facts.ts';
import type { ActionDefinition, Workflow } from './workflow-schema.ts';

/** What taking an action changes besides the stage; the service writes them in the same transaction. */
export type WorkflowEffect =
  | { kind: 'start-period'; period: 'notice' | 'comment'; startedAt: string; endsAt: string }
  | { kind: 'end-period'; period: 'notice' | 'comment'; endedAt: string }
  | { kind: 'published'; at: string; reviewDueAt: string };

export type Refusal = 'unknown-action' | 'not-available' | 'forbidden' | 'guard-failed';

export type Decision =
  | { ok: true; action: ActionDefinition; from: string; to: string; effects: WorkflowEffect[] }
  | { ok: false; refusal: Refusal; message: Message; missing: MissingRequirement[] };

/** The inputs of a decision besides the proposal: the workflow, the maturity levels, the time, the comment. */
export interface DecisionInput extends Omit<GuardContext, 'settings'> {
  workflow: Workflow;
}

const DAY_MS = 86_400_000;

/** True when the actor is among those the action names. */
export function mayTake(action: Pick<ActionDefinition, 'by'>, actor: WorkflowActor | null): boolean {
  if (actor === null) return false;
  return action.by.some((who) =>
    who === 'maintainer' ? actor.maintainer : who === 'member' ? true : actor.roles.includes(who),
  );
}

/** Every guard of an action that does not hold, in the workflow file's order. */
export function missingFor(
  action: Pick<ActionDefinition, 'guards'>,
  facts: ProposalFacts,
  input: DecisionInput,
): MissingRequirement[] {
  const ctx: GuardContext = { ...input, settings: input.workflow.settings };
  return action.guards.flatMap((guard) => checkGuard(guard, facts, ctx) ?? []);
}

/**
 * The pure state machine: (proposal, action, actor, now) → the new stage and its effects, or a refusal. A refusal
 * for failed guards lists every missing requirement at once, so the proposer can fix them all in one go.
 */
export function decideAction(
  facts: ProposalFacts,
  actionId: string,
  actor: WorkflowActor | null,
  input: DecisionInput,
): Decision {
  const { workflow, now } = input;
  const action = workflow.actions.find((a) => a.id === actionId);
  if (action === undefined) {
    const known = workflow.actions.map((a) => a.id).join(', ');
    return refuse('unknown-action', msg('proposal.refusal.unknown-action', { action: actionId, known }));
  }
  if (!action.from.includes(facts.stage)) {
    const here = workflow.actions.filter((a) => a.from.includes(facts.stage)).map((a) => local(a.name));
    const stage = workflow.stages.find((s) => s.id === facts.stage);
    return refuse(
      'not-available',
      msg('proposal.refusal.not-available', {
        action: local(action.name),
        stage: stage ? local(stage.name) : facts.stage,
        available: here.length > 0 ? listOf(here) : msg('proposal.refusal.none'),
      }),
    );
  }
  if (!mayTake(action, actor)) {
    const who = listOf(action.by.map((kind) => msg(`proposal.actor.${kind}`)));
    return refuse('forbidden', msg('proposal.refusal.forbidden', { action: local(action.name), who }));
  }
  const missing = missingFor(action, facts, input);
  if (missing.length > 0) {
    return {
      ok: false,
      refusal: 'guard-failed',
      message: msg('proposal.refusal.guards', { count: missing.length }),
      missing,
    };
  }
  const at = now.toISOString();
  const effects: WorkflowEffect[] = [];
  // A period belongs to the stage it was started into, and every action leaves its stage: the period ends now, or
  // when it ran out if that was earlier.
  const period = facts.period;
  if (period !== null)
    effects.push({
      kind: 'end-period',
      period: period.kind,
      endedAt: Date.parse(period.endsAt) > now.getTime() ? at : period.endsAt,
    });
  if (action.starts !== undefined) {
    const days = action.starts === 'notice' ? workflow.settings.noticeDays : workflow.settings.commentDays;
    const endsAt = new Date(now.getTime() + days * DAY_MS).toISOString();
    effects.push({ kind: 'start-period', period: action.starts, startedAt: at, endsAt });
  }
  if (action.to === 'published') {
    const due = new Date(now.getTime());
    due.setUTCFullYear(due.getUTCFullYear() + workflow.settings.reviewIntervalYears);
    effects.push({ kind: 'published', at, reviewDueAt: due.toISOString() });
  }
  return { ok: true, action, from: facts.stage, to: action.to, effects };
}

const local = (text: { en: string; zh: string }): Message => msg('local', { en: text.en, zh: text.zh });
const listOf = (items: Message[]): Message => msg('list', Object.fromEntries(items.map((m, i) => [String(i), m])));

function refuse(refusal: Refusal, message: Message): Decision {
  return { ok: false, refusal, message, missing: [] };
}
