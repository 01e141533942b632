import type { DraftManifest, ManifestClause, ManifestRequirement } from '../../../content/draft/draft-types.ts';
import type { DeclaredKeywords } from '../../../content/draft/map-keywords.ts';
import { readKeywordDeclarations } from '../../../content/draft/read-keyword-declarations.ts';
import { similarity, similarityTokens } from '../../../content/draft/text-similarity.ts';
import { changeRegions, newSpan, oldLineOf, type BlockLines, type ChangeRegion } from './change-regions.ts';
import { detectRequirements, readLabels, type DetectedRequirement, type FileLabels } from './detect-requirements.ts';
import type {
  ChangedFile,
  DiffHunk,
  DriftInput,
  DriftReport,
  SourceChange,
  StrengthChange,
  TouchedClause,
} from './drift-report.ts';
import { maskForms, pairRequirements, SAME_REQUIREMENT } from './pair-requirements.ts';

// Roles whose keywords the draft reports and never registers as requirements.
const INFORMATIVE_ROLES = new Set(['informative-annex', 'introduction']);
const HEADINGS = new Set(['clause', 'annex']);

/** A detected sentence with the pinned clause it belongs to. */
interface Placed extends DetectedRequirement {
  clause: ManifestClause | undefined;
}

/** The keyword words the pinned draft read as declared: its `declared-keywords` lint issue lists them. */
function pinnedDeclarations(manifest: DraftManifest): Map<string, string> {
  const words = new Map<string, string>();
  const issue = manifest.lint.find((l) => l.rule === 'declared-keywords');
  const list = issue?.params.words;
  if (typeof list !== 'string') return words;
  for (const pair of list.split(', ')) {
    const at = pair.indexOf('/');
    if (at > 0) words.set(pair.slice(at + 1), pair.slice(0, at));
  }
  return words;
}

/** The pinned words, and (first declaration wins) any the changed files declare at the new head. */
function headDeclarations(pinned: DeclaredKeywords, changes: readonly SourceChange[]): DeclaredKeywords {
  const texts = changes.flatMap((c) => (c.status === 'modified' || c.status === 'renamed' ? [c.newText] : []));
  const found = readKeywordDeclarations(texts);
  if (!found) return pinned;
  const words = new Map(pinned);
  for (const [word, keyword] of found.words) if (!words.has(word)) words.set(word, keyword);
  return words;
}

/** The clause of a file a line is in (the innermost), or else the last one before it. */
function clauseAt(clauses: readonly ManifestClause[], line: number): ManifestClause | undefined {
  let before: ManifestClause | undefined;
  for (const clause of clauses) {
    if (clause.origin.startLine > line) break;
    before = clause;
  }
  const inside = clauses.filter((c) => c.origin.startLine <= line && line <= c.origin.endLine);
  return inside[inside.length - 1] ?? before;
}

/** The share of `part`'s tokens found in `whole` (as multisets): how much of a clause's text is still there. */
function coverage(part: readonly string[], whole: readonly string[]): number {
  if (part.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const t of whole) counts.set(t, (counts.get(t) ?? 0) + 1);
  let kept = 0;
  for (const t of part) {
    const n = counts.get(t);
    if (n) {
      kept++;
      counts.set(t, n - 1);
    }
  }
  return kept / part.length;
}

/** The pinned requirement an old sentence is: same clause and text, else the most alike in its clause. */
function requirementOf(
  sentence: Placed,
  requirementsOf: ReadonlyMap<string, ManifestRequirement[]>,
): ManifestRequirement | undefined {
  const candidates = sentence.clause ? (requirementsOf.get(sentence.clause.id) ?? []) : [];
  const exact = candidates.find((r) => r.text === sentence.text);
  if (exact) return exact;
  const tokens = similarityTokens(maskForms(sentence.text));
  let best: { r: ManifestRequirement; score: number } | undefined;
  for (const r of candidates) {
    const score = similarity(tokens, similarityTokens(maskForms(r.text)));
    if (score >= SAME_REQUIREMENT && (!best || score > best.score)) best = { r, score };
  }
  return best?.r;
}

