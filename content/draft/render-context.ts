import type { Heading, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { SpecSection } from './build-outline.ts';
import type { DraftRecorder } from './draft-recorder.ts';
import type { DraftInput, DraftSourceFile } from './draft-types.ts';
import type { LeadIns } from './lead-ins.ts';
import type { OriginContext } from './origin-of-lines.ts';

/** What every part of the renderer shares while one draft is written. */
export interface RenderContext {
  input: DraftInput;
  L: LeadIns;
  zh: boolean;
  /** `--provenance annex`: clause-ID anchors in the body, origins in the annex and manifest only. */
  annexMode: boolean;
  /** The draft's blocks, in order. */
  out: RootContent[];
  recorder: DraftRecorder;
  origin: OriginContext;
  /** The draft heading each rendered spec section got (its text), and its clause-ID placeholder. */
  headings: Map<SpecSection, string>;
  headingIds: Map<SpecSection, string>;
  /** The clause-ID placeholder of each term entry of clause 3, by index. */
  termIds: string[];
  /** Links to rewrite once every heading has its number: the nodes, and where they were written. */
  linkJobs: { id: string; file: number; line: number; nodes: Nodes[] }[];
  fileOf: (index: number) => DraftSourceFile;
  /** The lines of a file (split once). */
  linesOf: (index: number) => readonly string[];
}

export const text = (value: string): PhrasingContent => ({ type: 'text', value });
export const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
export const heading = (depth: number, value: string): Heading => ({
  type: 'heading',
  depth: Math.min(6, depth) as Heading['depth'],
  children: [text(value)],
});
export const short = (sha: string): string => sha.slice(0, 7);
