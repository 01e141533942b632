import { Webhooks } from '@octokit/webhooks';

/** Checks `X-Hub-Signature-256` against the current secret and, during a rotation, the previous one. */
export type SignatureVerifier = (rawBody: string, signature256: string) => Promise<boolean>;

/** Builds the verifier over the configured secrets (current first), with @octokit/webhooks. */
export function createSignatureVerifier(secrets: readonly string[]): SignatureVerifier {
  const [current, ...previous] = secrets;
  if (current === undefined) return async () => false;
  const webhooks = new Webhooks({ secret: current, additionalSecrets: previous });
  return async (rawBody, signature256) => {
    // Only sha256 is accepted: GitHub always sends it, and the legacy `sha1=` header is not proof enough.
    if (!/^sha256=[0-9a-f]{64}$/i.test(signature256)) return false;
    try {
      return await webhooks.verify(rawBody, signature256);
    } catch {
      return false;
    }
  };
}
