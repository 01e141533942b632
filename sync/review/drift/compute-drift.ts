import type { DraftManifest } from '../../../content/draft/draft-types.ts';
import { keywordForms } from '../../../content/draft/map-keywords.ts';
import type { DriftedClause, DriftReport, DriftStrengthChange, SourceChange } from './drift-report.ts';

export interface DriftInput {
  number: string;
  rev: number;
  manifest: Pick<DraftManifest, 'clauses'>;
  pinnedCommit: string;
  headCommit: string;
  branch: string;
  changes: readonly SourceChange[];
  at: string;
}

/**
 * What a push changed under a revision (a pure function): each changed hunk of a pinned file is laid over the
 * source lines of the revision's clauses (their origin at the pinned commit); a clause whose lines a hunk touches is
 * `edited`, one whose file was deleted or whose lines were all removed is `removed`. A strength change is a hunk of
 * a clause's lines whose removed lines state a keyword form and whose added lines, paired in order, state another:
 * `SHOULD` → `MUST` is should → shall, `宜（SHOULD）` → `应（MUST）` the same.
 */
export function computeDrift(input: DriftInput): DriftReport {
  const clauses: DriftedClause[] = [];
  const strengthChanges: DriftStrengthChange[] = [];
  for (const change of input.changes) {
    // Only blocks with lines of their own carry provenance; a heading's clause is the lines of its title.
    const inFile = input.manifest.clauses.filter((c) => c.origin.path === change.path);
    for (const clause of inFile) {
      const { startLine, endLine } = clause.origin;
      if (change.status === 'deleted') {
        clauses.push(drifted(clause, change.path, [startLine, endLine], 'removed'));
        continue;
      }
      const touching = change.hunks.filter((h) =>
        h.oldCount === 0
          ? h.oldStart >= startLine && h.oldStart < endLine
          : h.oldStart <= endLine && h.oldStart + h.oldCount - 1 >= startLine,
      );
      if (touching.length === 0) continue;
      const from = Math.max(startLine, Math.min(...touching.map((h) => h.oldStart)));
      const to = Math.min(endLine, Math.max(...touching.map((h) => h.oldStart + Math.max(h.oldCount, 1) - 1)));
      const all = touching.every(
        (h) => h.oldStart <= startLine && h.oldStart + h.oldCount - 1 >= endLine && h.added.length === 0,
      );
      clauses.push(drifted(clause, change.path, [from, to], all ? 'removed' : 'edited'));
      for (const hunk of touching) {
        const removed = hunk.removed.filter((l) => keywordForms(l).length > 0);
        const added = hunk.added.filter((l) => keywordForms(l).length > 0);
        removed.forEach((before, i) => {
          const after = added[i];
          if (after === undefined) return;
          const [was] = keywordForms(before);
          const [now] = keywordForms(after);
          if (was && now && was !== now)
            strengthChanges.push({ clauseId: clause.id, number: clause.number, from: was, to: now, before, after });
        });
      }
    }
  }
  // A heading and the paragraphs under it can cover the same lines: one entry per clause ID.
  const seen = new Set<string>();
  const unique = clauses.filter((c) => !seen.has(c.clauseId) && seen.add(c.clauseId));
  const seenStrength = new Set<string>();
  const strength = strengthChanges.filter((s) => {
    const key = `${s.before}\0${s.after}`;
    return !seenStrength.has(key) && seenStrength.add(key);
  });
  return {
    number: input.number,
    rev: input.rev,
    pinnedCommit: input.pinnedCommit,
    headCommit: input.headCommit,
    branch: input.branch,
    drifted: input.changes.length > 0,
    changedFiles: input.changes.map((c) => ({
      path: c.path,
      status: c.status,
      newPath: c.newPath,
      added: c.hunks.reduce((n, h) => n + h.added.length, 0),
      removed: c.hunks.reduce((n, h) => n + h.removed.length, 0),
    })),
    clauses: unique,
    strengthChanges: strength,
    computedAt: input.at,
  };
}

const drifted = (
  clause: DraftManifest['clauses'][number],
  path: string,
  lines: [number, number],
  change: DriftedClause['change'],
): DriftedClause => ({ clauseId: clause.id, number: clause.number, title: clause.title, path, lines, change });
