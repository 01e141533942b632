/**
 * Transports git may use for a remote: `ext::` (runs a command), `fd::` and every other remote helper are never
 * allowed, whatever a repository's or the user's configuration says.
 */
export const ALLOWED_GIT_PROTOCOLS = ['https', 'http', 'ssh', 'git', 'file'] as const;

/**
 * The environment every git process runs with: minimal, non-interactive (never a credential prompt), C.UTF-8, no
 * system config; `extra` (credentials through GIT_CONFIG_*, for instance) goes on top. The transport allow-list
 * comes last so no caller can lift it: `GIT_ALLOW_PROTOCOL` is git's environment form of `protocol.allow=never`
 * plus `protocol.<name>.allow=always` for the listed ones (so `protocol.ext.allow` is never), and
 * `GIT_PROTOCOL_FROM_USER=0` keeps any "user" policy from trusting a URL a person typed.
 */
export function gitEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'C.UTF-8',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: 'echo',
    GIT_CONFIG_NOSYSTEM: '1',
    ...extra,
    GIT_ALLOW_PROTOCOL: ALLOWED_GIT_PROTOCOLS.join(':'),
    GIT_PROTOCOL_FROM_USER: '0',
  };
}
