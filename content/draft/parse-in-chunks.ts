import type { Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { addDefinedLabel, guessDefinedLabels, sameLabels } from './collect-defined-labels.ts';
import { findSplitPoints } from './find-split-points.ts';
import type { DefinedLabels } from './remark-seed-definitions.ts';

/** Parses one piece of a file, knowing which labels the whole file defines. */
export type ParsePiece = (text: string, labels: DefinedLabels) => Root;

/** Line endings in `text[from, to)` as micromark counts them: CRLF, CR and LF are one each. */
function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) lines++;
  }
  return lines;
}

/** Index of the first point at or after `offset` (points are sorted). */
function firstAtOrAfter(points: readonly number[], offset: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (points[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Moves every position of a piece's tree to where the piece sits in the file (a piece starts at a line start,
 * so columns stay), collecting the labels it defines. Iterative: trees can be deep.
 */
function place(children: RootContent[], lines: number, offset: number, labels: DefinedLabels): void {
  const found = labels as { definitions: Set<string>; footnotes: Set<string> };
  const stack: Nodes[] = [...children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { position } = node;
    if (position) {
      node.position = {
        start: { ...position.start, line: position.start.line + lines, offset: (position.start.offset ?? 0) + offset },
        end: { ...position.end, line: position.end.line + lines, offset: (position.end.offset ?? 0) + offset },
      };
    }
    addDefinedLabel(node, found);
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

/** One pass over the file with the given labels; returns the tree and the labels its definitions really define. */
function parsePass(
  text: string,
  chunkChars: number,
  labels: DefinedLabels,
  parse: ParsePiece,
): { tree: Root; found: DefinedLabels } {
  const points = findSplitPoints(text);
  const children: RootContent[] = [];
  const found: DefinedLabels = { definitions: new Set(), footnotes: new Set() };
  const keep = (nodes: RootContent[], line: number, offset: number): void => {
    place(nodes, line, offset, found);
    for (const node of nodes) children.push(node);
  };
  let start = 0;
  let line = 0;
  let end: Point | undefined;
  while (start < text.length) {
    let size = chunkChars;
    for (;;) {
      const cut = points[firstAtOrAfter(points, start + size)] ?? text.length;
      const piece = text.slice(start, cut);
      const tree = parse(piece, labels);
      const last = tree.children[tree.children.length - 1];
      // A block still open at the cut (fenced code or raw HTML running past it) reaches into the blank line the
      // piece ends with; blocks that closed end before it.
      const lastLineStart =
        Math.max(piece.lastIndexOf('\n', piece.length - 2), piece.lastIndexOf('\r', piece.length - 3)) + 1;
      const open = cut < text.length && last !== undefined && (last.position?.end.offset ?? 0) >= lastLineStart;
      if (!open) {
        keep(tree.children, line, start);
        // The last piece ends where the file ends: its end point, moved like its nodes, is the file's.
        if (cut === text.length && tree.position) {
          const point = tree.position.end;
          end = { line: point.line + line, column: point.column, offset: (point.offset ?? 0) + start };
        }
        line += countLines(text, start, cut);
        start = cut;
        break;
      }
      // Keep the blocks before the open one; the next piece starts at the line the open block starts on. When
      // the open block starts the piece, take a piece twice the size (sizes double, so the work stays linear).
      const blockOffset = last.position?.start.offset ?? 0;
      const blockLine =
        Math.max(piece.lastIndexOf('\n', blockOffset - 1), piece.lastIndexOf('\r', blockOffset - 1)) + 1;
      if (blockLine === 0) {
        size *= 2;
        continue;
      }
      keep(tree.children.slice(0, -1), line, start);
      line += countLines(piece, 0, blockLine);
      start += blockLine;
      break;
    }
  }
  const tree: Root = { type: 'root', children };
  if (end) tree.position = { start: { line: 1, column: 1, offset: 0 }, end };
  return { tree, found };
}

/**
 * Parses a large Markdown file as a sequence of pieces of about `chunkChars` characters cut between top-level
 * blocks, giving the same tree (positions included) as one parse of the whole text. micromark spends time
 * quadratic in the length of a document (its document tokenizer re-copies all events whenever a list or block
 * quote closes), so pieces keep a parse linear. Definitions resolve across pieces: the labels the file defines
 * are guessed from its text first and checked against the parse, which is redone in the rare case they differ.
 */
export function parseInChunks(text: string, chunkChars: number, parse: ParsePiece): Root {
  const guessed = guessDefinedLabels(text);
  const first = parsePass(text, chunkChars, guessed, parse);
  if (sameLabels(guessed, first.found)) return first.tree;
  return parsePass(text, chunkChars, first.found, parse).tree;
}
