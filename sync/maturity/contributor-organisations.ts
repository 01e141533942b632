import type { Store } from '../../db/store.ts';
import { loginFromNoreply, organisationOf } from './facts/organisation-of.ts';
import { isBotIdentity } from './signals/signal-helpers.ts';

/** A person who committed to a member project, and the organisation the diversity signal counts them under. */
export interface ContributorOrganisationJson {
  email: string;
  name: string;
  login: string | null;
  commits: number;
  projects: string[];
  organisation: string;
}

const YEAR_S = 365 * 86_400;

/**
 * The people behind the last year's commits (bots left out) with the organisation each counts for, as
 * `people.org-diversity` decides it, so an administrator sees what to correct.
 */
export function contributorOrganisations(store: Store, now: number, limit = 500): ContributorOrganisationJson[] {
  const authors = store.maturity.organisations
    .contributors(Math.floor(now / 1000) - YEAR_S, limit)
    .filter((a) => !isBotIdentity(a.email) && !isBotIdentity(a.name));
  const noreply = authors.map((a) => [a.email, loginFromNoreply(a.email)] as const);
  const profiles = store.maturity.inputs.people(
    authors.map((a) => a.email),
    noreply.flatMap(([, l]) => (l ? [l] : [])),
  );
  const overrides = store.maturity.organisations.list();
  return authors.map((a, i) => {
    const login = noreply[i]![1];
    const profile =
      profiles.find((p) => p.email?.toLowerCase() === a.email) ??
      (login ? profiles.find((p) => p.login.toLowerCase() === login.toLowerCase()) : undefined);
    const hint = profile ? { login: profile.login, company: profile.company } : undefined;
    return {
      email: a.email,
      name: a.name,
      login: profile?.login ?? login,
      commits: a.commits,
      projects: a.projects.split(','),
      organisation: organisationOf(a.email, { profile: hint, overrides }),
    };
  });
}
