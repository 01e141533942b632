import { r1, type Picture, type Shape } from './picture.ts';

/** Commits in one calendar month (`YYYY-MM`, UTC). */
export interface MonthCount {
  month: string;
  commits: number;
}

const WIDTH = 480;
const HEIGHT = 140;
const LEFT = 8;
const BOTTOM = 22;
const TOP = 18;

/** The `count` calendar months ending with the month of `now` (epoch ms), oldest first, as `YYYY-MM`. */
export function lastMonths(now: number, count: number): string[] {
  const d = new Date(now);
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1));
    months.push(m.toISOString().slice(0, 7));
  }
  return months;
}

/**
 * Commit activity over time: one bar per month of `months` (oldest first), months without commits at zero, the
 * busiest month's count written above the scale, the first and last month and each January labelled below.
 *
 *   [{2026-01: 3}, {2026-02: 0}, {2026-03: 6}]  →  three bars, the third twice the first
 */
export function activityBars(
  months: readonly string[],
  counts: readonly MonthCount[],
  words: { label: (total: number, from: string, to: string) => string; month: string; commits: string },
  formatMonth: (month: string) => string,
  formatNumber: (n: number) => string,
): Picture {
  const byMonth = new Map(counts.map((c) => [c.month, c.commits]));
  const values = months.map((m) => byMonth.get(m) ?? 0);
  const max = Math.max(1, ...values);
  const slot = (WIDTH - 2 * LEFT) / Math.max(1, months.length);
  const plot = HEIGHT - TOP - BOTTOM;
  const shapes: Shape[] = [
    { kind: 'line', x1: LEFT, y1: HEIGHT - BOTTOM, x2: WIDTH - LEFT, y2: HEIGHT - BOTTOM, cls: 'axis' },
    { kind: 'line', x1: LEFT, y1: TOP, x2: WIDTH - LEFT, y2: TOP, cls: 'grid' },
    { kind: 'text', x: LEFT, y: TOP - 5, text: formatNumber(max), anchor: 'start', cls: 'scale' },
  ];
  months.forEach((m, i) => {
    const v = values[i]!;
    const h = (v / max) * plot;
    const x = LEFT + i * slot;
    if (v > 0) {
      shapes.push({
        kind: 'rect',
        x: r1(x + slot * 0.15),
        y: r1(HEIGHT - BOTTOM - h),
        width: r1(slot * 0.7),
        height: r1(Math.max(h, 1)),
        cls: 'bar',
        title: `${formatMonth(m)}: ${formatNumber(v)}`,
      });
    }
    const labelled = i === 0 || i === months.length - 1 || (m.endsWith('-01') && i > 1 && i < months.length - 2);
    if (labelled) {
      const anchor = i === 0 ? 'start' : i === months.length - 1 ? 'end' : 'middle';
      const at = i === 0 ? x : i === months.length - 1 ? x + slot : x + slot / 2;
      shapes.push({ kind: 'text', x: r1(at), y: HEIGHT - 6, text: formatMonth(m), anchor, cls: 'tick' });
    }
  });
  const total = values.reduce((a, b) => a + b, 0);
  return {
    width: WIDTH,
    height: HEIGHT,
    label: words.label(total, formatMonth(months[0]!), formatMonth(months[months.length - 1]!)),
    shapes,
    table: {
      head: [words.month, words.commits],
      rows: months.map((m, i) => [formatMonth(m), formatNumber(values[i]!)]).filter((_r, i) => values[i]! > 0),
    },
  };
}
