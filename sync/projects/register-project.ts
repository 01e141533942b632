import { existsSync, rmSync } from 'node:fs';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../../kernel/clock.ts';
import { DomainError, isDomainError } from '../../kernel/errors/domain-error.ts';
import type { MetadataOutcome } from '../github/refresh-metadata.ts';
import type { MirrorOutcome } from '../mirror/sync-repository.ts';
import { addProject, type AddedProject, type AddProjectInput, type RepositoryLookup } from './add-project.ts';

export interface RegisterProjectDeps {
  store: Store;
  clock: Clock;
  lookup: (owner: string, repo: string) => Promise<RepositoryLookup>;
  /** The first mirror backfill (clone and index). */
  fetch: (repositoryId: number) => Promise<MirrorOutcome>;
  refreshMetadata: (repositoryId: number) => Promise<MetadataOutcome>;
  /** Told once the row exists, before the (long) clone starts. */
  onRegistered?: (added: AddedProject) => void;
}

/** A member registered and mirrored. */
export interface RegisteredProject {
  added: AddedProject;
  mirrored: MirrorOutcome;
  metadata: MetadataOutcome;
}

/**
 * Registers a member project and backfills its mirror as one unit: when the first clone (or its indexing) fails,
 * the registration is undone (the row deleted, or a revived removed member put back as it was; a domain it created
 * and a mirror folder it made removed) and the error says so and how to retry. Metadata is best effort: GitHub
 * being unreachable leaves the API facts unknown, never the project unregistered.
 */
export async function registerProject(deps: RegisterProjectDeps, input: AddProjectInput): Promise<RegisteredProject> {
  const { store } = deps;
  const added = await addProject(deps, input);
  const hadMirror = added.previous?.mirror_path ? existsSync(added.previous.mirror_path) : false;
  deps.onRegistered?.(added);
  let mirrored: MirrorOutcome;
  try {
    mirrored = await deps.fetch(added.id);
  } catch (error) {
    const mirrorPath = store.repositories.get(added.id)?.mirror_path ?? null;
    store.transaction(() => {
      if (added.previous) store.repositories.restore(added.previous);
      else store.repositories.purge(added.id);
      if (added.domainCreated && input.domain) store.domains.removeIfUnused(input.domain);
    });
    if (mirrorPath && !hadMirror) rmSync(mirrorPath, { recursive: true, force: true });
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    // The URL passed validation (it holds no credential), so the retry line may repeat it.
    const retry = ['npx magnolia project add', added.fullName]
      .concat(added.cloneUrl ? ['--clone-url', JSON.stringify(added.cloneUrl)] : [])
      .concat(input.domain ? ['--domain', input.domain] : [])
      .join(' ');
    throw new DomainError(
      isDomainError(error) ? error.kind : 'upstream',
      'first_backfill_failed',
      `${added.fullName} was not registered: the first mirror backfill failed, and nothing was kept (no project, no mirror). ${reason}. When fixed, run \`${retry}\` again`,
      { project: added.fullName },
    );
  }
  const metadata = await deps.refreshMetadata(added.id);
  return { added, mirrored, metadata };
}
