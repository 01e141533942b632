import { fill, type Messages } from '../../../content/i18n/messages.ts';
import type { ProposalDrift } from '../../../sync/review/drift/drift-service.ts';
import { revPath } from './revision-page-model.ts';

/** The proposal page's upstream-drift notice: null when nothing under the current revision changed upstream. */
export function driftModel(report: ProposalDrift | null, t: Messages, mayRevise: boolean) {
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
        path: f.newPath && f.newPath !== f.path ? `${f.path} → ${f.newPath}` : f.path,
        status: w.statuses[f.status],
        added: f.linesAdded,
        removed: f.linesRemoved,
      }),
    ),
    clauses: report.clauses.map((c) => ({
      href: `${draft}#${c.clauseId}`,
      text: `${c.number} ${c.title}`,
      change: w.changes[c.change],
      lines: `${c.path}:${c.startLine}–${c.endLine}`,
    })),
    strength: report.strengthChanges.map((s) => ({
      href: s.clauseId ? `${draft}#${s.clauseId}` : draft,
      id: s.requirementId ?? '',
      change: `${s.from ? forms[s.from] : w.none} → ${s.to ? forms[s.to] : w.none}`,
      after: (s.newText ?? s.oldText ?? '').trim(),
    })),
    apiHref: `/api/proposals/${report.number}/drift`,
    revise: mayRevise
      ? { ref: report.headCommit, reason: fill(w.reviseReason, { head: report.headCommit.slice(0, 12) }) }
      : null,
  };
}
