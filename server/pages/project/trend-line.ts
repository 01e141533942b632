import type { ObservationJson } from '../../../sync/maturity/maturity-json.ts';

/** An SVG polyline of a signal's history, in a fixed viewBox (the stylesheet sizes it). */
export interface TrendLine {
  width: number;
  height: number;
  points: string;
  last: { x: number; y: number };
}

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 3;

// Numbers plot as they are; booleans and non-numeric values plot their status (pass high, fail low).
const numeric = (o: ObservationJson): number => {
  if (typeof o.value === 'number' && Number.isFinite(o.value)) return o.value;
  if (typeof o.value === 'boolean') return o.value ? 1 : 0;
  return o.status === 'pass' ? 1 : 0;
};

/** The trend of observations in time order; null when there are fewer than two to draw a line between. */
export function trendLine(history: readonly ObservationJson[]): TrendLine | null {
  if (history.length < 2) return null;
  const times = history.map((o) => Date.parse(o.observedAt));
  const values = history.map(numeric);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const v0 = Math.min(...values);
  const v1 = Math.max(...values);
  const x = (t: number) => PAD + (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * (WIDTH - 2 * PAD));
  const y = (v: number) =>
    HEIGHT - PAD - (v1 === v0 ? (HEIGHT - 2 * PAD) / 2 : ((v - v0) / (v1 - v0)) * (HEIGHT - 2 * PAD));
  const coords = history.map((_, i) => ({
    x: Math.round(x(times[i]!) * 10) / 10,
    y: Math.round(y(values[i]!) * 10) / 10,
  }));
  return {
    width: WIDTH,
    height: HEIGHT,
    points: coords.map((c) => `${c.x},${c.y}`).join(' '),
    last: coords[coords.length - 1]!,
  };
}
