import type { LintIssue } from '../../../content/draft/draft-types.ts';
import { fill, type Messages } from '../../../content/i18n/messages.ts';
import { renderMessage } from '../../../content/i18n/render-message.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import { storedMessage } from '../../../kernel/i18n/message.ts';
import type { ProposalJson, RevisionJson } from '../../../sync/proposals/proposal-json.ts';

const local = (text: { en: string; zh: string }, lang: Lang) => (lang === 'en' ? text.en : text.zh);
const minute = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '');

/** A revision's number in its page's address: 0 → `00`. */
export const revPath = (rev: number) => String(rev).padStart(2, '0');

/** What the page shows of one revision; `html` is the stored draft page HTML (sanitised at generation). */
export interface RevisionPageInput {
  proposal: ProposalJson;
  revision: RevisionJson;
  html: string | null;
  lint: readonly LintIssue[] | null;
  /** The stored HTML predates the draft page: it was rendered again from the stored Markdown. */
  rerendered: boolean;
  labelsHref: string;
  /** How many comments the revision's clauses carry (null when the draft is not shown). */
  comments?: number | null;
}

/** One revision of a proposal as its page shows it: header facts, the standard, downloads, the lint report. */
export function revisionPageModel(input: RevisionPageInput, t: Messages, lang: Lang) {
  const { proposal: p, revision: r } = input;
  const w = t.draftPage;
  const base = `/api/proposals/${p.number}/revisions/${r.rev}`;
  const error = storedMessage(r.error);
  const colon = lang === 'en' ? ': ' : '：';
  return {
    number: p.number,
    label: `${p.number}${r.label}`,
    title: local(p.title, lang),
    otherTitle: lang === 'en' ? p.title.zh : p.title.en,
    proposalHref: `/proposals/${p.number}`,
    project: p.project,
    projectHref: `/projects/${p.project}`,
    draftName: r.draftName ? local(r.draftName, lang) : null,
    status: r.status,
    statusName: t.proposals.statusNames[r.status as keyof typeof t.proposals.statusNames] ?? r.status,
    facts: [
      { label: w.commit, value: r.commit ? r.commit.slice(0, 12) : '—', code: true },
      { label: w.ref, value: r.ref, code: true },
      { label: w.requestedBy, value: r.requestedBy, code: false },
      ...(r.reason ? [{ label: w.reasonLabel, value: r.reason, code: false }] : []),
      { label: w.madeOn, value: minute(r.createdAt), code: false },
      ...(r.status === 'ready' ? [{ label: w.generatedOn, value: minute(r.readyAt), code: false }] : []),
    ],
    colon,
    downloads:
      r.status === 'ready'
        ? [
            { href: `${base}/draft.md`, label: w.markdown, type: 'text/markdown' },
            { href: `${base}/manifest.json`, label: w.manifest, type: 'application/json' },
            { href: `${base}/draft.html`, label: w.html, type: 'text/html' },
          ]
        : [],
    reloadHref: `/proposals/${p.number}/${revPath(r.rev)}`,
    review:
      input.comments === null || input.comments === undefined
        ? null
        : [
            {
              href: `/proposals/${p.number}/${revPath(r.rev)}/comments`,
              label: `${t.comments.title} (${input.comments})`,
            },
            { href: `/proposals/${p.number}/${revPath(r.rev)}/resolution`, label: t.comments.resolutionLink },
            ...p.revisions
              .filter((o) => o.status === 'ready' && o.rev < r.rev)
              .slice(-1)
              .map((o) => ({
                href: `/proposals/${p.number}/diff/${revPath(o.rev)}..${revPath(r.rev)}`,
                label: fill(t.diff.changesSince, { label: `${p.number}-${revPath(o.rev)}` }),
              })),
          ],
    error: r.status === 'failed' ? (error ? renderMessage(error, lang) : w.unknown) : null,
    html: r.status === 'ready' ? input.html : null,
    rerendered: input.rerendered,
    labelsHref: input.labelsHref,
    lint:
      input.lint === null
        ? null
        : {
            lead: fill(w.lintLead, { count: input.lint.length }),
            rows: input.lint.map((issue) => ({
              rule: issue.rule,
              message: renderMessage({ code: issue.code, params: issue.params }, lang),
              where: issue.path ? `${issue.path}:${issue.line}` : w.wholeDraft,
              clauseHref: issue.clauseId ? `#${issue.clauseId}` : null,
              clause: issue.clauseId,
            })),
          },
  };
}
