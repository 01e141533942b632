import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'mgn_';

/** A freshly minted bearer token: shown once, only its hash is stored. */
export interface MintedToken {
  token: string;
  hash: string;
  prefix: string;
}

/** Creates a random bearer token (`mgn_` + 32 bytes base64url). */
export function mintToken(): MintedToken {
  const token = PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) };
}

/** The stored form of a token: SHA-256 (a token has 256 bits of entropy, so no slow hash is needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
