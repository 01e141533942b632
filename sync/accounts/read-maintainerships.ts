import type { Maintainership } from '../../db/users/maintainer-queries.ts';
import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import type { Store } from '../../db/store.ts';
import type { GitHubClient } from '../github/create-github-client.ts';
import {
  isMaintainerPermission,
  readOrgMemberships,
  readPermission,
  type RepositoryPermission,
} from '../github/read-user-access.ts';

/** At most this many permission reads per sign-in (README: Sign-in). */
export const PERMISSION_READS_PER_SIGN_IN = 100;
const CONCURRENCY = 4;

/** What a sign-in learnt of someone's maintainerships, and how many candidates were left unread. */
export interface MaintainershipReading {
  maintainerships: Maintainership[];
  read: number;
  skipped: number;
}

/** The maintainership a permission gives, if any. */
export function maintainershipOf(repositoryId: number, p: RepositoryPermission | null): Maintainership | null {
  if (!isMaintainerPermission(p)) return null;
  return { repositoryId, permission: p!.permission === 'admin' ? 'admin' : 'maintain', source: 'github' };
}

/**
 * Which member projects `login` maintains, read with their own GitHub token: owners of the owning organisation
 * count without a further call; otherwise the repository permission is read for the candidates (projects owned by
 * the login, by an organisation they belong to, or where they are a known collaborator or contributor), at most
 * PERMISSION_READS_PER_SIGN_IN of them.
 */
export async function readMaintainerships(
  store: Store,
  github: GitHubClient,
  login: string,
): Promise<MaintainershipReading> {
  const members = store.repositories.listMembers();
  const orgs = await readOrgMemberships(github);
  const owned = new Set(orgs.filter((o) => o.role === 'admin').map((o) => o.org.toLowerCase()));
  const belongs = new Set(orgs.map((o) => o.org.toLowerCase()));
  const known = new Set(store.maintainers.candidates(login));
  const me = login.toLowerCase();
  const found: Maintainership[] = [];
  const rank = (row: RepositoryRow): number => {
    const owner = row.owner.toLowerCase();
    if (owner === me) return 0;
    if (belongs.has(owner)) return 1;
    if (known.has(row.id)) return 2;
    return -1;
  };
  const candidates: RepositoryRow[] = [];
  for (const row of members) {
    if (owned.has(row.owner.toLowerCase())) found.push({ repositoryId: row.id, permission: 'owner', source: 'github' });
    else if (rank(row) >= 0) candidates.push(row);
  }
  candidates.sort((a, b) => rank(a) - rank(b));
  const toRead = candidates.slice(0, PERMISSION_READS_PER_SIGN_IN);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < toRead.length) {
      const row = toRead[next++]!;
      const m = maintainershipOf(row.id, await readPermission(github, row.owner, row.name, login));
      if (m) found.push(m);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, toRead.length) }, worker));
  return { maintainerships: found, read: toRead.length, skipped: candidates.length - toRead.length };
}
