import type { Request } from 'express';
import type { Services } from '../../sync/create-services.ts';
import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';

/** The asker as the workflow sees them (roles narrowed by a token's scopes, as `/api/me` says), or null for a visitor. */
export function proposalActorOf(services: Pick<Services, 'accounts'>, req: Request): ProposalActor | null {
  const actor = req.auth?.actor;
  if (!actor) return null;
  const me = services.accounts.me(actor);
  return { login: me.login, roles: me.roles, maintainerOf: me.maintainerOf };
}
