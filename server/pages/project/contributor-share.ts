import { r1, type Picture, type Shape } from '../pictures/picture.ts';

/** One person's commits in the window. */
export interface PersonShare {
  name: string;
  commits: number;
}

const WIDTH = 480;
const HEIGHT = 64;
const BAR_Y = 16;
const BAR_H = 26;
const SHOWN = 7;

/**
 * The contributor-share bar behind the absence factor: one segment per person (the seven most active, the rest
 * together), widths by share of the window's commits, and a mark at half. The people who together made half of
 * the commits (the absence factor: how many would have to leave for the project to stall) are drawn dark, the
 * others light; names are written in segments wide enough to hold them.
 *
 *   [A: 6, B: 3, C: 1]  →  A 60% dark (A alone made half: factor 1), B 30% and C 10% light
 */
export function contributorShare(
  people: readonly PersonShare[],
  words: {
    label: (factor: number, total: number, names: string) => string;
    others: (count: number) => string;
    person: string;
    commits: string;
    share: string;
  },
  formatNumber: (n: number) => string,
  formatPercent: (n: number) => string,
): Picture | null {
  const sorted = [...people].filter((p) => p.commits > 0).sort((a, b) => b.commits - a.commits);
  const total = sorted.reduce((s, p) => s + p.commits, 0);
  if (total === 0) return null;
  let covered = 0;
  let factor = 0;
  for (const p of sorted) {
    if (covered * 2 >= total) break;
    covered += p.commits;
    factor += 1;
  }
  const rest = sorted.slice(SHOWN);
  const segments = [
    ...sorted.slice(0, SHOWN).map((p, i) => ({ name: p.name, commits: p.commits, key: i < factor })),
    ...(rest.length > 0
      ? [{ name: words.others(rest.length), commits: rest.reduce((s, p) => s + p.commits, 0), key: false }]
      : []),
  ];
  const shapes: Shape[] = [];
  let x = 0;
  segments.forEach((s, i) => {
    const w = (s.commits / total) * WIDTH;
    shapes.push({
      kind: 'rect',
      x: r1(x),
      y: BAR_Y,
      width: r1(Math.max(w - 1, 0.5)),
      height: BAR_H,
      cls: s.key ? `share key share-${i % 2}` : `share rest share-${i % 2}`,
      title: `${s.name}: ${formatPercent(s.commits / total)}`,
    });
    // About 7 units per Latin character and 12 per CJK one at the stylesheet's size.
    const room = [...s.name].reduce((n, c) => n + (/[\u2E80-\uFFFF]/.test(c) ? 12 : 7), 0) + 8;
    if (w >= room) {
      shapes.push({
        kind: 'text',
        x: r1(x + w / 2),
        y: BAR_Y + BAR_H / 2 + 4,
        text: s.name,
        anchor: 'middle',
        cls: s.key ? 'share-label key' : 'share-label',
      });
    }
    x += w;
  });
  shapes.push({ kind: 'line', x1: WIDTH / 2, y1: BAR_Y - 6, x2: WIDTH / 2, y2: BAR_Y + BAR_H + 6, cls: 'half' });
  shapes.push({ kind: 'text', x: WIDTH / 2, y: BAR_Y - 8, text: '50%', anchor: 'middle', cls: 'scale' });
  const keyNames = sorted.slice(0, factor).map((p) => p.name);
  return {
    width: WIDTH,
    height: HEIGHT,
    label: words.label(factor, total, keyNames.join(', ')),
    shapes,
    table: {
      head: [words.person, words.commits, words.share],
      rows: segments.map((s) => [s.name, formatNumber(s.commits), formatPercent(s.commits / total)]),
    },
  };
}
