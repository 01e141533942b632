import type { DraftManifest, RequirementForm } from '../../../content/draft/draft-types.ts';
// The data of upstream drift: what goes in (the pinned manifest and each pinned file's change, read from git by the
// adapter) and what comes out (a plain JSON report, stored beside the revision). Lines are 1-based; the old side is
// the pinned commit, the new side the new head.

/** One hunk of `git diff -U0`: the old lines it replaces and the new lines that replace them. */
export interface DiffHunk {
  /** As in the hunk header: with a count of 0, the line after which the lines were inserted (or 0 at the top). */
  oldStart: number;
  oldCount: number;
  /** As in the hunk header: with a count of 0, the line after which the lines were removed. */
  newStart: number;
  newCount: number;
  /** The text of the removed lines (`oldCount` of them), without their line breaks. */
  oldLines: string[];
  /** The text of the added lines (`newCount` of them). */
  newLines: string[];
}

/** How a pinned source file changed between the pinned commit and the new head. */
export type SourceChange =
  | { status: 'unchanged'; path: string }
  | { status: 'deleted'; path: string; hunks: DiffHunk[] }
  | {
      status: 'modified' | 'renamed';
      /** The pinned path (as the manifest names it). */
      path: string;
      /** The path at the new head (the pinned path unless renamed). */
      newPath: string;
      /** Empty for a rename that kept the text. */
      hunks: DiffHunk[];
      /** The whole file at the pinned commit and at the new head: requirements are read in whole blocks. */
      oldText: string;
      newText: string;
    };

/** What `computeDrift` is given. */
export interface DriftInput {
  /** The manifest of the revision's draft, generated at `pinnedCommit`. */
  manifest: DraftManifest;
  pinnedCommit: string;
  headCommit: string;
  /** One change per pinned source file (a file left out counts as unchanged). */
  changes: readonly SourceChange[];
}

/** A pinned file that changed. */
export interface ChangedFile {
  path: string;
  status: 'modified' | 'renamed' | 'deleted';
  /** The path at the new head; null when deleted. */
  newPath: string | null;
  linesAdded: number;
  linesRemoved: number;
}

/** A clause of the pinned draft whose source lines the push changed. */
export interface TouchedClause {
  clauseId: string;
  number: string;
  title: string;
  path: string;
  /** The clause's old lines the change touched (within its origin; for an insertion, the line it went before). */
  startLine: number;
  endLine: number;
  /** `removed` when none of its text is left at the new head, `edited` otherwise. */
  change: 'edited' | 'removed';
}

/**
 * A requirement whose verbal form changed: strength changed (`from` and `to`), requirement removed (`to` null) or
 * requirement added (`from` null, no requirement ID yet).
 */
export interface StrengthChange {
  /** The pinned draft's requirement ID (`R-4.1-2`); null for a new requirement. */
  requirementId: string | null;
  /** The pinned draft's clause the requirement is in (for a new one: the clause at or before where it was written). */
  clauseId: string | null;
  from: RequirementForm | null;
  to: RequirementForm | null;
  /** The sentence as the pinned draft words it, and as a draft at the new head would. */
  oldText: string | null;
  newText: string | null;
}

/** What changed under a pinned draft: plain JSON, stored. */
export interface DriftReport {
  pinnedCommit: string;
  headCommit: string;
  /** False when no pinned file changed. */
  drifted: boolean;
  changedFiles: ChangedFile[];
  clauses: TouchedClause[];
  strengthChanges: StrengthChange[];
}