/** What one changed region did to the requirements of its clauses. */
function regionStrengthChanges(
  region: ChangeRegion,
  change: { hunks: DiffHunk[]; oldLines: string[]; newLines: string[]; labels: { old: FileLabels; new: FileLabels } },
  clauses: readonly ManifestClause[],
  requirementsOf: ReadonlyMap<string, ManifestRequirement[]>,
  declared: { old: DeclaredKeywords; new: DeclaredKeywords },
): StrengthChange[] {
  const titleAt = (line: number): string => clauseAt(clauses, line)?.title ?? '';
  // A changed label changes the items it labels: the piece read on each side runs to the end of its list.
  const through = (span: { start: number; end: number }, labels: FileLabels): number => {
    let end = span.end;
    for (let line = span.start; line < span.end; line++) end = Math.max(end, (labels.labelledEnd(line) ?? 0) + 1);
    return end;
  };
  const oldEnd = through(region.old, change.labels.old);
  const newEnd = through(region.new, change.labels.new);
  const olds: Placed[] = detectRequirements(change.oldLines.slice(region.old.start - 1, oldEnd - 1).join('\n'), {
    firstLine: region.old.start,
    declared: declared.old,
    titleAt,
    labels: change.labels.old,
  }).map((r) => ({ ...r, clause: clauseAt(clauses, r.line) }));
  const news: Placed[] = detectRequirements(change.newLines.slice(region.new.start - 1, newEnd - 1).join('\n'), {
    firstLine: region.new.start,
    declared: declared.new,
    labels: change.labels.new,
    titleAt: (line) => titleAt(oldLineOf(line, change.hunks)),
  }).map((r) => ({ ...r, clause: clauseAt(clauses, oldLineOf(r.line, change.hunks)) }));
  // A clause whose keywords the pinned draft did not register (it stands in an informative part) registers none
  // at the new head either.
  const silent = new Set(olds.filter((o) => o.clause && !requirementsOf.has(o.clause.id)).map((o) => o.clause!.id));
  const counted = (r: Placed): boolean => !r.clause || !silent.has(r.clause.id);
  const changes: StrengthChange[] = [];
  for (const { before, after } of pairRequirements(olds.filter(counted), news.filter(counted))) {
    if (before?.form === after?.form) continue;
    const pinned = before ? requirementOf(before, requirementsOf) : undefined;
    changes.push({
      requirementId: pinned?.id ?? null,
      clauseId: pinned?.clauseId ?? before?.clause?.id ?? after?.clause?.id ?? null,
      from: before?.form ?? null,
      to: after?.form ?? null,
      oldText: pinned?.text ?? before?.text ?? null,
      newText: after?.text ?? null,
    });
  }
  return changes;
}

/**
 * What a push changed under a pinned draft: the pinned files that changed, the clauses whose source lines the
 * change touched (with the old lines touched, and whether any of their text is left), and the requirements whose
 * verbal form changed, was removed or was added. Requirement sentences are read in whole blocks on both sides with
 * the draft's own keyword mapping and paired by `pairRequirements` (same sentence cancels; otherwise the most alike
 * with keywords blanked, at least `SAME_REQUIREMENT`). A deleted file removes all its clauses and requirements; a
 * rename that kept the text touches no clause. Pure: no git, no clock.
 *
 * Before: `Peers SHOULD retry.` (clause c-1, R-4-1) edited to `Peers MUST retry.`
 * After:  drifted, clauses [c-1 edited], strengthChanges [{ R-4-1, should → shall }]
 */
