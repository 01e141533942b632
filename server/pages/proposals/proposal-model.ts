import { fill, type Messages } from '../../../content/i18n/messages.ts';
import { renderMessage } from '../../../content/i18n/render-message.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import type { ProposalJson, ProposalSummaryJson } from '../../../sync/proposals/proposal-json.ts';

const local = (text: { en: string; zh: string }, lang: Lang) => (lang === 'en' ? text.en : text.zh);
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** The proposals list as the page shows it. */
export function proposalListModel(list: readonly ProposalSummaryJson[], lang: Lang) {
  return {
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

/** One proposal as its page shows it: facts, what each next step lacks, revisions, history. */
export function proposalModel(p: ProposalJson, t: Messages, lang: Lang, stageName: (id: string) => string) {
  const w = t.proposals;
  return {
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
    actions: p.actions.map((a) => ({
      name: local(a.name, lang),
      allowed: a.allowed,
      missing: a.missing.map((m) => ({ text: renderMessage(m.message, lang), href: m.link ?? null })),
    })),
    revisions: p.revisions.map((r) => {
      const base = `/api/proposals/${p.number}/revisions/${r.rev}`;
      return {
        label: `${p.number}${r.label}`,
        status: w.statusNames[r.status as keyof typeof w.statusNames] ?? r.status,
        commit: r.commit?.slice(0, 12) ?? '',
        made: day(r.createdAt),
        downloads:
          r.status === 'ready'
            ? [
                { href: `/proposals/${p.number}/${String(r.rev).padStart(2, '0')}`, label: t.draftPage.standard },
                { href: `${base}/draft.md`, label: 'Markdown' },
                { href: `${base}/manifest.json`, label: 'manifest.json' },
                { href: `${base}/draft.html`, label: 'HTML' },
              ]
            : [],
      };
    }),
    history: [...p.history].reverse().map((h) => ({
      when: minute(h.at),
      who: h.actor,
      action: h.action,
      change: `${h.from ? stageName(h.from) : '—'} → ${stageName(h.to)}`,
      comment: h.comment,
    })),
  };
}
