/** A range of lines to mark, 1-based and inclusive. */
export interface MarkedLines {
  start: number;
  end: number;
}

const RANGE = /^L?(\d{1,7})(?:-L?(\d{1,7}))?$/;

/**
 * The lines `?lines=` asks the source view to mark (`10-20`, `L10-L20`, `10`), cut to the file's `count` lines;
 * undefined when absent, malformed or outside the file (the page then marks nothing).
 */
export function markedLines(value: unknown, count: number): MarkedLines | undefined {
  const found = typeof value === 'string' ? RANGE.exec(value.trim()) : null;
  if (!found) return undefined;
  const start = Number(found[1]);
  const end = Math.min(Number(found[2] ?? found[1]), count);
  return start >= 1 && start <= end ? { start, end } : undefined;
}
