// Credentials that may sit inside text we log or show: userinfo in URLs, GitHub token formats, bearer values.
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi;
const GITHUB_TOKEN = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|mgn_[A-Za-z0-9_-]{20,})\b/g;
const AUTH_VALUE = /\b(authorization|bearer|token)(\s*[:=]?\s*)(?:bearer\s+|token\s+)?[A-Za-z0-9._~+/=-]{16,}/gi;

/**
 * Replaces credentials in free text with `***`.
 *
 * `https://x-access-token:ghs_abc@github.com/o/r.git` → `https://***@github.com/o/r.git`
 */
export function redactSecrets(text: string, extra: readonly string[] = []): string {
  let out = text.replace(URL_USERINFO, '$1***@').replace(GITHUB_TOKEN, '***').replace(AUTH_VALUE, '$1$2***');
  for (const secret of extra) {
    if (secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}
