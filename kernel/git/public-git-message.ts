import { redactSecrets } from '../log/redact-secrets.ts';
import { LOCAL_REPOSITORY } from './public-clone-url.ts';

// An absolute path (or file:// URL, or ~/path) that starts a word: `'/srv/x.git'`, `-- /data/mirrors/a.git`. A URL's
// own path (`https://host/o/r`) follows a host, not a space or quote, so it is left alone.
const LOCAL_PATH = /(^|[\s'"`(=,;])(?:file:\/\/|~)?\/(?!\/)[^\s'"`),;]*/g;

/**
 * A git error message as a public page or API answer may show it: credentials redacted and every path on this
 * machine (the upstream's, the mirror's) replaced, so neither the data directory's layout nor a secret leaks.
 *
 * `fatal: '/srv/r.git' does not appear to be a git repository` → `fatal: 'local repository' does not appear to be …`
 */
export function publicGitMessage(message: string, secrets: readonly string[] = []): string {
  return redactSecrets(message, secrets).replace(LOCAL_PATH, `$1${LOCAL_REPOSITORY}`);
}
