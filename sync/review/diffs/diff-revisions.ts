import type { DraftManifest, ManifestClause, ManifestRequirement } from '../../../content/draft/draft-types.ts';
import { diffWordParts } from './diff-word-parts.ts';
import { matchRequirements } from './match-requirements.ts';
import { outOfOrder } from './out-of-order.ts';
import {
  REVISION_DIFF_FORMAT,
  type ClausePlace,
  type DiffClause,
  type DiffSide,
  type EditedClause,
  type MovedClause,
  type RegisterEntry,
  type RegisterStrengthChange,
  type RenumberedHeading,
  type RevisionDiff,
  type StrengthChange,
} from './revision-diff.ts';
import { strengthDirection } from './strength-direction.ts';

/** What `diffRevisions` may be given besides the two manifests. */
export interface DiffRevisionsOptions {
  /**
   * The word segmenter of the word diffs (granularity `word`). Default: the platform's `Intl.Segmenter` for the later
   * draft's language; ICU finds Chinese words by dictionary whatever the locale, so a Chinese spec drafted in English
   * is still compared by words. Pass a polyfill to make the word breaks independent of the ICU of the day.
   */
  segmenter?: Intl.Segmenter | undefined;
}

const HEADING_KINDS = new Set(['clause', 'annex']);
const pathKey = (path: readonly string[] | undefined): string => (path ?? []).join('\u0001');

const place = (c: ManifestClause): ClausePlace => ({ number: c.number, headingPath: [...(c.headingPath ?? [])] });
const whole = (c: ManifestClause): DiffClause => ({
  id: c.id,
  kind: c.kind,
  title: c.title,
  text: c.text,
  ...place(c),
});
const side = (m: DraftManifest): DiffSide => ({
  commit: m.source.commit,
  date: m.date,
  clauses: m.clauses.length,
  requirements: m.requirements.length,
});

function byClause(requirements: readonly ManifestRequirement[]): Map<string, ManifestRequirement[]> {
  const map = new Map<string, ManifestRequirement[]>();
  for (const r of requirements) {
    const list = map.get(r.clauseId);
    if (list) list.push(r);
    else map.set(r.clauseId, [r]);
  }
  return map;
}

/**
 * Pairs each later clause with the earlier clause it was: the one its `previousId` names, else the one with its own
 * `id` (IDs are carried across revisions, so a revision two steps back still shares them). Each earlier clause is
 * taken once; `previousId` links are honoured first so that a reused ID never takes another clause's predecessor.
 */
function pairClauses(older: readonly ManifestClause[], newer: readonly ManifestClause[]): (number | undefined)[] {
  const olderAt = new Map<string, number>();
  older.forEach((c, i) => {
    if (!olderAt.has(c.id)) olderAt.set(c.id, i);
  });
  const taken = new Set<number>();
  const partner: (number | undefined)[] = newer.map(() => undefined);
  const claim = (j: number, id: string | null | undefined): void => {
    const i = id ? olderAt.get(id) : undefined;
    if (i === undefined || taken.has(i) || partner[j] !== undefined) return;
    taken.add(i);
    partner[j] = i;
  };
  newer.forEach((c, j) => claim(j, c.previousId));
  newer.forEach((c, j) => claim(j, c.id));
  return partner;
}

/**
 * The clause-keyed diff of two revisions of a draft, earlier to later: every clause found in both by ID is unchanged
 * (counted, and listed only as a renumbered heading when its number changed), moved (same text, under other headings
 * or out of its order among the clauses found in both), or edited (text changed, with a word diff; possibly moved
 * too); the others are added or removed. The requirements of each pair of clauses are paired by sentence
 * (`matchRequirements`) and a changed form is called out (`should` → `shall`, 宜 → 应 alike); the register diff lists
 * every requirement added, removed or changed in strength. A number that changed only because clauses before it
 * came or went is a renumbering, not a move. The result is plain JSON, stored with the later revision.
 *
 * Before: older [4.1 c-a "A peer should send."], newer [4.1 c-a "A peer shall send frames."]
 * After:  edited [c-a: = "A peer ", - "should", + "shall", = " send ", + "frames", = "."], strength should → shall
 */
