import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { GRANTED_ROLES } from './roles.ts';

const ACCOUNTS_FILE = fileURLToPath(new URL('../../content/demo/accounts.yml', import.meta.url));
const SEEDED = 'demo_accounts_seeded_at';
/** Set by the demo seed once the community is built (sync/demo/seed-demo-community.ts). */
export const DEMO_SEEDED = 'demo_seeded_at';

const schema = z.object({
  people: z.array(
    z.object({
      login: z.string().regex(/^[A-Za-z0-9-]+$/),
      name: z.string(),
      roles: z.array(z.enum(GRANTED_ROLES as unknown as ['reviewer', 'secretariat', 'admin'])).default([]),
      maintainerOf: z.array(z.string()).default([]),
    }),
  ),
});

/** A person the offline demo offers to sign in as. */
export type DemoPerson = z.infer<typeof schema>['people'][number];

/** The demo people of `content/demo/accounts.yml`. */
export function loadDemoPeople(file: string = ACCOUNTS_FILE): DemoPerson[] {
  return schema.parse(parse(readFileSync(file, 'utf8'))).people;
}

/**
 * Adds the demo people to a seeded demo instance, once: users marked as demo, their grants (by `demo`) and their
 * maintainerships (source `demo`, never re-read from GitHub). Returns how many were added (0 when done before or
 * when the demo community is not seeded).
 */
export function seedDemoAccounts(store: Store, clock: Clock, people: DemoPerson[] = loadDemoPeople()): number {
  if (store.settings.get(DEMO_SEEDED) === undefined || store.settings.get(SEEDED) !== undefined) return 0;
  const at = isoNow(clock);
  return store.transaction(() => {
    for (const person of people) {
      const row = store.users.ensure(person.login, at);
      store.users.markDemo(row.id);
      store.users.setName(row.id, person.name);
      for (const role of person.roles) store.roleGrants.grant(row.id, role, 'demo', at);
      for (const fullName of person.maintainerOf) {
        const repo = store.repositories.findMember(fullName);
        if (repo) store.maintainers.set(row.id, { repositoryId: repo.id, permission: 'demo', source: 'demo' }, at);
      }
    }
    store.settings.set(SEEDED, at);
    return people.length;
  });
}
