import type { MissingRequirement } from './check-guard.ts';
import { mayTake, missingFor, type DecisionInput } from './decide-action.ts';
import type { ProposalFacts, WorkflowActor } from './proposal-facts.ts';
import type { ActionDefinition } from './workflow-schema.ts';

/** An action that leaves the proposal's stage, whether this actor may take it, and what is still missing. */
export interface AvailableAction {
  action: ActionDefinition;
  allowed: boolean;
  missing: MissingRequirement[];
}

/** Every action out of the current stage with its missing requirements: the list a page shows before a click. */
export function availableActions(
  facts: ProposalFacts,
  actor: WorkflowActor | null,
  input: DecisionInput,
): AvailableAction[] {
  return input.workflow.actions
    .filter((action) => action.from.includes(facts.stage))
    .map((action) => ({ action, allowed: mayTake(action, actor), missing: missingFor(action, facts, input) }));
}
