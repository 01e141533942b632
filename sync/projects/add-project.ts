import { isMember } from '../../db/repositories/repository-queries.ts';
import { msg, type Message } from '../../kernel/i18n/message.ts';
import type { RepositoryLookup } from '../github/fetch-repository.ts';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { validateCloneUrl } from '../../kernel/git/validate-clone-url.ts';

export type { RepositoryLookup };

export interface AddProjectInput {
  fullName: string;
  /** Checked by `validateCloneUrl`; a relative local path is resolved from `cwd`. */
  cloneUrl?: string;
  domain?: string;
  /** Where a relative local `cloneUrl` is resolved from (the CLI's working directory). */
  cwd?: string;
}

export interface AddProjectDeps {
  store: Store;
  clock: Clock;
  lookup: (owner: string, repo: string) => Promise<RepositoryLookup>;
}

export interface AddedProject {
  id: number;
  fullName: string;
  /** True when GitHub's id was not known yet (offline, another forge): a provisional id is used until it is. */
  provisional: boolean;
  /** Why metadata is unknown, when it is. */
  unknownReason: Message | null;
  domainCreated: boolean;
  /** The clone URL as stored (checked, a local path made absolute), or null for the GitHub default. */
  cloneUrl: string | null;
  /** The removed member this registration revived, as it was (so `registerProject` can undo it), else null. */
  previous: RepositoryRow | null;
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
const DOMAIN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Splits and checks `owner/repo`. */
export function parseFullName(fullName: string): { owner: string; repo: string } {
  const match = NAME.exec(fullName.trim().replace(/\.git$/, ''));
  if (!match || match[2] === '.' || match[2] === '..') {
    throw new DomainError(
      'invalid',
      'bad_name',
      `"${fullName}" is not <owner>/<repo> (for example cloudtide/nimbus-placement)`,
    );
  }
  return { owner: match[1]!, repo: match[2]! };
}

/** True for a well-formed `owner/repo` (what may become part of a clone URL). */
export function isFullName(fullName: string): boolean {
  const match = NAME.exec(fullName);
  return match !== null && match[2] !== '.' && match[2] !== '..';
}

/**
 * Registers a member project, keyed by GitHub's numeric id when GitHub can be asked, else by a provisional id that
 * the first webhook or metadata refresh replaces. Does not fetch: `registerProject` registers and backfills as one
 * unit (mirror, then metadata); tests and the demo seed call this alone.
 */
export async function addProject(deps: AddProjectDeps, input: AddProjectInput): Promise<AddedProject> {
  const { store, clock } = deps;
  const { owner, repo } = parseFullName(input.fullName);
  if (input.domain !== undefined && !DOMAIN.test(input.domain)) {
    throw new DomainError(
      'invalid',
      'bad_domain',
      `--domain must be a slug like cloud-computing (got "${input.domain}")`,
    );
  }
  const cloneUrl = input.cloneUrl === undefined ? null : validateCloneUrl(input.cloneUrl, { cwd: input.cwd }).url;
  if (store.repositories.findMember(`${owner}/${repo}`)) {
    throw new DomainError('conflict', 'already_member', `${owner}/${repo} is already a member project`);
  }
  const found = await deps.lookup(owner, repo);
  if (found.kind === 'not-found' && input.cloneUrl === undefined) {
    throw new DomainError(
      'not-found',
      'not_on_github',
      `GitHub has no repository ${owner}/${repo}: check the name, or give --clone-url for a repository hosted elsewhere`,
    );
  }
  const at = isoNow(clock);
  return store.transaction(() => {
    const domainCreated = input.domain ? store.domains.ensure(input.domain) : false;
    const id = found.kind === 'found' ? found.id : store.repositories.nextProvisionalId();
    const existing = store.repositories.get(id);
    if (isMember(existing)) {
      throw new DomainError(
        'conflict',
        'already_member',
        `${existing.full_name} (the same GitHub repository) is already a member`,
      );
    }
    store.repositories.register({
      id,
      owner,
      name: repo,
      domain: input.domain ?? null,
      cloneUrl,
      registeredAt: at,
    });
    if (found.kind === 'found') {
      store.repositories.rename(id, found.facts.owner, found.facts.name, at);
      store.repositories.applyFacts(id, found.facts, at);
    } else {
      const reason = found.kind === 'unknown' ? found.reason : msg('github.not-on-github');
      store.repositories.setMetadataState(id, 'api', 'unknown', reason, at);
    }
    return {
      id,
      fullName: `${owner}/${repo}`,
      provisional: found.kind !== 'found',
      unknownReason: found.kind === 'unknown' ? found.reason : null,
      domainCreated,
      cloneUrl,
      previous: existing ?? null,
    };
  });
}
