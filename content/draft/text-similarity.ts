const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The tokens a text is compared by: lower-case words, each Chinese character pair, and for short texts (titles,
 * list items of a few words) character trigrams, which still tell "Frames" from "Frame format" apart by degree.
 *
 * Before: `The peer MUST send hello`   After: the, peer, must, send, hello
 */
export function similarityTokens(text: string): string[] {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  for (const word of lower.match(/[\p{L}\p{N}_]+/gu) ?? []) {
    if (!CJK.test(word)) tokens.push(word);
    else if (word.length === 1) tokens.push(word);
    else for (let i = 0; i + 1 < word.length; i++) tokens.push(word.slice(i, i + 2));
  }
  if (tokens.length < 6) {
    const squeezed = ` ${lower.replace(/\s+/g, ' ').trim()} `;
    for (let i = 0; i + 3 <= squeezed.length; i++) tokens.push(`#${squeezed.slice(i, i + 3)}`);
  }
  return tokens;
}

/**
 * Dice coefficient of two token lists counted as multisets: 1 for the same tokens, 0 for none in common.
 *
 * Before: (`a peer must send hello`, `a peer must send a hello frame`)   After: ≈ 0.83
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
