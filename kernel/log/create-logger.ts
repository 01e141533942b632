import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

// Field paths that may carry credentials; pino replaces their values before anything is written.
const REDACT = [
  'token',
  'secret',
  'password',
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'headers["x-hub-signature"]',
  'headers["x-hub-signature-256"]',
  '*.token',
  '*.secret',
  '*.authorization',
  // The configuration and the environment it is read from, should either ever be logged (or ride on an error).
  'githubToken',
  'webhookSecrets',
  '*.githubToken',
  '*.webhookSecrets',
  '*.config.githubToken',
  '*.config.webhookSecrets',
  // Accounts: the OAuth app's secret, the session secret, and what a sign-in carries (GitHub's user token, the
  // PKCE verifier, CSRF tokens, session ids).
  'sessionSecret',
  '*.sessionSecret',
  '*.config.sessionSecret',
  'oauth.clientSecret',
  '*.oauth.clientSecret',
  '*.config.oauth.clientSecret',
  'clientSecret',
  '*.clientSecret',
  'access_token',
  '*.access_token',
  'accessToken',
  '*.accessToken',
  'githubUserToken',
  '*.githubUserToken',
  'code_verifier',
  'codeVerifier',
  'csrfToken',
  '*.csrfToken',
  'sessionId',
  '*.sessionId',
  // Notifications by e-mail: the SMTP URL carries its password.
  'smtpUrl',
  '*.smtpUrl',
  '*.mail.smtpUrl',
  '*.config.mail.smtpUrl',
  ...[
    'GITHUB_TOKEN',
    'GITHUB_WEBHOOK_SECRET',
    'GITHUB_WEBHOOK_SECRET_PREVIOUS',
    'MAGNOLIA_SESSION_SECRET',
    'GITHUB_OAUTH_CLIENT_SECRET',
    'MAGNOLIA_SMTP_URL',
  ].flatMap((name) => [name, `*.${name}`]),
];

/** Creates the structured (JSON) logger; tests pass a destination stream to capture and inspect the lines. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'magnolia' },
    redact: { paths: REDACT, censor: '***' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
