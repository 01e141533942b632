import { Webhooks } from '@octokit/webhooks';

/** Checks `X-Hub-Signature-256` against the current secret and, during a rotation, the previous one. */
export type SignatureVerifier = (rawBody: string, signature256: string) => Promise<boolean>;

/** Builds the verifier over the configured secrets (current first), with @octokit/webhooks. */
export function createSignatureVerifier(secrets: readonly string[]): SignatureVerifier {
  // One verifier per secret: `Webhooks#verify` ignores `additionalSecrets` (only verifyAndReceive honours it).
  const verifiers = secrets.map((secret) => new Webhooks({ secret }));
  return async (rawBody, signature256) => {
    // Only sha256 is accepted: GitHub always sends it, and the legacy `sha1=` header is not proof enough.
    if (!/^sha256=[0-9a-f]{64}$/i.test(signature256)) return false;
    for (const webhooks of verifiers) {
      try {
        if (await webhooks.verify(rawBody, signature256)) return true;
      } catch {
        // An empty body cannot be verified: not a match.
      }
    }
    return false;
  };
}
