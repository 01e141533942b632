import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';
import type { TestInstance } from './test-instance.ts';

/** The demo's secretary, as the workflow's secretariat. */
export const SECRETARIAT: ProposalActor = { login: 'linqing-sec', roles: ['secretariat'], maintainerOf: [] };

/**
 * Takes a proposal from its submission to drafting as its maintainer and the secretariat would: submitted, accepted
 * for review, approved, and (the approval's waiting period passed on the instance's clock) drafting started.
 */
export function startDrafting(
  app: Pick<TestInstance, 'services' | 'clock'>,
  number: string,
  maintainer: ProposalActor,
) {
  for (const [actor, action, extra] of [
    [maintainer, 'submit', {}],
    [SECRETARIAT, 'accept-for-review', {}],
    [SECRETARIAT, 'approve-project', { decision: 'minutes 1' }],
  ] as const)
    app.services.proposals.act(number, { action, ...extra }, actor);
  app.clock.advance(6 * 86_400_000);
  app.services.proposals.act(number, { action: 'start-drafting' }, SECRETARIAT);
}
