// An instance signed in through the fake GitHub's OAuth app, with member projects registered directly (no mirror:
// these tests are about who may do what, not about git).
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

export interface AccountsFixture {
  app: TestInstance;
  fake: FakeGitHub;
  /** Repository ids by full name. */
  ids: Record<string, number>;
  close(): Promise<void>;
}

export const PEOPLE = {
  alice: { id: 101, login: 'alice', name: 'Alice Liddell' },
  bob: { id: 102, login: 'bob', name: 'Bob Builder' },
  carol: { id: 103, login: 'carol', name: 'Carol Owner' },
};

/** Starts the fake GitHub (alice maintains acme/widget, carol owns the bigorg organisation) and an instance. */
export async function startAccountsFixture(env: Record<string, string> = {}): Promise<AccountsFixture> {
  const fake = await startFakeGitHub();
  for (const person of Object.values(PEOPLE)) fake.oauth.addPerson(person);
  fake.oauth.setOrgMembership('alice', 'acme', 'member');
  fake.oauth.setPermission('acme/widget', 'alice', 'write', 'maintain');
  fake.oauth.setOrgMembership('bob', 'acme', 'member');
  fake.oauth.setPermission('acme/widget', 'bob', 'write', 'write');
  fake.oauth.setOrgMembership('carol', 'bigorg', 'admin');
  const app = await startTestInstance({
    env: {
      GITHUB_URL: fake.webUrl,
      GITHUB_API_URL: fake.apiUrl,
      GITHUB_OAUTH_CLIENT_ID: fake.oauth.clientId,
      GITHUB_OAUTH_CLIENT_SECRET: fake.oauth.clientSecret,
      // These tests sign in many times from one address; test/accounts/rate-limits.test.ts tests the limits.
      MAGNOLIA_RATE_LIMIT_SIGNIN: '1000',
      MAGNOLIA_RATE_LIMIT_WRITES: '1000',
      ...env,
    },
  });
  const ids: Record<string, number> = {};
  const at = new Date(app.clock.now()).toISOString();
  for (const [i, fullName] of ['acme/widget', 'acme/gadget', 'bigorg/thing'].entries()) {
    const [owner, name] = fullName.split('/') as [string, string];
    ids[fullName] = 9001 + i;
    app.store.repositories.register({ id: 9001 + i, owner, name, domain: null, cloneUrl: null, registeredAt: at });
  }
  return {
    app,
    fake,
    ids,
    async close() {
      await app.destroy();
      await fake.close();
    },
  };
}
