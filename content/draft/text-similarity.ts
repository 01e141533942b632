const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The words of a text for finding candidates: lower-case words, and each pair of Chinese characters.
 *
 * Before: `The peer MUST send 握手帧`   After: the, peer, must, send, 握手, 手帧
 */
export function wordTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []) {
    if (!CJK.test(word) || word.length === 1) tokens.push(word);
    else for (let i = 0; i + 1 < word.length; i++) tokens.push(word.slice(i, i + 2));
  }
  return tokens;
}

/**
 * The tokens texts are compared by: character trigrams of the text in lower case with white space folded, which
 * grade small edits in long and short texts alike, in any script ("Frames" and "Frame format" share some).
 *
 * Before: `Ab c`   After: ` ab`, `ab `, `b c`, ` c `
 */
export function similarityTokens(text: string): string[] {
  const squeezed = ` ${text.toLowerCase().replace(/\s+/g, ' ').trim()} `;
  const tokens: string[] = [];
  for (let i = 0; i + 3 <= squeezed.length; i++) tokens.push(squeezed.slice(i, i + 3));
  return tokens;
}

/**
 * Dice coefficient of two token lists counted as multisets: 1 for the same tokens, 0 for none in common.
 *
 * Before: (tokens of `A frame MUST NOT exceed 16 KiB.`, of `… 64 KiB.`)   After: ≈ 0.9
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const token of a) counts.set(token, (counts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of b) {
    const n = counts.get(token);
    if (n) {
      shared++;
      counts.set(token, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
