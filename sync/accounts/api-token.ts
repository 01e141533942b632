import { createHash, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

const PREFIX = 'mgn_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// 43 base62 characters carry 256 bits; 6 more carry the CRC-32 of everything before them.
const RANDOM_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
const CURRENT = new RegExp(`^${PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);
// Tokens minted before checksums: `mgn_` + 32 random bytes in base64url.
const LEGACY = /^mgn_[A-Za-z0-9_-]{43}$/;

/** A freshly minted bearer token: shown once, only its hash is stored. */
export interface MintedToken {
  token: string;
  hash: string;
  /** The first characters, shown in listings to tell tokens apart. */
  prefix: string;
}

/** What the shape of a presented token says, before any lookup. */
export type TokenShape = 'current' | 'legacy' | 'bad-checksum' | 'not-a-token';

function base62(value: number, width: number): string {
  let out = '';
  for (let n = value; n > 0; n = Math.floor(n / 62)) out = BASE62[n % 62]! + out;
  return out.padStart(width, '0');
}

const checksumOf = (body: string): string => base62(crc32(body), CHECKSUM_LENGTH);

/**
 * Creates a bearer token in the shape secret scanners recognise: `mgn_`, 43 random base62 characters (256 bits),
 * then a 6-character base62 CRC-32 of the rest, so a mistyped or truncated token is told apart without a lookup.
 */
export function mintToken(): MintedToken {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i += 1) random += BASE62[randomInt(62)];
  const body = PREFIX + random;
  const token = body + checksumOf(body);
  return { token, hash: hashToken(token), prefix: token.slice(0, PREFIX.length + 8) };
}

/** Classifies a presented token: this version's shape (checksum verified), an older one, or neither. */
export function tokenShape(token: string): TokenShape {
  if (CURRENT.test(token)) {
    const body = token.slice(0, -CHECKSUM_LENGTH);
    return checksumOf(body) === token.slice(-CHECKSUM_LENGTH) ? 'current' : 'bad-checksum';
  }
  return LEGACY.test(token) ? 'legacy' : 'not-a-token';
}

/** The stored form of a token: SHA-256 (a token has 256 bits of entropy, so no slow hash is needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
