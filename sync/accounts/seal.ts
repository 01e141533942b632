import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Encrypts and authenticates small records at rest (session data, the sign-in transaction cookie). */
export interface Sealer {
  /** AES-256-GCM: 12-byte nonce, 16-byte tag, ciphertext; `context` is bound as associated data. */
  seal(plain: string, context: string): Buffer;
  /** The plain text, or undefined when the box was sealed under another key or context, or altered. */
  open(box: Buffer, context: string): string | undefined;
}

/**
 * A sealer whose key is derived from `secret` with HKDF-SHA-256 for one `purpose`, so the cookie-signing secret
 * itself never encrypts anything and each purpose has its own key.
 */
export function createSealer(secret: string, purpose: string): Sealer {
  const key = Buffer.from(hkdfSync('sha256', secret, 'magnolia', `magnolia ${purpose} v1`, 32));
  return {
    seal(plain, context) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([nonce, cipher.getAuthTag(), body]);
    },
    open(box, context) {
      if (box.length < 28) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, 12));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(box.subarray(12, 28));
        return Buffer.concat([decipher.update(box.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
