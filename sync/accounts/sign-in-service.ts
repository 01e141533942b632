import type { Store } from '../../db/store.ts';
import type { UserRow } from '../../db/users/user-queries.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { isLoopbackHost, type Config } from '../../kernel/config/read-config.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { createGitHubClient, type GitHubClient } from '../github/create-github-client.ts';
import { readPermission, readViewer, type GitHubViewer } from '../github/read-user-access.ts';
import { checkLogin } from './accounts-service.ts';
import { DEMO_SEEDED, loadDemoPeople, type DemoPerson } from './demo-accounts.ts';
import { createGitHubOAuth, type GitHubOAuth, type OAuthTransaction } from './github-oauth.ts';
import { maintainershipOf, readMaintainerships } from './read-maintainerships.ts';
import type { SessionsService } from './sessions-service.ts';

/** A maintainership older than this is read again from GitHub before a maintainer-only action. */
export const MAINTAINER_RECHECK_MS = 3_600_000;
/** A sign-in must come back from GitHub within this time. */
export const SIGN_IN_TIMEOUT_MS = 10 * 60_000;

/** Who signed in, and GitHub's user token to keep (sealed in the session) for later permission reads. */
export interface SignedIn {
  userId: number;
  githubToken?: string;
}

/** Signing in: with GitHub (or GitHub Enterprise Server) OAuth, or as a demo person offline. */
export interface SignInService {
  /** The OAuth client, when GITHUB_OAUTH_CLIENT_ID and GITHUB_OAUTH_CLIENT_SECRET are set. */
  readonly github: GitHubOAuth | undefined;
  /** Finishes a GitHub sign-in: who the token belongs to, their user row, and the projects they maintain. */
  finishGitHub(callback: URLSearchParams, transaction: OAuthTransaction, redirectUri: string): Promise<SignedIn>;
  /**
   * Whether this instance offers the demo sign-in: the demo community is seeded, OAuth is not configured, and the
   * portal listens (and is reached) on loopback only. The route also checks the request's own addresses.
   */
  demoAvailable(): boolean;
  demoPeople(): DemoPerson[];
  signInDemo(login: string): SignedIn;
  /**
   * Before a maintainer-only action: re-reads the maintainership of `repositoryId` from GitHub when it is older than
   * an hour (with the user's token from a live session, else the portal's token) and records what GitHub says.
   */
  recheckMaintainer(userId: number, repositoryId: number): Promise<void>;
}

export interface SignInDeps {
  store: Store;
  clock: Clock;
  config: Config;
  log: Logger;
  sessions: SessionsService;
  /** The portal's own REST client (GITHUB_TOKEN), the fallback for permission re-reads. */
  github: GitHubClient | undefined;
}

