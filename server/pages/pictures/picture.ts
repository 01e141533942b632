/** One shape of a picture; `cls` names its look in the stylesheet (no inline styles: the CSP forbids them). */
export type Shape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; cls: string; title?: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; cls: string }
  | { kind: 'polyline'; points: string; cls: string }
  | { kind: 'circle'; cx: number; cy: number; r: number; cls: string; title?: string }
  | { kind: 'text'; x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end'; cls: string };

/** The same facts as the picture, as a table for screen readers and for anyone who prefers numbers. */
export interface PictureTable {
  head: string[];
  rows: string[][];
}

/**
 * A server-rendered SVG picture: its shapes in a fixed viewBox (the stylesheet scales it), a text alternative
 * that says what it shows, and a table view. `views/partials/picture.ejs` draws it; no script is needed.
 */
export interface Picture {
  width: number;
  height: number;
  /** The text alternative (`aria-label` and `<title>`): what the picture shows, in a sentence. */
  label: string;
  shapes: Shape[];
  table: PictureTable;
}

/** Rounds a coordinate to one decimal (shorter markup, same picture). */
export const r1 = (n: number): number => Math.round(n * 10) / 10;
