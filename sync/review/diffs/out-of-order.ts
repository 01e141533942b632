/**
 * Which entries of a sequence are out of order: those outside one longest increasing subsequence. Given the earlier
 * positions of the clauses found in both revisions, in the later order, it names the fewest clauses whose moving
 * explains the new order; the rest kept their order, whatever their numbers became. O(n log n).
 *
 * Before: [0, 1, 4, 2, 3]   After: [false, false, true, false, false]
 */
export function outOfOrder(sequence: readonly number[]): boolean[] {
  // tails[k]: index of the smallest last value of an increasing subsequence of length k + 1.
  const tails: number[] = [];
  const back: number[] = sequence.map(() => -1);
  sequence.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sequence[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out = sequence.map(() => true);
  for (let i = tails.at(-1) ?? -1; i !== -1; i = back[i]!) out[i] = false;
  return out;
}
