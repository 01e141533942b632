import type { OrganisationRow } from '../../db/maturity/maturity-organisation-queries.ts';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { enqueueEvaluation } from './maturity-jobs.ts';

/** An organisation correction as the API shows it. */
export interface OrganisationJson {
  match: string;
  organisation: string;
  updatedAt: string;
  updatedBy: string | null;
}

/** What a change did: the correction, and the projects queued for re-evaluation. */
export interface OrganisationChange {
  correction: OrganisationJson | null;
  reevaluating: string[];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const DOMAIN = /^@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const LOGIN = /^[a-z0-9](?:[a-z0-9-]{0,38})$/i;

export function organisationJson(row: OrganisationRow): OrganisationJson {
  return { match: row.match, organisation: row.organisation, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** Checks that `match` is an email address, an @domain or a GitHub login; throws saying which forms work. */
export function checkMatch(match: string): string {
  const m = match.trim();
  if (EMAIL.test(m) || DOMAIN.test(m) || LOGIN.test(m)) return m;
  throw new DomainError(
    'invalid',
    'bad_organisation_match',
    `"${match}" is not an email address (li.na@example.com), an @domain (@example.com) or a GitHub login`,
  );
}

function reevaluate(store: Store, clock: Clock, match: string): string[] {
  const ids = store.maturity.organisations.affectedRepositories(match);
  for (const id of ids) enqueueEvaluation(store, clock, id);
  return ids.map((id) => store.repositories.get(id)!.full_name);
}

/**
 * Sets who belongs to which organisation (an administrator's correction of organisational diversity) and
 * queues a re-evaluation of every member project with a commit by someone it names, in one transaction.
 */
export function setOrganisation(
  store: Store,
  clock: Clock,
  input: { match: string; organisation: string; by: string | null },
): OrganisationChange {
  const match = checkMatch(input.match);
  const organisation = input.organisation.trim();
  if (organisation.length === 0 || organisation.length > 200)
    throw new DomainError('invalid', 'bad_organisation', 'name the organisation (1 to 200 characters)');
  return store.transaction(() => {
    store.maturity.organisations.set(match, organisation, isoNow(clock), input.by);
    return {
      correction: organisationJson(store.maturity.organisations.get(match)!),
      reevaluating: reevaluate(store, clock, match),
    };
  });
}

/** Removes a correction (the email domain and company field apply again) and re-evaluates those it named. */
export function removeOrganisation(store: Store, clock: Clock, match: string): OrganisationChange {
  return store.transaction(() => {
    if (!store.maturity.organisations.remove(match)) {
      throw new DomainError(
        'not-found',
        'organisation_not_found',
        `no organisation correction for "${match}": list them with GET /api/maturity/organisations`,
      );
    }
    return { correction: null, reevaluating: reevaluate(store, clock, match) };
  });
}
