import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { SyncServices } from '../create-sync-services.ts';
import { parseFullName, type AddedProject, type AddProjectInput } from './add-project.ts';
import { registerProject, type RegisteredProject } from './register-project.ts';
import { projectJson, projectSummaryJson, type ProjectJson, type ProjectSummaryJson } from './project-json.ts';
import { domainJson, nameDomain, type DomainJson } from './name-domain.ts';

/** A member found by name: `current` is false when the name is a former one (renamed or transferred since). */
export interface ProjectLookup {
  row: RepositoryRow;
  current: boolean;
}

/** The member projects, for routes, pages, badges and the CLI. */
export interface ProjectsService {
  /** Every member as `GET /api/projects` lists it. */
  list(): ProjectSummaryJson[];
  /** Every member's row, by name. */
  members(): RepositoryRow[];
  /** A member by its name or a former name (case-insensitive); not-found says where the list is. */
  resolve(fullName: string): ProjectLookup;
  /** A member by its current name only (the CLI names projects as they are now). */
  member(fullName: string): RepositoryRow;
  /** Everything the API and the project page show of one member. */
  describe(row: RepositoryRow): ProjectJson;
  /**
   * Registers a member and backfills it as one unit (mirror, then metadata; a failed first clone leaves nothing),
   * then evaluates it, so its page never says "not evaluated". `onRegistered` hears of the row before the clone.
   */
  add(input: AddProjectInput, onRegistered?: (added: AddedProject) => void): Promise<RegisteredProject>;
  /** Every domain with its names. */
  domains(): DomainJson[];
  /** Names a domain in English and Chinese (refuses an unknown slug, an empty name, a Chinese name without Chinese). */
  nameDomain(slug: string, names: { en: unknown; zh: unknown }): DomainJson;
  /** Stops tracking a member (its history stays). */
  remove(fullName: string): RepositoryRow;
}

const notMember = (fullName: string) =>
  new DomainError('not-found', 'project_not_found', `${fullName} is not a member project: see the list of projects`, {
    project: fullName,
  });

/** The projects service over one store. */
export function createProjectsService(store: Store, clock: Clock, sync: SyncServices): ProjectsService {
  const member = (fullName: string): RepositoryRow => {
    const { owner, repo } = parseFullName(fullName);
    const row = store.repositories.findMember(`${owner}/${repo}`);
    if (!row) throw notMember(`${owner}/${repo}`);
    return row;
  };
  return {
    list: () =>
      store.repositories.listMembersWithHead().map((row) => projectSummaryJson(store, row, row.head_committed_at)),
    members: () => store.repositories.listMembers(),
    resolve(fullName) {
      const row = store.repositories.findMember(fullName);
      if (row) return { row, current: true };
      const moved = store.repositories.findByFormerName(fullName);
      if (moved) return { row: moved, current: false };
      throw notMember(fullName);
    },
    member,
    describe: (row) => projectJson(store, row),
    async add(input, onRegistered) {
      const registered = await registerProject(
        {
          store,
          clock,
          lookup: sync.lookup,
          fetch: sync.fetch,
          refreshMetadata: sync.refreshMetadata,
          onRegistered,
        },
        input,
      );
      await sync.maturity.evaluate(registered.added.id);
      return registered;
    },
    domains: () => store.domains.list().map(domainJson),
    nameDomain: (slug, names) => nameDomain(store, slug, names),
    remove(fullName) {
      const row = member(fullName);
      store.repositories.remove(row.id, isoNow(clock));
      return row;
    },
  };
}
