import { r1, type Picture, type Shape } from '../pictures/picture.ts';

/** A release (or a version tag, when GitHub's releases are unknown) at a date. */
export interface TimelineRelease {
  name: string;
  /** ISO date-time. */
  at: string;
  prerelease: boolean;
}

const WIDTH = 480;
const HEIGHT = 70;
const PAD = 14;
const AXIS_Y = 40;

/**
 * The release timeline: a time axis from the first release (or `from`, e.g. the first commit) to `now`, a dot per
 * release (hollow for pre-releases), a tick and the year at each new year, the newest release named.
 *
 *   v1.0 (2025-01), v1.1 (2025-07), now 2026-01  →  dots at 0% and 50% of the axis, "v1.1" written by its dot
 */
export function releaseTimeline(
  releases: readonly TimelineRelease[],
  now: number,
  words: { label: (count: number, first: string, last: string) => string; release: string; date: string },
  formatDate: (iso: string) => string,
): Picture | null {
  const dated = releases
    .map((r) => ({ ...r, t: Date.parse(r.at) }))
    .filter((r) => Number.isFinite(r.t))
    // Tags made at one moment (a migration, an import) keep their version order: v0.9 before v0.10.
    .sort((a, b) => a.t - b.t || a.name.localeCompare(b.name, 'en', { numeric: true }));
  if (dated.length === 0) return null;
  const t0 = Math.min(dated[0]!.t, now - 86_400_000 * 30);
  const t1 = Math.max(now, dated[dated.length - 1]!.t);
  const x = (t: number) => PAD + ((t - t0) / Math.max(1, t1 - t0)) * (WIDTH - 2 * PAD);
  const shapes: Shape[] = [{ kind: 'line', x1: PAD, y1: AXIS_Y, x2: WIDTH - PAD, y2: AXIS_Y, cls: 'axis' }];
  for (let year = new Date(t0).getUTCFullYear() + 1; year <= new Date(t1).getUTCFullYear(); year++) {
    const at = x(Date.UTC(year, 0, 1));
    shapes.push({ kind: 'line', x1: r1(at), y1: AXIS_Y - 4, x2: r1(at), y2: AXIS_Y + 4, cls: 'axis' });
    shapes.push({ kind: 'text', x: r1(at), y: HEIGHT - 8, text: String(year), anchor: 'middle', cls: 'tick' });
  }
  for (const r of dated) {
    shapes.push({
      kind: 'circle',
      cx: r1(x(r.t)),
      cy: AXIS_Y,
      r: 5,
      cls: r.prerelease ? 'release pre' : 'release',
      title: `${r.name} · ${formatDate(r.at)}`,
    });
  }
  const newest = dated[dated.length - 1]!;
  const nx = x(newest.t);
  shapes.push({
    kind: 'text',
    x: r1(nx),
    y: AXIS_Y - 12,
    text: newest.name,
    anchor: nx > WIDTH - 80 ? 'end' : nx < 80 ? 'start' : 'middle',
    cls: 'release-label',
  });
  return {
    width: WIDTH,
    height: HEIGHT,
    label: words.label(dated.length, formatDate(dated[0]!.at), formatDate(newest.at)),
    shapes,
    table: {
      head: [words.release, words.date],
      rows: [...dated].reverse().map((r) => [r.name, formatDate(r.at)]),
    },
  };
}
