import type { CommentRow } from '../../../db/comments/comment-queries.ts';
import { findProposal } from '../../proposals/find-proposal.ts';
import type { ProposalRow } from '../../../db/proposals/proposal-queries.ts';
import type { Store } from '../../../db/store.ts';
import { renderMarkdown } from '../../../content/render/render-markdown.ts';
import { isoNow, type Clock } from '../../../kernel/clock.ts';
import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { ProposalActor, ProposalsService } from '../../proposals/proposals-service.ts';
import { mayTake } from '../../proposals/workflow/decide-action.ts';
import { clauseIndexOf, type ClauseIndex } from './clause-index.ts';
import { commentJson, type CommentJson } from './comment-json.ts';
import { readCommentRequest, readDispositionRequest } from './comment-request.ts';
import { followClause } from './follow-clause.ts';
import { resolutionRows, type ResolutionTable } from './resolution-table.ts';

/** The comments of a proposal as read against one of its revisions. */
export interface CommentsView {
  number: string;
  /** The revision read (`-01`) and its number. */
  rev: number;
  label: string;
  /** The latest ready revision: new comments are made on it. */
  currentRev: number | null;
  /** The public comment period, if one runs now (anyone signed in may comment). */
  period: { open: boolean; endsAt: string | null };
  /** Whether the asker may comment now, and why not. */
  mayComment: boolean;
  mayDispose: boolean;
  /** Comments (not replies) per clause ID of the revision read. */
  counts: Record<string, number>;
  /** Comments without a disposition. */
  open: number;
  comments: CommentJson[];
}

/** Public comment on clauses: comment, reply, disposition, and the resolution table. */
export interface CommentsService {
  /** Every comment of the proposal, placed in revision `rev` (default the latest ready one). */
  list(number: string, rev: number | null, actor: ProposalActor | null): CommentsView;
  /** Comments on a clause of the current revision, or replies (`parentId`); refused outside a period for most. */
  add(number: string, body: Record<string, unknown>, actor: ProposalActor): CommentJson;
  /** Records the editors' disposition of a comment (the latest is in force; earlier ones stay in its history). */
  dispose(number: string, id: number, body: Record<string, unknown>, actor: ProposalActor): CommentJson;
  /** The comment resolution table (意见汇总处理表) for revision `rev` (default the latest ready one). */
  resolution(number: string, rev: number | null): ResolutionTable;
  /** The headings (clauses, annexes, terms) of a ready revision, in draft order: what a comment form offers. */
  headings(number: string, rev: number): { id: string; number: string; title: string }[];
  /** The clause of a ready revision with this ID, if it has one. */
  clause(number: string, rev: number, id: string): { number: string; title: string } | undefined;
  /** What a cached page of the proposal's comments depends on (changes with every comment and disposition). */
  version(number: string): string;
}

export interface CommentsDeps {
  store: Store;
  clock: Clock;
  proposals: Pick<ProposalsService, 'workflow'>;
}

const label = (rev: number) => `-${String(rev).padStart(2, '0')}`;
/** Manifests are immutable: their clause indexes are kept for the revisions read most recently. */
const INDEXES_KEPT = 32;
/** The kinds of block a comment form lists by name (a paragraph is reached from its own control on the draft page). */
const HEADING_KINDS = new Set(['clause', 'annex', 'term']);

