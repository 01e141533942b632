import { fill, type Messages } from '../../../content/i18n/messages.ts';
import { BALLOT_CLOSE, BALLOT_OPEN } from '../../../sync/review/ballots/ballot-actions.ts';
import { renderMessage } from '../../../content/i18n/render-message.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import type { ProposalJson, ProposalSummaryJson } from '../../../sync/proposals/proposal-json.ts';
import type { Workflow } from '../../../sync/proposals/workflow/workflow-schema.ts';
import { revPath } from './revision-page-model.ts';

/** A refused form's problem as the page shows it: one lead sentence and, for a guard, every missing item. */
export interface FormProblem {
  lead: string;
  items: { text: string; href: string | null }[];
}

/** What the page's forms need besides the proposal: the session's token and a refused form's input. */
export interface ProposalFormState {
  csrfToken: string;
  problem?: FormProblem;
  action?: string;
  comment?: string;
  decision?: string;
  ref?: string;
  reason?: string;
  done?: string;
}

const local = (text: { en: string; zh: string }, lang: Lang) => (lang === 'en' ? text.en : text.zh);
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** The list's filters as chosen, and the choices the filter form offers. */
export interface ProposalListFilters {
  stage: string;
  project: string;
  domain: string;
  mine: boolean;
  signedIn: boolean;
  mayPropose: boolean;
  stages: { id: string; name: string }[];
  projects: string[];
  domains: { id: string; name: string }[];
}

/** The proposals list as the page shows it, with its filter form. */
export function proposalListModel(list: readonly ProposalSummaryJson[], lang: Lang, filters: ProposalListFilters) {
  return {
    filters,
    filtered: filters.stage !== '' || filters.project !== '' || filters.domain !== '' || filters.mine,
    rows: list.map((p) => ({
      number: p.number,
      href: `/proposals/${p.number}`,
      title: local(p.title, lang),
      project: p.project,
      projectHref: `/projects/${p.project}`,
      stage: local(p.stateName, lang),
      updated: day(p.updatedAt),
    })),
  };
}

/** One proposal as its page shows it: facts, what each next step lacks (and a form for each one the asker may take), revisions, history. */
export function proposalModel(p: ProposalJson, flow: Workflow, t: Messages, lang: Lang, form: ProposalFormState) {
  const w = t.proposals;
  const stageName = (id: string) => {
    const stage = flow.stages.find((s) => s.id === id);
    return stage ? local(stage.name, lang) : id;
  };
  const definition = (id: string) => flow.actions.find((a) => a.id === id);
  const action = `/proposals/${p.number}/actions`;
  return {
    csrfToken: form.csrfToken,
    problem: form.problem ?? null,
    done: form.done ? (w.done[form.done as keyof typeof w.done] ?? null) : null,
    actionUrl: action,
    number: p.number,
    title: local(p.title, lang),
    otherTitle: lang === 'en' ? p.title.zh : p.title.en,
    project: p.project,
    projectHref: `/projects/${p.project}`,
    stage: local(p.stateName, lang),
    waiting: p.waiting ? local(p.waiting, lang) : null,
    facts: [
      { label: w.type, value: w.association },
      { label: w.source, value: fill(w.sourceAt, { ref: p.ref, commit: p.commit.slice(0, 12) }) },
      ...(p.proposingUnit ? [{ label: w.proposingUnit, value: p.proposingUnit }] : []),
      ...(p.drafters.length ? [{ label: w.drafters, value: p.drafters.join(lang === 'en' ? ', ' : '、') }] : []),
      { label: w.createdBy, value: `${p.createdBy} · ${day(p.createdAt)}` },
      ...(p.period
        ? [
            {
              label: w.period,
              value: fill(w.periodText, {
                kind: p.period.kind === 'notice' ? w.notice : w.comment,
                start: day(p.period.startedAt),
                end: day(p.period.endsAt),
              }),
            },
          ]
        : []),
    ],
    scope: p.scope,
    rationale: p.rationale,
    actions: p.actions.map((a) => {
      const guards = definition(a.id)?.guards ?? [];
      const records = definition(a.id)?.records ?? [];
      // The reason is given in the form itself: it is not missing before anyone types.
      const missing = a.missing.filter((m) => m.code !== 'reason-given');
      const again = form.action === a.id;
      return {
        id: a.id,
        name: local(a.name, lang),
        allowed: a.allowed,
        missing: missing.map((m) => ({ text: renderMessage(m.message, lang), href: m.link ?? null })),
        form:
          a.allowed && missing.length === 0
            ? {
                needsReason: guards.includes('reason-given'),
                recordsDecision: records.includes('decision'),
                comment: again ? (form.comment ?? '') : '',
                decision: again ? (form.decision ?? '') : '',
              }
            : null,
      };
    }),
    revise:
      p.revise.allowed && p.revise.now
        ? { url: `/proposals/${p.number}/revisions`, ref: form.ref ?? p.ref, reason: form.reason ?? '' }
        : null,
    generating: p.revisions.some((r) => r.status === 'queued'),
    revisions: p.revisions.map((r, i) => {
      const base = `/api/proposals/${p.number}/revisions/${r.rev}`;
      // The clause diff from the ready revision before it (the one stored with it at generation).
      const previous = p.revisions
        .slice(0, i)
        .filter((o) => o.status === 'ready' && o.rev < r.rev)
        .at(-1);
      return {
        label: `${p.number}${r.label}`,
        status: w.statusNames[r.status as keyof typeof w.statusNames] ?? r.status,
        commit: r.commit?.slice(0, 12) ?? '',
        made: day(r.createdAt),
        downloads:
          r.status === 'ready'
            ? [
                { href: `/proposals/${p.number}/${String(r.rev).padStart(2, '0')}`, label: t.draftPage.standard },
                { href: `${base}/draft.docx`, label: 'Word' },
                { href: `${base}/draft.pdf`, label: 'PDF' },
                { href: `${base}/draft.md`, label: 'Markdown' },
                { href: `${base}/manifest.json`, label: 'manifest.json' },
                { href: `${base}/draft.html`, label: 'HTML' },
                { href: `/proposals/${p.number}/${String(r.rev).padStart(2, '0')}/note`, label: t.note.title },
                ...(previous
                  ? [
                      {
                        href: `/proposals/${p.number}/diff/${revPath(previous.rev)}..${revPath(r.rev)}`,
                        label: fill(t.diff.changesSince, { label: `${p.number}-${revPath(previous.rev)}` }),
                      },
                    ]
                  : []),
              ]
            : [],
      };
    }),
    history: [...p.history].reverse().map((h) => ({
      when: minute(h.at),
      who: h.actor,
      action:
        h.action === 'create'
          ? w.createAction
          : h.action === BALLOT_OPEN
            ? w.ballotOpenAction
            : h.action === BALLOT_CLOSE
              ? w.ballotCloseAction
              : local(definition(h.action)?.name ?? { en: h.action, zh: h.action }, lang),
      rev: h.rev === null ? '' : `${p.number}-${String(h.rev).padStart(2, '0')}`,
      decision: h.decision ?? '',
      // A ballot leaves the stage as it is; its close records the result.
      change: h.from === h.to && h.from ? stageName(h.to) : `${h.from ? stageName(h.from) : '—'} → ${stageName(h.to)}`,
      comment:
        h.action === BALLOT_CLOSE && (h.comment === 'passed' || h.comment === 'not-passed')
          ? h.comment === 'passed'
            ? t.ballot.passed
            : t.ballot.notPassed
          : h.comment,
    })),
  };
}
