import type { ClauseKind, RequirementForm } from '../../../content/draft/draft-types.ts';
// The clause-keyed diff between two draft revisions, as it is stored with the later revision: plain JSON only
// (strings, numbers, booleans, arrays), so that the diff page shows what was computed when the revision was made,
// never a recomputation under a later day's ICU word breaks.

/** Version of this shape, stored with it so a later reader can tell an old diff from a new one. */
export const REVISION_DIFF_FORMAT = 1;

/** Where a clause sits in one revision. */
export interface ClausePlace {
  /** Number of the clause it is in (`4.2`, `A.1`, `0` for the introduction). */
  number: string;
  /** Titles of the spec headings it sits under. */
  headingPath: string[];
}

/** A clause as the diff shows it whole (added, removed or moved). */
export interface DiffClause extends ClausePlace {
  id: string;
  kind: ClauseKind;
  title: string;
  /** Plain text as in the draft. */
  text: string;
}

/** One run of a word-level diff. Adjacent runs never share an `op`. */
export interface WordPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * How a requirement's form changed: `stronger` and `weaker` by the level of the verbal form (shall/shall not over
 * should/should not over may), `reversed` for the same level with the opposite polarity (shall → shall not).
 */
export type StrengthDirection = 'stronger' | 'weaker' | 'reversed';

/** A requirement of a clause whose form changed between the revisions. */
export interface StrengthChange {
  from: RequirementForm;
  to: RequirementForm;
  direction: StrengthDirection;
  /** The requirement's sentence in the later revision. */
  text: string;
  /** Its sentence in the earlier revision. */
  previousText: string;
  /** Its register IDs (`R-4.2-1`) in the earlier and the later revision. */
  previousRequirementId: string;
  requirementId: string;
}

/** A clause found in both revisions in another place (same text). */
export interface MovedClause extends DiffClause {
  /** The ID it had in the earlier revision (the same as `id` unless the later manifest says otherwise). */
  previousId: string;
  from: ClausePlace;
  /** Why it counts as moved: under other headings, and/or out of its order among the clauses found in both. */
  reasons: ('heading-path' | 'order')[];
  strengthChanges: StrengthChange[];
}

/** A clause whose text changed (and which may also have moved). */
export interface EditedClause extends DiffClause {
  previousId: string;
  from: ClausePlace;
  /** Its title in the earlier revision. */
  previousTitle: string;
  /** True when it also moved (other headings or out of order). */
  moved: boolean;
  /** The word-level diff of its text, earlier to later. */
  parts: WordPart[];
  strengthChanges: StrengthChange[];
}

/** A heading whose number changed only because clauses before it were added, removed or moved. */
export interface RenumberedHeading {
  id: string;
  kind: ClauseKind;
  title: string;
  from: string;
  to: string;
}

/** One requirement of the register, in the revision it is in. */
export interface RegisterEntry {
  requirementId: string;
  clauseId: string;
  clauseNumber: string;
  form: RequirementForm;
  text: string;
}

/** A requirement of the register whose form changed, with its clause in the later revision. */
export interface RegisterStrengthChange extends StrengthChange {
  clauseId: string;
  clauseNumber: string;
}

/** The requirements register, earlier to later. */
export interface RequirementsDiff {
  /** In the later revision's order. */
  added: RegisterEntry[];
  /** In the earlier revision's order. */
  removed: RegisterEntry[];
  /** In the later revision's order. */
  strengthChanged: RegisterStrengthChange[];
}

/** Counts of every kind of change. */
export interface RevisionDiffSummary {
  /** Clauses found in both revisions with the same text in the same place (renumbered ones included). */
  unchanged: number;
  /** Of the unchanged clauses, those whose number changed. */
  renumbered: number;
  moved: number;
  edited: number;
  added: number;
  removed: number;
  requirementsAdded: number;
  requirementsRemoved: number;
  strengthChanged: number;
}

/** One revision as the diff names it. */
export interface DiffSide {
  commit: string;
  date: string;
  clauses: number;
  requirements: number;
}

/** The clause-keyed diff of two revisions of a draft. */
export interface RevisionDiff {
  format: typeof REVISION_DIFF_FORMAT;
  from: DiffSide;
  to: DiffSide;
  summary: RevisionDiffSummary;
  /** In the later revision's order. */
  edited: EditedClause[];
  /** In the later revision's order. */
  moved: MovedClause[];
  /** In the later revision's order. */
  added: DiffClause[];
  /** In the earlier revision's order. */
  removed: DiffClause[];
  /** Headings (clauses and annexes) only, in the later revision's order: their paragraphs follow them. */
  renumbered: RenumberedHeading[];
  requirements: RequirementsDiff;
}
