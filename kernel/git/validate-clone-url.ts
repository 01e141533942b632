import path from 'node:path';
import { DomainError } from '../errors/domain-error.ts';
import { redactSecrets } from '../log/redact-secrets.ts';
import { ALLOWED_GIT_PROTOCOLS } from './git-environment.ts';

/** A clone URL that passed `validateCloneUrl`: a remote (https, http, ssh, git) or a repository on this machine. */
export interface CheckedCloneUrl {
  url: string;
  kind: 'remote' | 'local';
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const HELPER = /^[A-Za-z][A-Za-z0-9+.-]*::/;
const SCP_HOST = /^(?:([A-Za-z0-9._~-]+)@)?([A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])$/;
const CREDENTIAL_HINT =
  'remove it: give the GitHub token as GITHUB_TOKEN (used for the GitHub host without ever entering a URL), or configure a git credential helper for that host';

const refuse = (code: string, message: string): never => {
  throw new DomainError('invalid', code, message);
};

/**
 * The one check of a clone URL, applied where a URL enters (`project add`, the demo seed, webhooks) and again
 * before every git call that takes one (an old row may hold anything). Allows `https`, `http`, `ssh`, `git` and
 * `file` URLs, scp-like `git@host:path`, and local paths; refuses a leading `-` (git would read an option),
 * remote helpers (`ext::sh -c …`), control characters, and credentials (user info, query strings) in the URL.
 * With `cwd`, a relative local path is made absolute, so the stored URL means the same from any process.
 *
 * `git@github.com:acme/spec.git` → remote; `./spec.git` (cwd `/srv`) → `/srv/spec.git`, local
 */
export function validateCloneUrl(raw: string, options: { cwd?: string } = {}): CheckedCloneUrl {
  const url = raw.trim();
  const shown = JSON.stringify(redactSecrets(url).slice(0, 200));
  if (url === '') refuse('bad_clone_url', 'the clone URL is empty: give an https, ssh or file URL, or a local path');
  if (url.length > 2048) refuse('bad_clone_url', 'the clone URL is longer than 2048 characters: check it');
  if (/[\u0000-\u001f\u007f]/.test(url))
    refuse('bad_clone_url', `the clone URL ${shown} contains a control character (a line break?): retype it`);
  if (url.startsWith('-'))
    refuse('bad_clone_url', `the clone URL ${shown} starts with "-", which git would read as an option: give a URL`);
  if (HELPER.test(url))
    refuse(
      'bad_clone_url',
      `the clone URL ${shown} names a git remote helper ("…::"), which can run commands: give a URL (${allowed()}) or a local path`,
    );
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined) return checkUrl(url, scheme, shown);
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  // git's rule: a colon before any slash makes `[user@]host:path` an ssh address.
  if (colon > 0 && (slash === -1 || colon < slash)) return checkScp(url, colon, shown);
  const local = options.cwd && !path.isAbsolute(url) ? path.resolve(options.cwd, url) : url;
  return { url: local, kind: 'local' };
}

function checkUrl(url: string, scheme: string, shown: string): CheckedCloneUrl {
  if (!(ALLOWED_GIT_PROTOCOLS as readonly string[]).includes(scheme))
    refuse('bad_clone_url', `the clone URL ${shown} uses "${scheme}:", which is not allowed: use ${allowed()}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('bad_clone_url', `the clone URL ${shown} is not a valid URL: check it`);
  }
  // Shown without what the refusal is about, so the message itself never carries a secret.
  const bare = JSON.stringify(`${parsed.protocol}//${parsed.host}${parsed.pathname}`);
  if (parsed.password !== '' || (parsed.username !== '' && scheme !== 'ssh'))
    refuse(
      'credential_in_url',
      `the clone URL ${bare} carries a credential (a user name or password): ${CREDENTIAL_HINT}`,
    );
  if (parsed.search !== '' || parsed.hash !== '' || url.includes('?'))
    refuse(
      'credential_in_url',
      `the clone URL ${bare} has a query string or fragment (where tokens such as access_token hide): ${CREDENTIAL_HINT}`,
    );
  if (scheme === 'file') return { url, kind: 'local' };
  if (parsed.hostname === '' || parsed.hostname.startsWith('-'))
    refuse('bad_clone_url', `the clone URL ${shown} has no valid host name: check it`);
  return { url, kind: 'remote' };
}

function checkScp(url: string, colon: number, shown: string): CheckedCloneUrl {
  const host = SCP_HOST.exec(url.slice(0, colon));
  const rest = url.slice(colon + 1);
  // `user:password@host:path` reads as host "user" with path "password@host:path": a password, refused as such.
  const at = rest.indexOf('@');
  if (at !== -1 && (rest.indexOf('/') === -1 || at < rest.indexOf('/')))
    refuse(
      'credential_in_url',
      `the clone URL for ${rest.slice(at + 1)} carries a credential (a password): ${CREDENTIAL_HINT}`,
    );
  if (!host || host[2]!.startsWith('-') || rest === '')
    refuse(
      'bad_clone_url',
      `the clone URL ${shown} is neither a URL nor a host:path address: give a URL (${allowed()}), git@host:owner/repo.git or a local path`,
    );
  return { url, kind: 'remote' };
}

const allowed = (): string => ALLOWED_GIT_PROTOCOLS.map((p) => `${p}://`).join(', ');
