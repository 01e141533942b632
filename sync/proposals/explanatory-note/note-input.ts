// What the explanatory note (编制说明) of a revision is made from: plain data, every name already in the note's
// language except the messages (lint issues, evidence labels), which the generator renders itself.
import type { DraftManifest, LintIssue } from '../../../content/draft/draft-types.ts';
import type { Message } from '../../../kernel/i18n/message.ts';

/** The note's language: the draft's (Chinese), or English. */
export type NoteLang = 'zh' | 'en';

/** One event of the work so far: an action of the proposal's history or a generated revision. */
export interface NoteEvent {
  /** ISO 8601. */
  at: string;
  actor: string;
  kind: 'action' | 'revision';
  /** The action's name (or the revision's label, `MP-2026-001-00`). */
  name: string;
  /** Stage names before and after an action; null for a revision or for the creation. */
  from: string | null;
  to: string | null;
  comment: string;
}

/** One signal of the maturity result the note cites. */
export interface NoteSignal {
  title: string;
  status: 'pass' | 'fail' | 'not-applicable' | 'unknown';
  value: number | string | boolean | null;
  threshold: string | null;
  commit: string | null;
  /** Whether the level the project holds or the next one requires it. */
  required: boolean;
  evidence: { url: string; label: Message }[];
}

/** The project's maturity when the note was made. */
export interface NoteMaturity {
  /** The level's name in the note's language, or null before the first evaluation reached one. */
  level: string | null;
  nextLevel: string | null;
  evaluatedAt: string | null;
  commit: string | null;
  signals: NoteSignal[];
  /** What the next level still lacks. */
  gaps: { title: string; reason: Message | null }[];
}

/** Everything `generateNote` needs. */
export interface NoteInput {
  number: string;
  /** `-00`, `-01` … */
  label: string;
  title: { zh: string; en: string };
  /** The draft's name at the revision's stage (工作组讨论稿 …), or the stage's name. */
  draftName: string;
  project: string;
  scope: string;
  rationale: string;
  proposingUnit: string;
  draftingUnits: readonly string[];
  drafters: readonly string[];
  implementations: readonly { name: string; url?: string | undefined }[];
  iprStatement: string | null;
  events: readonly NoteEvent[];
  /** The draft's Markdown: its headings are the outline (the fixed chapters and generated annexes too). */
  draftMarkdown: string;
  manifest: Pick<DraftManifest, 'source' | 'clauses' | 'requirements'>;
  lint: readonly Pick<LintIssue, 'rule' | 'code' | 'params' | 'path' | 'line'>[];
  maturity: NoteMaturity | null;
  /** When the skeleton is made (the clock's now), ISO 8601. */
  generatedAt: string;
}
