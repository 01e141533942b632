import type { HistoryRow, ProposalRow } from '../../db/proposals/proposal-queries.ts';
import type { RevisionSummary } from '../../db/proposals/revision-queries.ts';
import type { Message } from '../../kernel/i18n/message.ts';
import type { AvailableAction } from './workflow/available-actions.ts';
import type { Workflow } from './workflow/workflow-schema.ts';

type Local = { en: string; zh: string };

/** A revision's number as people write it: 0 → "-00". */
export const revLabel = (rev: number) => `-${String(rev).padStart(2, '0')}`;

export interface ProposalSummaryJson {
  number: string;
  project: string;
  /** The project's domain id, or null. */
  domain: string | null;
  title: Local;
  type: string;
  state: string;
  stateName: Local;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalJson extends ProposalSummaryJson {
  scope: string;
  rationale: string;
  proposingUnit: string;
  draftingUnits: string[];
  drafters: string[];
  implementations: { name: string; url?: string }[];
  iprStatement: string | null;
  ref: string;
  commit: string;
  sources: string;
  createdBy: string;
  version: number;
  /** Who holds the ball now, and what the proposal waits for. */
  actionHolders: { holder: string; logins: string[] }[];
  waiting: Local | null;
  period: { kind: 'notice' | 'comment'; startedAt: string; endsAt: string } | null;
  publishedAt: string | null;
  reviewDueAt: string | null;
  revisions: {
    rev: number;
    label: string;
    commit: string | null;
    createdAt: string;
    status: string;
    requestedBy: string;
  }[];
  history: {
    at: string;
    actor: string;
    action: string;
    from: string | null;
    to: string;
    rev: number | null;
    comment: string;
    decision: string | null;
  }[];
  /** Whether the asker may ask for a new revision, and whether the stage allows one now. */
  revise: { allowed: boolean; now: boolean };
  /** The actions out of the current stage, whether the asker may take them, and what is still missing. */
  actions: {
    id: string;
    name: Local;
    allowed: boolean;
    missing: { code: string; message: Message; link?: string }[];
  }[];
}

/** A revision as the API shows it; a draft is named after the stage it was made in (征求意见稿 …). */
export interface RevisionJson {
  number: string;
  rev: number;
  label: string;
  ref: string;
  commit: string | null;
  status: string;
  stage: string;
  draftName: Local | null;
  requestedBy: string;
  reason: string;
  createdAt: string;
  readyAt: string | null;
  error: string | null;
}

export function revisionJson(r: RevisionSummary, workflow: Workflow): RevisionJson {
  return {
    number: r.number,
    rev: r.rev,
    label: revLabel(r.rev),
    ref: r.ref,
    commit: r.commit_sha,
    status: r.status,
    stage: r.stage,
    draftName: workflow.stages.find((s) => s.id === r.stage)?.draftName ?? null,
    requestedBy: r.requested_by,
    reason: r.reason,
    createdAt: r.created_at,
    readyAt: r.ready_at,
    error: r.error,
  };
}

const stageName = (workflow: Workflow, id: string): Local =>
  workflow.stages.find((s) => s.id === id)?.name ?? { en: id, zh: id };

export function proposalSummaryJson(
  row: ProposalRow,
  project: string,
  workflow: Workflow,
  domain: string | null,
): ProposalSummaryJson {
  return {
    number: row.number,
    project,
    domain,
    title: { zh: row.title_zh, en: row.title_en },
    type: row.type,
    state: row.stage,
    stateName: stageName(workflow, row.stage),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ProposalParts {
  row: ProposalRow;
  project: string;
  domain: string | null;
  workflow: Workflow;
  revisions: readonly RevisionSummary[];
  history: readonly HistoryRow[];
  holders: { holder: string; logins: string[] }[];
  revise: { allowed: boolean; now: boolean };
  actions: readonly AvailableAction[];
}

export function proposalJson(parts: ProposalParts): ProposalJson {
  const { row, workflow } = parts;
  const stage = workflow.stages.find((s) => s.id === row.stage);
  return {
    ...proposalSummaryJson(row, parts.project, workflow, parts.domain),
    scope: row.scope,
    rationale: row.rationale,
    proposingUnit: row.proposing_unit,
    draftingUnits: JSON.parse(row.drafting_units) as string[],
    drafters: JSON.parse(row.drafters) as string[],
    implementations: JSON.parse(row.implementations) as { name: string; url?: string }[],
    iprStatement: row.ipr_statement,
    ref: row.ref,
    commit: row.commit_sha,
    sources: row.sources_yml,
    createdBy: row.created_by,
    version: row.version,
    actionHolders: parts.holders,
    waiting: stage?.waiting ?? null,
    period:
      row.period_kind !== null && row.period_started_at !== null && row.period_ends_at !== null
        ? { kind: row.period_kind, startedAt: row.period_started_at, endsAt: row.period_ends_at }
        : null,
    publishedAt: row.published_at,
    reviewDueAt: row.review_due_at,
    revisions: parts.revisions.map((r) => ({
      rev: r.rev,
      label: revLabel(r.rev),
      commit: r.commit_sha,
      createdAt: r.created_at,
      status: r.status,
      requestedBy: r.requested_by,
    })),
    history: parts.history.map((h) => ({
      at: h.at,
      actor: h.actor,
      action: h.action,
      from: h.from_stage,
      to: h.to_stage,
      rev: h.rev,
      comment: h.comment,
      decision: h.decision,
    })),
    revise: parts.revise,
    actions: parts.actions.map((a) => ({
      id: a.action.id,
      name: a.action.name,
      allowed: a.allowed,
      missing: a.missing.map((m) => ({ code: m.code, message: m.message, ...(m.link ? { link: m.link } : {}) })),
    })),
  };
}
