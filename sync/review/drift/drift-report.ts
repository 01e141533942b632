import type { RequirementForm } from '../../../content/draft/draft-types.ts';

/** One pinned source file as it changed between the pinned commit and the new head. */
export interface SourceChange {
  path: string;
  status: 'modified' | 'deleted' | 'renamed';
  /** The file's path at the head, when it was renamed. */
  newPath: string | null;
  /** Hunks of `git diff -U0`: the old lines `[oldStart, oldStart + oldCount)` became the new lines given. */
  hunks: { oldStart: number; oldCount: number; removed: string[]; added: string[] }[];
}

/** A clause of the current revision whose source lines the push changed. */
export interface DriftedClause {
  clauseId: string;
  number: string;
  title: string;
  path: string;
  /** The clause's source lines (at the pinned commit) that changed. */
  lines: [number, number];
  /** `removed`: its file was deleted, or all its lines were. */
  change: 'edited' | 'removed';
}

/** A requirement whose verbal form changed upstream (a keyword of its source lines became another). */
export interface DriftStrengthChange {
  clauseId: string;
  number: string;
  from: RequirementForm;
  to: RequirementForm;
  /** The source line before and after. */
  before: string;
  after: string;
}

/** What changed upstream under a proposal's current revision: stored, shown on its page and by the API. */
export interface DriftReport {
  number: string;
  rev: number;
  pinnedCommit: string;
  headCommit: string;
  /** The branch compared with (the mirror's default branch). */
  branch: string;
  drifted: boolean;
  changedFiles: {
    path: string;
    status: SourceChange['status'];
    newPath: string | null;
    added: number;
    removed: number;
  }[];
  clauses: DriftedClause[];
  strengthChanges: DriftStrengthChange[];
  computedAt: string;
}