export function computeDrift(input: DriftInput): DriftReport {
  const { manifest } = input;
  const roles = new Map(manifest.source.files.map((f) => [f.path, f.role]));
  const clausesOf = new Map<string, ManifestClause[]>();
  for (const clause of manifest.clauses) {
    const list = clausesOf.get(clause.origin.path) ?? [];
    list.push(clause);
    clausesOf.set(clause.origin.path, list);
  }
  for (const list of clausesOf.values()) list.sort((a, b) => a.origin.startLine - b.origin.startLine);
  const requirementsOf = new Map<string, ManifestRequirement[]>();
  for (const r of manifest.requirements) requirementsOf.set(r.clauseId, [...(requirementsOf.get(r.clauseId) ?? []), r]);
  const pinnedWords = pinnedDeclarations(manifest);
  const declared = { old: pinnedWords, new: headDeclarations(pinnedWords, input.changes) };

  const changedFiles: ChangedFile[] = [];
  const touched = new Map<string, TouchedClause>();
  const strengthChanges: StrengthChange[] = [];
  const touch = (clause: ManifestClause, lines: { startLine: number; endLine: number }, removed: boolean): void => {
    touched.set(clause.id, {
      clauseId: clause.id,
      number: clause.number,
      title: clause.title,
      path: clause.origin.path,
      startLine: lines.startLine,
      endLine: lines.endLine,
      change: removed ? 'removed' : 'edited',
    });
  };

  for (const change of input.changes) {
    if (change.status === 'unchanged') continue;
    const clauses = clausesOf.get(change.path) ?? [];
    changedFiles.push({
      path: change.path,
      status: change.status,
      newPath: change.status === 'deleted' ? null : change.newPath,
      linesAdded: change.hunks.reduce((n, h) => n + h.newCount, 0),
      linesRemoved: change.hunks.reduce((n, h) => n + h.oldCount, 0),
    });
    if (change.status === 'deleted') {
      for (const clause of clauses) {
        touch(clause, clause.origin, true);
        for (const r of requirementsOf.get(clause.id) ?? []) {
          strengthChanges.push({
            requirementId: r.id,
            clauseId: r.clauseId,
            from: r.form,
            to: null,
            oldText: r.text,
            newText: null,
          });
        }
      }
      continue;
    }
    const blocks: BlockLines[] = clauses.map((c) => ({
      startLine: c.origin.startLine,
      endLine: c.origin.endLine,
      joinable: !HEADINGS.has(c.kind),
    }));
    const lines = {
      hunks: change.hunks,
      oldLines: change.oldText.split('\n'),
      newLines: change.newText.split('\n'),
      // Read once per changed file and side: a changed list item takes the strength of its label above.
      labels: { old: readLabels(change.oldText, declared.old), new: readLabels(change.newText, declared.new) },
    };
    for (const region of changeRegions(change.hunks, blocks)) {
      for (const [index, span] of region.touched) {
        const clause = clauses[index]!;
        // Gone when every one of its lines was replaced and what replaced them keeps less than half of its text.
        const replaced = Array.from({ length: clause.origin.endLine - clause.origin.startLine + 1 }, (_, i) => {
          const line = clause.origin.startLine + i;
          return change.hunks.some((h) => h.oldCount > 0 && h.oldStart <= line && line < h.oldStart + h.oldCount);
        }).every(Boolean);
        const written = change.hunks
          .filter((h) => newSpan(h).end > region.new.start && newSpan(h).start < region.new.end)
          .flatMap((h) => h.newLines)
          .join('\n');
        const kept = coverage(similarityTokens(clause.sourceText), similarityTokens(written));
        touch(clause, span, replaced && kept < SAME_REQUIREMENT);
      }
      if (!INFORMATIVE_ROLES.has(roles.get(change.path) ?? 'clauses'))
        strengthChanges.push(...regionStrengthChanges(region, lines, clauses, requirementsOf, declared));
    }
  }
  const order = new Map(manifest.clauses.map((c, i) => [c.id, i]));
  return {
    pinnedCommit: input.pinnedCommit,
    headCommit: input.headCommit,
    drifted: changedFiles.length > 0,
    changedFiles,
    clauses: [...touched.values()].sort((a, b) => order.get(a.clauseId)! - order.get(b.clauseId)!),
    // A label's region reads its list too: an item edited in a region of its own is found twice.
    strengthChanges: [...new Map(strengthChanges.map((c) => [JSON.stringify(c), c])).values()],
  };
}