export function diffRevisions(
  older: DraftManifest,
  newer: DraftManifest,
  options: DiffRevisionsOptions = {},
): RevisionDiff {
  const segmenter = options.segmenter ?? new Intl.Segmenter(newer.lang, { granularity: 'word' });
  const partner = pairClauses(older.clauses, newer.clauses);
  const matchedNewer = partner.flatMap((i, j) => (i === undefined ? [] : [j]));
  const shuffled = outOfOrder(matchedNewer.map((j) => partner[j]!));
  const olderRequirements = byClause(older.requirements);
  const newerRequirements = byClause(newer.requirements);
  const keptRequirements = new Set<ManifestRequirement>();
  const strength = new Map<ManifestRequirement, StrengthChange>();

  const diff: RevisionDiff = {
    format: REVISION_DIFF_FORMAT,
    from: side(older),
    to: side(newer),
    summary: {
      unchanged: 0,
      renumbered: 0,
      moved: 0,
      edited: 0,
      added: 0,
      removed: 0,
      requirementsAdded: 0,
      requirementsRemoved: 0,
      strengthChanged: 0,
    },
    edited: [],
    moved: [],
    added: [],
    removed: [],
    renumbered: [],
    requirements: { added: [], removed: [], strengthChanged: [] },
  };

  matchedNewer.forEach((j, k) => {
    const now = newer.clauses[j]!;
    const before = older.clauses[partner[j]!]!;
    const changes = strengthChanges(
      olderRequirements.get(before.id) ?? [],
      newerRequirements.get(now.id) ?? [],
      keptRequirements,
      strength,
    );
    const reasons: MovedClause['reasons'] = [];
    if (pathKey(before.headingPath) !== pathKey(now.headingPath)) reasons.push('heading-path');
    if (shuffled[k]) reasons.push('order');
    if (before.text !== now.text) {
      diff.edited.push({
        ...whole(now),
        previousId: before.id,
        from: place(before),
        previousTitle: before.title,
        moved: reasons.length > 0,
        parts: diffWordParts(before.text, now.text, segmenter),
        strengthChanges: changes,
      } satisfies EditedClause);
    } else if (reasons.length > 0) {
      diff.moved.push({ ...whole(now), previousId: before.id, from: place(before), reasons, strengthChanges: changes });
    } else {
      diff.summary.unchanged++;
      if (before.number !== now.number) {
        diff.summary.renumbered++;
        if (HEADING_KINDS.has(now.kind))
          diff.renumbered.push({
            id: now.id,
            kind: now.kind,
            title: now.title,
            from: before.number,
            to: now.number,
          } satisfies RenumberedHeading);
      }
    }
  });
  partner.forEach((i, j) => {
    if (i === undefined) diff.added.push(whole(newer.clauses[j]!));
  });
  const pairedOlder = new Set(partner);
  older.clauses.forEach((c, i) => {
    if (!pairedOlder.has(i)) diff.removed.push(whole(c));
  });

  const olderNumber = new Map(older.clauses.map((c) => [c.id, c.number]));
  const newerNumber = new Map(newer.clauses.map((c) => [c.id, c.number]));
  const entry = (r: ManifestRequirement, numbers: Map<string, string>): RegisterEntry => ({
    requirementId: r.id,
    clauseId: r.clauseId,
    clauseNumber: numbers.get(r.clauseId) ?? '',
    form: r.form,
    text: r.text,
  });
  for (const r of newer.requirements) {
    if (!keptRequirements.has(r)) diff.requirements.added.push(entry(r, newerNumber));
    const change = strength.get(r);
    if (change)
      diff.requirements.strengthChanged.push({
        ...change,
        clauseId: r.clauseId,
        clauseNumber: newerNumber.get(r.clauseId) ?? '',
      } satisfies RegisterStrengthChange);
  }
  for (const r of older.requirements)
    if (!keptRequirements.has(r)) diff.requirements.removed.push(entry(r, olderNumber));

  diff.summary.moved = diff.moved.length;
  diff.summary.edited = diff.edited.length;
  diff.summary.added = diff.added.length;
  diff.summary.removed = diff.removed.length;
  diff.summary.requirementsAdded = diff.requirements.added.length;
  diff.summary.requirementsRemoved = diff.requirements.removed.length;
  diff.summary.strengthChanged = diff.requirements.strengthChanged.length;
  return diff;
}

/**
 * The strength changes of one pair of clauses; records the requirements that found a partner in `kept` (both
 * sides) and each later requirement's change in `changed`, for the register diff.
 */
function strengthChanges(
  before: readonly ManifestRequirement[],
  now: readonly ManifestRequirement[],
  kept: Set<ManifestRequirement>,
  changed: Map<ManifestRequirement, StrengthChange>,
): StrengthChange[] {
  if (before.length === 0 && now.length === 0) return [];
  const changes: StrengthChange[] = [];
  for (const [i, j] of matchRequirements(before, now).pairs) {
    const from = before[i]!;
    const to = now[j]!;
    kept.add(from);
    kept.add(to);
    const direction = strengthDirection(from.form, to.form);
    if (!direction) continue;
    const change: StrengthChange = {
      from: from.form,
      to: to.form,
      direction,
      text: to.text,
      previousText: from.text,
      previousRequirementId: from.id,
      requirementId: to.id,
    };
    changes.push(change);
    changed.set(to, change);
  }
  return changes;
}
