import * as oauth from 'oauth4webapi';
import type { Config } from '../../kernel/config/read-config.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/** What the browser must bring back to finish a sign-in (kept sealed in a short-lived cookie). */
export interface OAuthTransaction {
  state: string;
  verifier: string;
  /** Where to go after signing in: a same-origin path. */
  next: string;
  /** Epoch ms the sign-in started. */
  startedAt: number;
}

/** The GitHub (or GitHub Enterprise Server) OAuth client: authorization code with `state` and PKCE S256. */
export interface GitHubOAuth {
  /** The authorize URL to send the browser to, and the transaction to keep until it comes back. */
  start(redirectUri: string, next: string, now: number): Promise<{ url: string; transaction: OAuthTransaction }>;
  /** Checks the callback against the transaction and trades the code for GitHub's user token. */
  finish(callback: URLSearchParams, transaction: OAuthTransaction, redirectUri: string): Promise<string>;
}

const TIMEOUT_MS = 10_000;

/**
 * Endpoints derive from GITHUB_URL (`/login/oauth/authorize`, `/login/oauth/access_token`), so GitHub Enterprise
 * Server works by setting it. GitHub answers a bad code with HTTP 200 and `{ "error": … }`: that is a refusal.
 */
export function createGitHubOAuth(
  config: Pick<Config, 'githubUrl'> & { oauth: NonNullable<Config['oauth']> },
): GitHubOAuth {
  const as: oauth.AuthorizationServer = {
    issuer: config.githubUrl,
    authorization_endpoint: `${config.githubUrl}/login/oauth/authorize`,
    token_endpoint: `${config.githubUrl}/login/oauth/access_token`,
  };
  const client: oauth.Client = { client_id: config.oauth.clientId };
  const clientAuth = oauth.ClientSecretPost(config.oauth.clientSecret);
  // An http GITHUB_URL is an explicit choice (a test's fake, a lab's Enterprise Server): allow what it says.
  const options = {
    [oauth.allowInsecureRequests]: config.githubUrl.startsWith('http:'),
    [oauth.customFetch]: (url: string, init: RequestInit) =>
      fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) }),
  };
  return {
    async start(redirectUri, next, now) {
      const verifier = oauth.generateRandomCodeVerifier();
      const state = oauth.generateRandomState();
      const url = new URL(as.authorization_endpoint!);
      url.searchParams.set('client_id', client.client_id);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', config.oauth.scope);
      url.searchParams.set('state', state);
      url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
      url.searchParams.set('code_challenge_method', 'S256');
      url.searchParams.set('allow_signup', 'false');
      return { url: url.href, transaction: { state, verifier, next, startedAt: now } };
    },
    async finish(callback, transaction, redirectUri) {
      let params: URLSearchParams;
      try {
        params = oauth.validateAuthResponse(as, client, callback, transaction.state);
      } catch (error) {
        if (error instanceof oauth.AuthorizationResponseError) {
          throw new DomainError(
            'forbidden',
            'oauth_denied',
            `GitHub did not authorise the sign-in (${error.error}${error.error_description ? `: ${error.error_description}` : ''}): sign in again and allow the app`,
            { githubError: error.error },
          );
        }
        throw new DomainError(
          'invalid',
          'oauth_state_mismatch',
          'this sign-in answer does not belong to the sign-in this browser started (state mismatch): start again from the sign-in page',
        );
      }
      let response: Response;
      try {
        response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          clientAuth,
          params,
          redirectUri,
          transaction.verifier,
          options,
        );
      } catch (error) {
        throw unreachable(error);
      }
      // GitHub's refusal comes as 200 with an `error` field (bad_verification_code, incorrect_client_credentials,
      // redirect_uri_mismatch): read it before the library looks for a token.
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') {
        const { error, error_description: description } = body as { error: string; error_description?: unknown };
        throw new DomainError(
          'unauthenticated',
          'oauth_code_rejected',
          `GitHub refused the sign-in (${error}${typeof description === 'string' ? `: ${description}` : ''}): start again from the sign-in page`,
          { githubError: error },
        );
      }
      try {
        const result = await oauth.processAuthorizationCodeResponse(as, client, response);
        return result.access_token;
      } catch {
        throw new DomainError(
          'upstream',
          'oauth_bad_answer',
          `GitHub's token endpoint answered ${response.status} without a token: check GITHUB_URL and the OAuth app, then sign in again`,
        );
      }
    },
  };
}

function unreachable(error: unknown): DomainError {
  const detail = error instanceof Error ? error.message : String(error);
  return new DomainError(
    'upstream',
    'oauth_unreachable',
    `GitHub's sign-in could not be reached (${detail}): check GITHUB_URL, or try again later`,
  );
}
