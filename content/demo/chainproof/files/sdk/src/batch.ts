import { createHash } from 'node:crypto';

/** Builds a batch root from credential digests (spec section 4.1). */
export function buildBatch(leaves: Buffer[]): Buffer {
  let level = [...leaves].sort(Buffer.compare);
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1];
      next.push(right ? createHash('sha256').update(Buffer.concat([level[i]!, right])).digest() : level[i]!);
    }
    level = next;
  }
  return level[0] ?? Buffer.alloc(32);
}
