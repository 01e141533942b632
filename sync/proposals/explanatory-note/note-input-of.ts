import type { DraftManifest, LintIssue } from '../../../content/draft/draft-types.ts';
import type { HistoryRow, ProposalRow } from '../../../db/proposals/proposal-queries.ts';
import type { RevisionRow, RevisionSummary } from '../../../db/proposals/revision-queries.ts';
import type { MaturityJson, SignalJson } from '../../maturity/maturity-json.ts';
import { revLabel } from '../proposal-json.ts';
import { BALLOT_CLOSE, BALLOT_OPEN } from '../../review/ballots/ballot-actions.ts';
import type { Workflow } from '../workflow/workflow-schema.ts';
import type { NoteEvent, NoteInput, NoteLang, NoteMaturity } from './note-input.ts';
import { noteWording } from './note-wording.ts';

/** What the note of one revision is gathered from (rows as stored, the workflow and maturity in force). */
export interface NoteSources {
  proposal: ProposalRow;
  project: string;
  history: readonly HistoryRow[];
  revisions: readonly RevisionSummary[];
  revision: RevisionRow & { draft_md: string; manifest_json: string };
  workflow: Workflow;
  maturity: MaturityJson | null;
  levelName: (level: string) => string | undefined;
  lang: NoteLang;
  now: string;
}

const list = <T>(json: string): T[] => {
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? (parsed as T[]) : [];
};

/** The note's input from the stored rows, every name in the note's language. Pure. */
export function noteInputOf(s: NoteSources): NoteInput {
  const w = noteWording(s.lang);
  const local = (text: { en: string; zh: string } | undefined, fallback: string) =>
    text ? (s.lang === 'en' ? text.en : text.zh) : fallback;
  const stage = (id: string | null) =>
    id === null ? null : local(s.workflow.stages.find((x) => x.id === id)?.name, id);
  const draftNameOf = (stageId: string) => {
    const found = s.workflow.stages.find((x) => x.id === stageId);
    return local(found?.draftName ?? found?.name, stageId);
  };
  const full = `${s.proposal.number}`;
  const actions: NoteEvent[] = s.history.map((h) =>
    h.action === BALLOT_OPEN || h.action === BALLOT_CLOSE
      ? {
          at: h.at,
          actor: h.actor,
          kind: 'action',
          name:
            h.action === BALLOT_OPEN
              ? w.ballotOpened(h.decision ?? '')
              : w.ballotClosed(h.decision ?? '', h.comment === 'passed'),
          from: null,
          to: null,
          comment: '',
        }
      : {
          at: h.at,
          actor: h.actor,
          kind: 'action',
          name:
            h.action === 'create'
              ? w.created
              : local(s.workflow.actions.find((a) => a.id === h.action)?.name, h.action),
          from: stage(h.from_stage),
          to: stage(h.to_stage),
          comment: h.comment,
        },
  );
  const made: NoteEvent[] = s.revisions
    .filter((r) => r.status === 'ready' && r.rev <= s.revision.rev)
    .map((r) => ({
      at: r.ready_at ?? r.created_at,
      actor: r.requested_by,
      kind: 'revision',
      name: w.revisionMade(`${full}${revLabel(r.rev)}`, draftNameOf(r.stage)),
      from: null,
      to: null,
      comment: r.reason,
    }));
  const manifest = JSON.parse(s.revision.manifest_json) as DraftManifest;
  return {
    number: s.proposal.number,
    label: revLabel(s.revision.rev),
    title: { zh: s.proposal.title_zh, en: s.proposal.title_en },
    draftName: draftNameOf(s.revision.stage),
    project: s.project,
    scope: s.proposal.scope,
    rationale: s.proposal.rationale,
    proposingUnit: s.proposal.proposing_unit,
    draftingUnits: list<string>(s.proposal.drafting_units).map(String),
    drafters: list<string>(s.proposal.drafters).map(String),
    implementations: list<{ name: string; url?: string }>(s.proposal.implementations),
    iprStatement: s.proposal.ipr_statement,
    events: [...actions, ...made],
    draftMarkdown: s.revision.draft_md,
    manifest,
    lint: s.revision.lint_json ? list<LintIssue>(s.revision.lint_json) : manifest.lint,
    maturity: s.maturity ? maturityOf(s.maturity, s) : null,
    generatedAt: s.now,
  };
}

function maturityOf(m: MaturityJson, s: NoteSources): NoteMaturity {
  const title = (signal: SignalJson | undefined, fallback: string) =>
    (s.lang === 'en' ? signal?.titleEn : signal?.titleZh) ?? signal?.title ?? fallback;
  const level = (id: string | null) => (id === null ? null : (s.levelName(id) ?? id));
  return {
    level: level(m.level),
    nextLevel: level(m.nextLevel),
    evaluatedAt: m.evaluatedAt,
    commit: m.commit,
    signals: m.signals.map((signal) => ({
      title: title(signal, signal.id),
      status: signal.status,
      value: signal.value,
      threshold: signal.threshold ?? null,
      commit: signal.commit,
      required: signal.requiredFor !== undefined && signal.requiredFor !== null,
      evidence: signal.evidence.map((e) => ({ url: e.url, label: e.label })),
    })),
    gaps: m.gaps.map((g) => ({
      title: title(
        m.signals.find((x) => x.id === g.signal),
        g.title,
      ),
      reason: g.reason,
    })),
  };
}
