import type { ProposalRow } from '../../db/proposals/proposal-queries.ts';
import type { Store } from '../../db/store.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/** A proposal's row by its number in any case (`mp-2026-001`), or the not-found refusal every service gives. */
export function findProposal(store: Pick<Store, 'proposals'>, number: string): ProposalRow {
  const row = store.proposals.get(number.toUpperCase());
  if (!row)
    throw new DomainError(
      'not-found',
      'proposal_not_found',
      `there is no proposal ${number}: see the list of proposals`,
      {
        number,
      },
    );
  return row;
}
