import type { DiffHunk } from './drift-report.ts';

/** Lines `start` to `end - 1` (1-based, half-open so an insertion point is an empty span). */
export interface LineSpan {
  start: number;
  end: number;
}

/** The old lines of a block of the pinned draft (a clause's origin) and whether text added next to it joins it. */
export interface BlockLines {
  /** First and last line, inclusive, as the manifest's origin has them. */
  startLine: number;
  endLine: number;
  /** False for a heading: a line written under it starts a new block. */
  joinable: boolean;
}

/** A stretch of the file that changed: whole blocks on the old side and the lines they became on the new side. */
export interface ChangeRegion {
  old: LineSpan;
  new: LineSpan;
  /** Indexes of the blocks in it, and for each the old lines the change touched (inclusive). */
  touched: Map<number, { startLine: number; endLine: number }>;
}

/** The old lines a hunk replaces; for an insertion, the empty span at the line it went before. */
export function oldSpan(hunk: DiffHunk): LineSpan {
  const start = hunk.oldCount > 0 ? hunk.oldStart : hunk.oldStart + 1;
  return { start, end: start + hunk.oldCount };
}

/** The new lines a hunk wrote; for a removal, the empty span where the lines were. */
export function newSpan(hunk: DiffHunk): LineSpan {
  const start = hunk.newCount > 0 ? hunk.newStart : hunk.newStart + 1;
  return { start, end: start + hunk.newCount };
}

const nonBlank = (line: string | undefined): boolean => line !== undefined && line.trim() !== '';

/**
 * The old lines of a block a hunk touches (inclusive), or undefined. Replaced lines touch the blocks they overlap.
 * Lines inserted inside a block touch it; inserted right after (before) a block with no blank line between, they
 * continue it (Markdown's lazy continuation), so they touch its last (first) line; otherwise they are a block of
 * their own.
 */
export function touchedLines(hunk: DiffHunk, block: BlockLines): { startLine: number; endLine: number } | undefined {
  const { start, end } = oldSpan(hunk);
  if (hunk.oldCount > 0) {
    const from = Math.max(start, block.startLine);
    const to = Math.min(end - 1, block.endLine);
    return from <= to ? { startLine: from, endLine: to } : undefined;
  }
  if (block.startLine < start && start <= block.endLine) return { startLine: start, endLine: start };
  if (!block.joinable) return undefined;
  if (block.endLine === start - 1 && nonBlank(hunk.newLines[0]))
    return { startLine: block.endLine, endLine: block.endLine };
  if (block.startLine === start && nonBlank(hunk.newLines[hunk.newLines.length - 1]))
    return { startLine: block.startLine, endLine: block.startLine };
  return undefined;
}

/**
 * Groups the hunks of one file into regions of whole blocks: each hunk grows to the blocks it touches, and regions
 * that overlap or meet are one. A region's new side is found by carrying its edges across its first and last hunk,
 * which never cut an edge. Hunks are in the order git writes them (by old line).
 *
 * Before: hunk 6→6 (one line of a paragraph on lines 5–7)   After: region old 5–7 → new 5–7, block touched at line 6
 */
export function changeRegions(hunks: readonly DiffHunk[], blocks: readonly BlockLines[]): ChangeRegion[] {
  const grown = hunks.map((hunk) => {
    const span = oldSpan(hunk);
    const touched = new Map<number, { startLine: number; endLine: number }>();
    blocks.forEach((block, index) => {
      const lines = touchedLines(hunk, block);
      if (!lines) return;
      touched.set(index, lines);
      span.start = Math.min(span.start, block.startLine);
      span.end = Math.max(span.end, block.endLine + 1);
    });
    return { hunk, span, touched };
  });
  const regions: { old: LineSpan; first: DiffHunk; last: DiffHunk; touched: ChangeRegion['touched'] }[] = [];
  for (const { hunk, span, touched } of grown) {
    const previous = regions[regions.length - 1];
    if (previous && span.start <= previous.old.end) {
      previous.old.end = Math.max(previous.old.end, span.end);
      previous.old.start = Math.min(previous.old.start, span.start);
      previous.last = hunk;
      for (const [index, lines] of touched) {
        const had = previous.touched.get(index);
        previous.touched.set(
          index,
          had
            ? { startLine: Math.min(had.startLine, lines.startLine), endLine: Math.max(had.endLine, lines.endLine) }
            : lines,
        );
      }
    } else regions.push({ old: { ...span }, first: hunk, last: hunk, touched });
  }
  return regions.map(({ old, first, last, touched }) => ({
    old,
    new: {
      start: newSpan(first).start - (oldSpan(first).start - old.start),
      end: newSpan(last).end + (old.end - oldSpan(last).end),
    },
    touched,
  }));
}

/**
 * The old line a new line stands for: across the hunks before it, shifted by what they added or removed; inside a
 * hunk, the first line that hunk replaced (or the line it was inserted before).
 */
export function oldLineOf(newLine: number, hunks: readonly DiffHunk[]): number {
  let shift = 0;
  for (const hunk of hunks) {
    const added = newSpan(hunk);
    if (newLine < added.start) break;
    if (newLine < added.end) return oldSpan(hunk).start;
    shift = added.end - oldSpan(hunk).end;
  }
  return newLine - shift;
}
