// Credentials that may sit inside text we log or show: userinfo in URLs (the authority runs to the last `@` before
// the path, so a raw `@` in a password is covered), token-like query parameters, GitHub token formats, and
// authorization values (bearer, token, basic).
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/'"<>]*@/gi;
const QUERY_SECRET =
  /([?&;](?:access_token|private_token|oauth_token|refresh_token|id_token|token|auth|password|passwd|pass|pwd|secret|client_secret|api_key|apikey|key|sig|signature|x-amz-signature|x-amz-credential)=)[^&#;\s'"<>]*/gi;
const GITHUB_TOKEN = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|mgn_[A-Za-z0-9_-]{20,})\b/g;
const AUTH_VALUE =
  /\b(authorization|bearer|token)(\s*[:=]?\s*)(?:bearer\s+|token\s+|basic\s+)?[A-Za-z0-9._~+/=-]{16,}/gi;

/**
 * Replaces credentials in free text with `***`.
 *
 * `https://x-access-token:ghs_abc@github.com/o/r.git` → `https://***@github.com/o/r.git`
 * `https://u:p@ss@host/r.git?access_token=abc` → `https://***@host/r.git?access_token=***`
 */
export function redactSecrets(text: string, extra: readonly string[] = []): string {
  let out = text
    .replace(URL_USERINFO, '$1***@')
    .replace(QUERY_SECRET, '$1***')
    .replace(GITHUB_TOKEN, '***')
    .replace(AUTH_VALUE, '$1$2***');
  for (const secret of extra) {
    if (secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}
