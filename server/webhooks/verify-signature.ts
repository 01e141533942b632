import { createHmac, timingSafeEqual } from 'node:crypto';

// Only sha256 is accepted: GitHub always sends it, and the legacy `sha1=` header is not proof enough.
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** The digest an `X-Hub-Signature-256` header claims, or undefined when it is not `sha256=` and 64 hex digits. */
export function parseSignature(header: string | undefined): Buffer | undefined {
  const match = SIGNATURE.exec(header ?? '');
  return match ? Buffer.from(match[1]!, 'hex') : undefined;
}

/** HMAC-SHA256 of one body under each configured secret, fed chunk by chunk while the body arrives. */
export interface SignatureCheck {
  update(chunk: Uint8Array): void;
  /** True when the body so far matches the claimed digest under one of the secrets (constant-time compare). */
  matches(): boolean;
}

/**
 * Starts the check of a body against the digest its header claims, for the current secret and, during a rotation,
 * the previous one. Nothing of the body is kept: an unverified body costs only what the caller buffers.
 */
export function startSignatureCheck(secrets: readonly string[], claimed: Buffer): SignatureCheck {
  const hmacs = secrets.map((secret) => createHmac('sha256', secret));
  return {
    update(chunk) {
      for (const hmac of hmacs) hmac.update(chunk);
    },
    matches() {
      // Every digest is computed and compared, so the time taken does not say which secret matched.
      let matched = false;
      for (const hmac of hmacs) if (timingSafeEqual(hmac.digest(), claimed)) matched = true;
      return matched;
    },
  };
}

/** Checks a whole body against `X-Hub-Signature-256` (tools and tests; the route checks while streaming). */
export type SignatureVerifier = (rawBody: string | Uint8Array, signature256: string) => Promise<boolean>;

/** Builds the whole-body verifier over the configured secrets (current first). */
export function createSignatureVerifier(secrets: readonly string[]): SignatureVerifier {
  return async (rawBody, signature256) => {
    const claimed = parseSignature(signature256);
    if (!claimed) return false;
    const check = startSignatureCheck(secrets, claimed);
    check.update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody);
    return check.matches();
  };
}
