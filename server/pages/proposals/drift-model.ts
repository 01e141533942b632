import { fill, type Messages } from '../../../content/i18n/messages.ts';
import type { DriftReport } from '../../../sync/review/drift/drift-report.ts';
import { revPath } from './revision-page-model.ts';

/** The proposal page's upstream-drift notice: null when nothing under the current revision changed upstream. */
export function driftModel(report: DriftReport | null, t: Messages, mayRevise: boolean) {
  if (report === null || !report.drifted) return null;
  const w = t.drift;
  const draft = `/proposals/${report.number}/${revPath(report.rev)}`;
  const forms = t.diff.labels.forms;
  return {
    lead: fill(w.lead, {
      branch: report.branch,
      head: report.headCommit.slice(0, 12),
      pinned: report.pinnedCommit.slice(0, 12),
    }),
    files: report.changedFiles.map((f) =>
      fill(w.file, {
        path: f.newPath ? `${f.path} → ${f.newPath}` : f.path,
        status: w.statuses[f.status],
        added: f.added,
        removed: f.removed,
      }),
    ),
    clauses: report.clauses.map((c) => ({
      href: `${draft}#${c.clauseId}`,
      text: `${c.number} ${c.title}`,
      change: w.changes[c.change],
      lines: `${c.path}:${c.lines[0]}–${c.lines[1]}`,
    })),
    strength: report.strengthChanges.map((s) => ({
      href: `${draft}#${s.clauseId}`,
      number: s.number,
      change: `${forms[s.from]} → ${forms[s.to]}`,
      after: s.after.trim(),
    })),
    apiHref: `/api/proposals/${report.number}/drift`,
    revise: mayRevise
      ? { ref: report.headCommit, reason: fill(w.reviseReason, { head: report.headCommit.slice(0, 12) }) }
      : null,
  };
}
