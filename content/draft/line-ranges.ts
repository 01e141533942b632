/** A run of source lines, 1-based and inclusive. */
export type LineRange = [number, number];

/**
 * The line ranges a set of blocks occupies in one file: ranges that touch, or are apart only by blank lines, are
 * merged; anything else between them (a heading not in the draft, a block placed elsewhere) keeps them apart, so a
 * source note never claims lines of other blocks.
 *
 * Before: blocks at 3–4, 6, 9 with line 5 blank and 7–8 a dropped table of contents   After: [[3, 6], [9, 9]]
 */
export function lineRanges(
  blocks: readonly { startLine: number; endLine: number }[],
  lines: readonly string[],
): LineRange[] {
  const sorted = [...blocks].sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
  const ranges: LineRange[] = [];
  for (const { startLine, endLine } of sorted) {
    const last = ranges[ranges.length - 1];
    if (last) {
      let gapBlank = true;
      for (let line = last[1] + 1; line < startLine && gapBlank; line++)
        gapBlank = (lines[line - 1] ?? '').trim() === '';
      if (startLine <= last[1] + 1 || gapBlank) {
        last[1] = Math.max(last[1], endLine);
        continue;
      }
    }
    ranges.push([startLine, endLine]);
  }
  return ranges;
}

/** `3–6, 9` (`3–6、9` in Chinese) */
export function formatRanges(ranges: readonly LineRange[], separator = ', '): string {
  return ranges.map(([start, end]) => (start === end ? String(start) : `${start}–${end}`)).join(separator);
}
