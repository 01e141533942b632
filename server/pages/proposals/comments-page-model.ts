import { fill, type Messages } from '../../../content/i18n/messages.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import type { ProposalJson } from '../../../sync/proposals/proposal-json.ts';
import type { CommentJson } from '../../../sync/review/comments/comment-json.ts';
import type { CommentsView } from '../../../sync/review/comments/comments-service.ts';
import { COMMENT_KINDS, DISPOSITIONS } from '../../../sync/review/comments/comment-request.ts';
import { revPath } from './revision-page-model.ts';

const local = (text: { en: string; zh: string }, lang: Lang) => (lang === 'en' ? text.en : text.zh);
const day = (iso: string) => iso.slice(0, 10);

/** What the person typed into a form that was refused, so the page shows it again with the reason. */
export interface CommentFormInput {
  /** `new`, or the id of the comment replied to or dispositioned. */
  form: string;
  fields: Record<string, string>;
  error: string;
}

export interface CommentsPageInput {
  view: CommentsView;
  proposal: ProposalJson;
  headings: { id: string; number: string; title: string }[];
  /** The clause named in `?clause=` (its number and title in the revision read), to comment on. */
  focus: { id: string; number: string; title: string } | null;
  csrfToken: string | null;
  signInHref: string | null;
  saved: boolean;
  refused: CommentFormInput | null;
}

/** The comments page of one revision: threads by clause, the forms the asker may use, links to the table. */
export function commentsPageModel(input: CommentsPageInput, t: Messages, lang: Lang) {
  const { view, proposal: p } = input;
  const w = t.comments;
  const label = `${p.number}${view.label}`;
  const base = `/proposals/${p.number}/${revPath(view.rev)}`;
  const current = view.currentRev === view.rev;
  const typed = (form: string, name: string) =>
    input.refused?.form === form ? (input.refused.fields[name] ?? '') : '';
  const errorFor = (form: string) => (input.refused?.form === form ? input.refused.error : null);
  const thread = (c: CommentJson) => {
    const here = 'removedIn' in c.here ? null : c.here;
    return {
      id: c.id,
      anchor: `comment-${c.id}`,
      seq: c.seq,
      kind: w.kinds[c.kind],
      clause: here
        ? { text: `${fill(w.onClause, { number: here.number })} ${here.title}`, href: `${base}#${here.clauseId}` }
        : null,
      removed: 'removedIn' in c.here ? fill(w.removed, { rev: `${p.number}${c.here.removedIn}` }) : null,
      madeOn: c.rev === view.label ? null : fill(w.madeOn, { rev: `${p.number}${c.rev}` }),
      by: fill(w.by, { by: c.organisation ? `${c.author}（${c.organisation}）` : c.author, date: day(c.at) }),
      html: c.html,
      proposedChange: c.proposedChange,
      replies: c.replies.map((r) => ({ html: r.html, by: fill(w.by, { by: r.author, date: day(r.at) }) })),
      disposition: c.disposition
        ? {
            name: w.dispositions[c.disposition.disposition],
            cls: c.disposition.disposition,
            reason: c.disposition.reason,
            carried: c.disposition.carriedIn
              ? fill(w.carriedIn, { rev: `${p.number}${c.disposition.carriedIn}` })
              : null,
            by: fill(w.by, { by: c.disposition.by, date: day(c.disposition.at) }),
          }
        : null,
      replyForm:
        view.mayComment && input.csrfToken
          ? { action: `${base}/comments`, text: typed(String(c.id), 'text'), error: errorFor(String(c.id)) }
          : null,
      disposeForm:
        view.mayDispose && input.csrfToken
          ? {
              action: `${base}/comments/${c.id}/disposition`,
              chosen: typed(`d${c.id}`, 'disposition') || c.disposition?.disposition || '',
              reason: typed(`d${c.id}`, 'reason'),
              carriedIn: typed(`d${c.id}`, 'carriedIn'),
              error: errorFor(`d${c.id}`),
            }
          : null,
    };
  };
  const focusId = input.focus?.id ?? '';
  return {
    heading: fill(w.heading, { label }),
    title: local(p.title, lang),
    proposalHref: `/proposals/${p.number}`,
    draftHref: base,
    resolutionHref: `${base}/resolution`,
    period: view.period.open ? fill(w.periodOpen, { date: day(view.period.endsAt!) }) : w.periodClosed,
    readingOld:
      !current && view.currentRev !== null
        ? {
            text: fill(w.readingOld, { label: `${p.number}-${revPath(view.currentRev)}` }),
            href: `/proposals/${p.number}/${revPath(view.currentRev)}/comments`,
          }
        : null,
    open: view.open > 0 ? fill(w.openCount, { count: view.open }) : null,
    saved: input.saved,
    csrf: input.csrfToken ?? '',
    threads: view.comments
      .filter((c) => input.focus === null || ('clauseId' in c.here && c.here.clauseId === input.focus.id))
      .map(thread),
    allHref: input.focus ? `${base}/comments` : null,
    kinds: COMMENT_KINDS.map((k) => ({ value: k, label: w.kinds[k] })),
    dispositions: DISPOSITIONS.map((d) => ({ value: d, label: w.dispositions[d] })),
    newForm:
      current && view.mayComment && input.csrfToken
        ? {
            action: `${base}/comments`,
            rev: revPath(view.rev),
            focus: input.focus ? `${input.focus.number} ${input.focus.title}` : null,
            clauseId: typed('new', 'clauseId') || focusId,
            headings: input.focus ? [] : input.headings.map((h) => ({ id: h.id, label: `${h.number} ${h.title}` })),
            kind: typed('new', 'kind') || 'technical',
            text: typed('new', 'text'),
            proposedChange: typed('new', 'proposedChange'),
            organisation: typed('new', 'organisation'),
            error: errorFor('new'),
          }
        : null,
    why: !current ? null : input.signInHref ? null : view.mayComment ? null : w.notAllowed,
    signInHref: current ? input.signInHref : null,
  };
}

export type CommentsPageModel = ReturnType<typeof commentsPageModel>;
