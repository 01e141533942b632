import { r1, type Picture, type Shape } from '../pictures/picture.ts';

/** How many projects are at one level. */
export interface LevelCount {
  label: string;
  levelClass: string;
  count: number;
}

const WIDTH = 480;
const HEIGHT = 40;

/**
 * The level distribution as one stacked bar: a segment per level (lowest first, then "not evaluated"), widths by
 * share of the projects, each segment coloured by its level and carrying its count when wide enough.
 *
 *   Sandbox 3, Incubating 1, Mature 0  →  a 75% and a 25% segment
 */
export function levelDistribution(
  levels: readonly LevelCount[],
  words: { label: (parts: string) => string; level: string; projects: string },
  formatNumber: (n: number) => string,
): Picture {
  const total = levels.reduce((s, l) => s + l.count, 0);
  const shapes: Shape[] = [];
  let x = 0;
  for (const l of levels) {
    if (l.count === 0 || total === 0) continue;
    const w = (l.count / total) * WIDTH;
    shapes.push({
      kind: 'rect',
      x: r1(x),
      y: 4,
      width: r1(Math.max(w - 2, 1)),
      height: HEIGHT - 8,
      cls: `segment ${l.levelClass}`,
      title: `${l.label}: ${formatNumber(l.count)}`,
    });
    if (w >= 28) {
      shapes.push({
        kind: 'text',
        x: r1(x + w / 2),
        y: HEIGHT / 2 + 5,
        text: formatNumber(l.count),
        anchor: 'middle',
        cls: 'segment-label',
      });
    }
    x += w;
  }
  if (total === 0)
    shapes.push({ kind: 'rect', x: 0, y: 4, width: WIDTH, height: HEIGHT - 8, cls: 'segment level-none' });
  return {
    width: WIDTH,
    height: HEIGHT,
    label: words.label(levels.map((l) => `${l.label} ${formatNumber(l.count)}`).join(', ')),
    shapes,
    table: { head: [words.level, words.projects], rows: levels.map((l) => [l.label, formatNumber(l.count)]) },
  };
}
