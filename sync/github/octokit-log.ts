import type { Logger } from '../../kernel/log/create-logger.ts';
import { redactSecrets } from '../../kernel/log/redact-secrets.ts';

/** The logger shape Octokit calls. */
export interface OctokitLog {
  debug(message: string, ...extra: unknown[]): void;
  info(message: string, ...extra: unknown[]): void;
  warn(message: string, ...extra: unknown[]): void;
  error(message: string, ...extra: unknown[]): void;
}

// Octokit's request log reports every answer, including 304s and the 404s that are ordinary outcomes, as lines
// like "GET /repos/o/r - 304 with id X in 5ms": those belong at debug level, not among the warnings.
const REQUEST_LINE = /^[A-Z]+ \S+ - \d{3} with id /;

/**
 * Adapts pino to Octokit's logger. Only the message text is kept (Octokit passes request options, which may
 * carry headers, as extra arguments) and it is scrubbed of credentials, including `secrets` verbatim.
 */
export function octokitLog(log: Logger, secrets: readonly string[]): OctokitLog {
  const text = (message: unknown): string =>
    redactSecrets(message instanceof Error ? message.message : String(message), secrets);
  return {
    debug: (message) => log.debug({ component: 'github' }, text(message)),
    info: (message) => log.debug({ component: 'github' }, text(message)),
    warn: (message) => log.warn({ component: 'github' }, text(message)),
    error: (message) => {
      const line = text(message);
      if (REQUEST_LINE.test(line)) log.debug({ component: 'github' }, line);
      else log.warn({ component: 'github' }, line);
    },
  };
}
