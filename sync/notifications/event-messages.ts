import type { ProposalRow } from '../../db/proposals/proposal-queries.ts';
import { msg, type Message } from '../../kernel/i18n/message.ts';
import { revLabel } from '../proposals/proposal-json.ts';
import type { Workflow } from '../proposals/workflow/workflow-schema.ts';
import type { ProposalEvent } from './proposal-event.ts';
import type { Capacity } from './recipients-of.ts';

const local = (text: { en: string; zh: string }): Message => msg('local', { en: text.en, zh: text.zh });

/** The capacity a person is told in, as a message. */
const CAPACITY: Record<Capacity, () => Message> = {
  maintainers: () => msg('notification.as.maintainers'),
  editors: () => msg('notification.as.editors'),
  secretariat: () => msg('notification.as.secretariat'),
  reviewers: () => msg('notification.as.reviewers'),
  proposer: () => msg('notification.as.proposer'),
  requester: () => msg('notification.as.requester'),
  voter: () => msg('notification.as.voter'),
};

/**
 * What happened, as a message code with parameters (rendered in each reader's language later):
 * `{ kind: 'stage', action: 'submit' }` → "chenyu-ct took “Submit” on MP-2026-001 “…”: Draft → Submitted".
 */
export function whatHappened(event: ProposalEvent, row: ProposalRow, flow: Workflow): Message {
  const title = local({ en: row.title_en, zh: row.title_zh });
  const stageName = (id: string | null) => {
    const stage = flow.stages.find((s) => s.id === id);
    return stage ? local(stage.name) : msg('text', { text: id ?? '—' });
  };
  if (event.kind === 'created') return msg('notification.created', { actor: event.actor, number: row.number, title });
  if (event.kind === 'stage') {
    const action = flow.actions.find((a) => a.id === event.action);
    return msg('notification.stage', {
      actor: event.actor,
      number: row.number,
      title,
      action: action ? local(action.name) : msg('text', { text: event.action }),
      from: stageName(event.from),
      to: stageName(row.stage),
    });
  }
  if (event.kind === 'ballot-open')
    return msg('notification.ballot-open', {
      actor: event.actor,
      number: row.number,
      title,
      seq: event.seq,
      rev: revLabel(event.rev),
      closesAt: event.closesAt.slice(0, 10),
    });
  if (event.kind === 'ballot-close')
    return msg(event.actor === null ? 'notification.ballot-close-on-time' : 'notification.ballot-close', {
      actor: event.actor ?? '',
      number: row.number,
      title,
      seq: event.seq,
      rev: revLabel(event.rev),
      result: msg(event.passed ? 'notification.ballot.passed' : 'notification.ballot.not-passed'),
    });
  if (event.kind === 'drift')
    return msg('notification.drift', {
      number: row.number,
      title,
      rev: revLabel(event.rev),
      commit: event.headCommit.slice(0, 7),
      files: event.files,
      clauses: event.clauses,
      strength: event.strengthChanges,
    });
  const stage = flow.stages.find((s) => s.id === row.stage);
  return msg('notification.revision', {
    number: row.number,
    title,
    rev: revLabel(event.rev),
    draft: stage?.draftName ? local(stage.draftName) : stageName(row.stage),
  });
}

/**
 * What the reader is asked to do: act (they hold the ball) or nothing (they follow), with who is waited for. A
 * ballot's voters are asked for their position by its closing date; the editors, after drift, whether to make a
 * new revision from the new head.
 */
export function whatIsAsked(
  row: ProposalRow,
  flow: Workflow,
  holds: boolean,
  as: Capacity,
  event?: ProposalEvent,
): Message {
  if (holds && event?.kind === 'ballot-open' && as === 'voter')
    return msg('notification.ask.vote', { seq: event.seq, closesAt: event.closesAt.slice(0, 10) });
  if (holds && event?.kind === 'drift')
    return msg('notification.ask.drift', { as: CAPACITY[as](), commit: event.headCommit.slice(0, 7) });
  const stage = flow.stages.find((s) => s.id === row.stage);
  const waiting = stage?.waiting ? local(stage.waiting) : stage ? local(stage.name) : msg('text', { text: row.stage });
  return msg(holds ? 'notification.ask.act' : 'notification.ask.follow', { as: CAPACITY[as](), waiting });
}