/** The comments service over one store; every write is one (immediate) transaction. */
export function createCommentsService(deps: CommentsDeps): CommentsService {
  const { store, clock } = deps;
  const indexes = new Map<string, ClauseIndex>();
  const indexOf = (number: string, rev: number): ClauseIndex | undefined => {
    const key = `${number}/${rev}`;
    let index = indexes.get(key);
    if (index === undefined) {
      const manifest = store.revisions.manifest(number, rev);
      if (!manifest) return undefined;
      index = clauseIndexOf(manifest);
      indexes.set(key, index);
      if (indexes.size > INDEXES_KEPT) indexes.delete(indexes.keys().next().value!);
    }
    return index;
  };
  const find = (number: string): ProposalRow => findProposal(store, number);
  const readyRevs = (number: string) =>
    store.revisions
      .list(number)
      .filter((r) => r.status === 'ready')
      .map((r) => r.rev);
  /** The revision read: `rev` if it is ready, else refused; the latest ready one when none is named. */
  const revisionRead = (row: ProposalRow, rev: number | null): number => {
    const ready = readyRevs(row.number);
    const chosen = rev ?? ready.at(-1);
    if (chosen === undefined)
      throw new DomainError('not-found', 'comment_no_revision', `${row.number} has no generated revision yet`, {
        number: row.number,
      });
    if (!ready.includes(chosen))
      throw new DomainError('not-found', 'revision_not_found', `${row.number} has no ready revision ${label(chosen)}`, {
        number: row.number,
        rev: label(chosen),
      });
    return chosen;
  };
  const periodOf = (row: ProposalRow) => {
    const open =
      row.period_kind === 'comment' && row.period_ends_at !== null && Date.parse(row.period_ends_at) > clock.now();
    return { open, endsAt: row.period_kind === 'comment' ? row.period_ends_at : null };
  };
  const projectOf = (row: ProposalRow) => store.repositories.get(row.repository_id)?.full_name ?? '';
  /** The editors: the workflow's `revise.by` (the project's maintainers and the secretariat). */
  const isEditor = (row: ProposalRow, actor: ProposalActor | null): boolean => {
    if (actor === null) return false;
    const project = projectOf(row).toLowerCase();
    const maintainer = actor.maintainerOf.some((p) => p.toLowerCase() === project);
    return mayTake(deps.proposals.workflow().workflow.revise, { login: actor.login, roles: actor.roles, maintainer });
  };
  /** During a comment period anyone signed in; outside it the reviewers and the editors only. */
  const mayComment = (row: ProposalRow, actor: ProposalActor | null): boolean =>
    actor !== null &&
    (periodOf(row).open || isEditor(row, actor) || actor.roles.some((r) => ['reviewer', 'admin'].includes(r)));

  const place = (number: string, at: number) => {
    const ready = readyRevs(number).filter((r) => r <= at);
    return (row: CommentRow) => followClause(row.clause_id, row.rev, at, (rev) => indexOf(number, rev), ready);
  };

  const build = (number: string, at: number): CommentJson[] => {
    const rows = store.comments.list(number).filter((c) => c.rev <= at);
    const dispositions = store.comments.dispositions(number);
    const where = place(number, at);
    const index = indexOf(number, at);
    // Replies and dispositions by comment, in one pass each: a comment period can gather thousands of rows.
    const group = <T>(items: readonly T[], key: (item: T) => number | null) => {
      const groups = new Map<number, T[]>();
      for (const item of items) {
        const k = key(item);
        if (k === null) continue;
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    };
    const replies = group(rows, (r) => r.parent_id);
    const decided = group(dispositions, (d) => d.comment_id);
    return rows
      .filter((c) => c.parent_id === null)
      .map((c) =>
        commentJson(c, replies.get(c.id) ?? [], decided.get(c.id) ?? [], where(c), (id) => index?.clauses.get(id)),
      );
  };

  const one = (number: string, id: number): CommentJson => {
    const at = readyRevs(number).at(-1)!;
    return build(number, at).find((c) => c.id === id)!;
  };

  return {
    list(number, rev, actor) {
      const row = find(number);
      const at = revisionRead(row, rev);
      const comments = build(row.number, at);
      const counts: Record<string, number> = {};
      for (const c of comments) if ('clauseId' in c.here) counts[c.here.clauseId] = (counts[c.here.clauseId] ?? 0) + 1;
      return {
        number: row.number,
        rev: at,
        label: label(at),
        currentRev: readyRevs(row.number).at(-1) ?? null,
        period: periodOf(row),
        mayComment: mayComment(row, actor),
        mayDispose: isEditor(row, actor),
        counts,
        open: comments.filter((c) => c.disposition === null).length,
        comments,
      };
    },

    add(number, body, actor) {
      const row = find(number);
      const request = readCommentRequest(body);
      if (!mayComment(row, actor))
        throw new DomainError(
          'forbidden',
          'comment_period_closed',
          `${row.number} is not open for public comment: outside a comment period only reviewers and the editors comment`,
          { number: row.number },
        );
      const current = readyRevs(row.number).at(-1);
      if (current === undefined)
        throw new DomainError('conflict', 'comment_no_revision', `${row.number} has no generated revision yet`, {
          number: row.number,
        });
      let rev = current;
      let clauseId = request.clauseId;
      if (request.parentId !== null) {
        const parent = store.comments.get(request.parentId);
        if (!parent || parent.number !== row.number)
          throw new DomainError('not-found', 'comment_not_found', `${row.number} has no comment ${request.parentId}`, {
            number: row.number,
            id: request.parentId,
          });
        if (parent.parent_id !== null)
          throw new DomainError('invalid', 'comment_reply_to_reply', 'reply to the comment itself, not to a reply');
        rev = parent.rev;
        clauseId = parent.clause_id;
      } else {
        if (request.rev !== null && request.rev !== current)
          throw new DomainError(
            'conflict',
            'comment_not_current',
            `comments are made on the current revision ${label(current)} of ${row.number}, not on ${label(request.rev)}: read it and comment there`,
            { number: row.number, current: label(current), rev: label(request.rev) },
          );
        if (!indexOf(row.number, current)?.clauses.has(clauseId))
          throw new DomainError(
            'invalid',
            'comment_unknown_clause',
            `revision ${label(current)} of ${row.number} has no clause ${clauseId}: use a clause ID of its draft page`,
            { number: row.number, rev: label(current), clauseId },
          );
      }
      const organisation = request.organisation ?? store.githubUsers.get(actor.login)?.company?.replace(/^@/, '') ?? '';
      const id = store.transaction(() =>
        store.comments.add({
          number: row.number,
          rev,
          clause_id: clauseId,
          parent_id: request.parentId,
          kind: request.kind,
          markdown: request.text,
          html: renderMarkdown(request.text),
          proposed_change: request.parentId !== null ? '' : request.proposedChange,
          author: actor.login,
          organisation,
          at: isoNow(clock),
        }),
      );
      return one(row.number, request.parentId ?? id);
    },

    dispose(number, id, body, actor) {
      const row = find(number);
      if (!isEditor(row, actor))
        throw new DomainError(
          'forbidden',
          'disposition_editors_only',
          `only the editors (${deps.proposals.workflow().workflow.revise.by.join(' or ')} of the project) decide on comments`,
          { by: deps.proposals.workflow().workflow.revise.by.join(', ') },
        );
      const request = readDispositionRequest(body);
      const comment = store.comments.get(id);
      if (!comment || comment.number !== row.number)
        throw new DomainError('not-found', 'comment_not_found', `${row.number} has no comment ${id}`, {
          number: row.number,
          id,
        });
      if (comment.parent_id !== null)
        throw new DomainError('invalid', 'disposition_of_reply', 'a reply takes no disposition: decide on its comment');
      if (
        request.carriedIn !== null &&
        (!readyRevs(row.number).includes(request.carriedIn) || request.carriedIn < comment.rev)
      )
        throw new DomainError(
          'invalid',
          'disposition_bad_revision',
          `"carriedIn" must be a ready revision of ${row.number} made since the comment (${label(comment.rev)} or later)`,
          { number: row.number, rev: label(comment.rev) },
        );
      store.transaction(() =>
        store.comments.addDisposition({
          comment_id: id,
          disposition: request.disposition,
          reason: request.reason,
          carried_in: request.carriedIn,
          by_login: actor.login,
          at: isoNow(clock),
        }),
      );
      return one(row.number, id);
    },

    resolution(number, rev) {
      const row = find(number);
      const at = revisionRead(row, rev);
      return resolutionRows(
        { number: row.number, titleZh: row.title_zh, titleEn: row.title_en, rev: label(at) },
        build(row.number, at),
      );
    },

    headings(number, rev) {
      const index = indexOf(number.toUpperCase(), rev);
      return [...(index?.clauses ?? [])]
        .filter(([, c]) => HEADING_KINDS.has(c.kind))
        .map(([id, c]) => ({ id, number: c.number, title: c.title }));
    },

    clause: (number, rev, id) => indexOf(number.toUpperCase(), rev)?.clauses.get(id),

    version: (number) => store.comments.version(number.toUpperCase()),
  };
}
