import { msg, type Message } from '../../../kernel/i18n/message.ts';
import type { GuardName } from './guard-names.ts';
import type { ProposalFacts } from './proposal-facts.ts';
import type { WorkflowSettings } from './workflow-schema.ts';

/** A requirement that does not hold: a stable code, what is missing and what to do, and where to do it. */
export interface MissingRequirement {
  code: GuardName;
  message: Message;
  link?: string;
}

/** What a guard needs besides the proposal's facts. */
export interface GuardContext {
  settings: WorkflowSettings;
  /** The maturity model's level ids, lowest first, with their names in both languages. */
  levels: readonly { id: string; name: { en: string; zh: string } }[];
  now: Date;
  /** The comment given with the action (a reason), if any. */
  comment: string;
  projectLink: string;
}

const DAY_MS = 86_400_000;
const local = (text: { en: string; zh: string }): Message => msg('local', { en: text.en, zh: text.zh });
const daysLeft = (endsAt: string, now: Date) => Math.max(1, Math.ceil((Date.parse(endsAt) - now.getTime()) / DAY_MS));

/** Checks one guard; null when it holds, otherwise what is missing (never throws). */
export function checkGuard(guard: GuardName, facts: ProposalFacts, ctx: GuardContext): MissingRequirement | null {
  const fail = (
    params: Record<string, string | number | Message> = {},
    link?: string,
    variant = '',
  ): MissingRequirement => ({
    code: guard,
    message: msg(`proposal.guard.${guard}${variant}`, params),
    ...(link === undefined ? {} : { link }),
  });
  const { settings, now } = ctx;
  switch (guard) {
    case 'project-level': {
      const rank = (id: string | null) => ctx.levels.findIndex((l) => l.id === id);
      const required = ctx.levels[rank(settings.requiredLevel)];
      if (required === undefined || rank(facts.project.level) >= rank(required.id)) return null;
      const current = ctx.levels[rank(facts.project.level)];
      return fail(
        {
          level: current ? local(current.name) : msg('proposal.level.none'),
          required: local(required.name),
          gaps: facts.project.gaps,
        },
        `${ctx.projectLink}#gaps`,
      );
    }
    case 'sources-pinned':
      return facts.sources.files > 0 && facts.sources.commit !== null ? null : fail({ files: facts.sources.files });
    case 'licence-compatible':
      if (facts.licence !== null && settings.compatibleLicences.includes(facts.licence)) return null;
      return fail(
        { licence: facts.licence ?? msg('proposal.licence.unknown'), allowed: settings.compatibleLicences.join(', ') },
        ctx.projectLink,
      );
    case 'ipr-statement':
      return facts.iprStatement ? null : fail();
    case 'implementations':
      return facts.implementations >= settings.minImplementations
        ? null
        : fail({ count: facts.implementations, needed: settings.minImplementations });
    case 'has-revision':
      return facts.revisions.ready > 0 ? null : fail();
    case 'notice-over':
    case 'comment-period-over': {
      const kind = guard === 'notice-over' ? 'notice' : 'comment';
      const period = facts.period?.kind === kind ? facts.period : null;
      if (period === null) return fail({}, undefined, '.missing');
      if (Date.parse(period.endsAt) <= now.getTime()) return null;
      return fail({ days: daysLeft(period.endsAt, now), endsAt: period.endsAt.slice(0, 10) });
    }
    case 'revision-since-comment': {
      const { lastCommentEndedAt } = facts;
      const last = facts.revisions.lastReadyAt;
      if (lastCommentEndedAt === null) return null;
      return last !== null && Date.parse(last) > Date.parse(lastCommentEndedAt)
        ? null
        : fail({ endedAt: lastCommentEndedAt.slice(0, 10) });
    }
    case 'comments-dispositioned':
      return facts.openComments === 0 ? null : fail({ count: facts.openComments });
    case 'no-open-ballot':
      return facts.ballot?.status === 'open' ? fail() : null;
    case 'ballot-passed':
      return facts.ballot?.status === 'closed' && facts.ballot.passed
        ? null
        : fail({
            state: msg(facts.ballot === null ? 'proposal.ballot.none' : `proposal.ballot.${facts.ballot.status}`),
          });
    case 'no-blocking-positions':
      return (facts.ballot?.blocking ?? 0) === 0 ? null : fail({ count: facts.ballot?.blocking ?? 0 });
    case 'reason-given':
      return ctx.comment.trim().length > 0 ? null : fail();
    case 'review-due': {
      if (facts.publishedAt === null) return fail({}, undefined, '.missing');
      const due = new Date(Date.parse(facts.publishedAt));
      due.setUTCFullYear(due.getUTCFullYear() + settings.reviewIntervalYears);
      return due.getTime() <= now.getTime() ? null : fail({ dueAt: due.toISOString().slice(0, 10) });
    }
  }
}