/** The sign-in service. */
export function createSignInService(deps: SignInDeps): SignInService {
  const { store, clock, config, log } = deps;
  const oauth = config.oauth ? createGitHubOAuth({ githubUrl: config.githubUrl, oauth: config.oauth }) : undefined;
  const userClient = (token: string): GitHubClient =>
    // No response cache: answers for one person's token must never serve another's.
    createGitHubClient({
      config: { githubApiUrl: config.githubApiUrl, githubToken: token },
      log,
      clock,
      retries: 1,
      timeoutMs: 10_000,
    });
  let people: DemoPerson[] | undefined;

  const linkUser = (viewer: GitHubViewer): UserRow => {
    const at = isoNow(clock);
    return store.transaction(() => {
      const byId = store.users.findByGitHubId(viewer.id);
      const byLogin = store.users.findByLogin(viewer.login);
      if (byLogin?.demo === 1)
        throw new DomainError(
          'conflict',
          'demo_login',
          `${viewer.login} is a person of the demo community on this instance: use an instance without the demo for real accounts`,
        );
      if (byId) {
        if (byLogin && byLogin.id !== byId.id)
          throw new DomainError(
            'conflict',
            'login_taken',
            `the login ${viewer.login} belongs to another account here (GitHub renamed someone): ask an administrator to remove the older account`,
          );
        return store.users.setIdentity(byId.id, { githubId: viewer.id, login: viewer.login, name: viewer.name });
      }
      if (byLogin && byLogin.github_id !== null && byLogin.github_id !== viewer.id)
        throw new DomainError(
          'conflict',
          'login_taken',
          `the login ${viewer.login} belonged to another GitHub account here: ask an administrator to remove the older account`,
        );
      const row = byLogin ?? store.users.ensure(viewer.login, at);
      return store.users.setIdentity(row.id, { githubId: viewer.id, login: viewer.login, name: viewer.name });
    });
  };

  return {
    github: oauth,
    async finishGitHub(callback, transaction, redirectUri) {
      if (!oauth) throw notConfigured();
      if (clock.now() - transaction.startedAt > SIGN_IN_TIMEOUT_MS)
        throw new DomainError('invalid', 'sign_in_expired', 'this sign-in took longer than 10 minutes: start again');
      const token = await oauth.finish(callback, transaction, redirectUri);
      const github = userClient(token);
      const viewer = await readViewer(github);
      checkLogin(viewer.login);
      const row = linkUser(viewer);
      const reading = await readMaintainerships(store, github, viewer.login);
      if (reading.skipped > 0)
        log.warn({ login: viewer.login, skipped: reading.skipped }, 'sign-in: permission reads capped');
      store.transaction(() => {
        store.maintainers.replace(row.id, reading.maintainerships, isoNow(clock));
        store.users.recordSignIn(row.id, isoNow(clock));
      });
      return { userId: row.id, githubToken: token };
    },
    demoAvailable() {
      if (config.oauth || store.settings.get(DEMO_SEEDED) === undefined) return false;
      if (!isLoopbackHost(config.host)) return false;
      return !config.baseUrlConfigured || isLoopbackHost(new URL(config.baseUrl).hostname);
    },
    demoPeople() {
      people ??= loadDemoPeople();
      return people.filter((p) => store.users.findByLogin(p.login)?.demo === 1);
    },
    signInDemo(login) {
      const row = store.users.findByLogin(login);
      if (!row || row.demo !== 1)
        throw new DomainError(
          'not-found',
          'demo_person_not_found',
          `${login} is not one of the demo people: pick one from the list`,
        );
      store.users.recordSignIn(row.id, isoNow(clock));
      return { userId: row.id };
    },
    async recheckMaintainer(userId, repositoryId) {
      const held = store.maintainers.get(userId, repositoryId);
      if (!held || held.source === 'demo') return;
      if (clock.now() - Date.parse(held.checked_at) < MAINTAINER_RECHECK_MS) return;
      const user = store.users.findById(userId)!;
      const repo = store.repositories.get(repositoryId)!;
      const token = deps.sessions.githubTokenOf(userId);
      const github = token ? userClient(token) : deps.github?.authenticated ? deps.github : undefined;
      if (!github)
        throw new DomainError(
          'forbidden',
          'maintainer_recheck_needed',
          `your maintainer permission on ${repo.full_name} was last read from GitHub at ${held.checked_at}, over an hour ago: sign in again so the portal can read it`,
          { project: repo.full_name },
        );
      const found = maintainershipOf(repositoryId, await readPermission(github, repo.owner, repo.name, user.login));
      // An organisation owner keeps the role while GitHub still gives them admin (owners have it on every repository).
      if (found)
        store.maintainers.set(
          userId,
          held.permission === 'owner' ? { ...found, permission: 'owner' } : found,
          isoNow(clock),
        );
      else {
        store.maintainers.remove(userId, repositoryId);
        log.info({ login: user.login, project: repo.full_name }, 'maintainer role lost: GitHub no longer gives it');
      }
    },
  };
}

function notConfigured(): DomainError {
  return new DomainError(
    'not-found',
    'oauth_not_configured',
    'sign-in with GitHub is not configured on this portal: an administrator sets GITHUB_OAUTH_CLIENT_ID and GITHUB_OAUTH_CLIENT_SECRET',
  );
}

export { notConfigured as oauthNotConfigured };
