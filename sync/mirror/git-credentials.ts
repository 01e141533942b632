/**
 * Environment that gives git the GitHub token for clone URLs on the configured GitHub host, through
 * `GIT_CONFIG_*` variables: the token is never in a URL or an argument, so it cannot reach a log, `ps`,
 * or an error message.
 */
export function gitCredentialEnv(
  cloneUrl: string,
  githubUrl: string,
  token: string | undefined,
): Record<string, string> {
  if (!token) return {};
  let clone: URL;
  let github: URL;
  try {
    clone = new URL(cloneUrl);
    github = new URL(githubUrl);
  } catch {
    return {};
  }
  if (clone.protocol !== 'https:' || clone.host !== github.host) return {};
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${github.origin}/.extraheader`,
    GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
  };
}
