import type { NotificationRow } from '../../db/notifications/notification-queries.ts';
import type { Store } from '../../db/store.ts';
import { JOB } from '../../db/jobs/job-kinds.ts';
import { renderMessage } from '../../content/i18n/render-message.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { toLang, type Lang } from '../../kernel/i18n/languages.ts';
import { storedMessage, storeMessage, type Message } from '../../kernel/i18n/message.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import type { AuditContext, AuditService } from '../accounts/audit-service.ts';
import type { Workflow } from '../proposals/workflow/workflow-schema.ts';
import type { JobHandler } from '../queue/job-handler.ts';
import { whatHappened, whatIsAsked } from './event-messages.ts';
import { createMailJobHandler } from './mail-job.ts';
import { smtpTransport, type MailTransport } from './mail-transport.ts';
import type { ProposalEvent } from './proposal-event.ts';
import { audienceOf } from './audience-of.ts';
import { recipientsOf } from './recipients-of.ts';

/** One notification as `GET /api/me/inbox` answers it: English texts, with their codes and parameters. */
export interface NotificationJson {
  id: number;
  number: string;
  event: NotificationRow['event'];
  rev: number | null;
  /** What happened (English), and as a message code. */
  message: string;
  messageCode: string;
  params: Message['params'];
  /** What the reader is asked to do (English), and as a message code. */
  ask: string;
  askCode: string;
  askParams: Message['params'];
  /** The reader holds the ball now. */
  yourTurn: boolean;
  createdAt: string;
  readAt: string | null;
  link: string;
}

/** A notification's messages, for pages that render them in the reader's language. */
export interface InboxItem extends NotificationJson {
  what: Message;
  asked: Message;
}

/** A person's notification settings. */
export interface NotificationPreferences {
  email: string | null;
  language: Lang | null;
}

/** Inbox, e-mail and the events that feed them. */
export interface NotificationsService {
  /** Records the notifications of a proposal event; call it inside the event's transaction. Returns how many. */
  record(event: ProposalEvent): number;
  inbox(userId: number, limit?: number): { items: InboxItem[]; unread: number };
  unread(userId: number): number;
  /** Marks some (`ids`) or every (`all`) notification of the person read; returns how many changed. */
  markRead(userId: number, request: { ids?: readonly number[]; all?: boolean }): { marked: number; unread: number };
  preferences(userId: number): NotificationPreferences;
  setPreferences(
    userId: number,
    input: { email?: string; language?: string },
    ctx: AuditContext,
  ): NotificationPreferences;
  /** Whether notifications go out by e-mail (MAGNOLIA_SMTP_URL and MAGNOLIA_MAIL_FROM are set). */
  mailEnabled: boolean;
  /** The queue's handler of notification e-mails. */
  handlers: Record<string, JobHandler>;
  close(): void;
}

export interface NotificationsDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  audit: AuditService;
  /** The workflow in force (read when an event happens, from the proposals service). */
  workflow: () => Workflow;
  mail: { smtpUrl: string; from: string } | undefined;
  baseUrl: () => string;
  /** Replaces the SMTP transport (tests). */
  transport?: MailTransport;
}

const EMAIL = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;

/** The notifications service over one store. */
export function createNotificationsService(deps: NotificationsDeps): NotificationsService {
  const { store, clock, mail } = deps;
  let transport = deps.transport;
  const transportOf = (): MailTransport => (transport ??= smtpTransport(mail!.smtpUrl));

  const item = (row: NotificationRow): InboxItem => {
    const what = storedMessage(row.what) ?? { code: 'text', params: { text: row.number } };
    const asked = storedMessage(row.ask) ?? { code: 'text', params: { text: '' } };
    return {
      id: row.id,
      number: row.number,
      event: row.event,
      rev: row.rev,
      message: renderMessage(what, 'en'),
      messageCode: what.code,
      params: what.params ?? {},
      ask: renderMessage(asked, 'en'),
      askCode: asked.code,
      askParams: asked.params ?? {},
      yourTurn: row.holds === 1,
      createdAt: row.created_at,
      readAt: row.read_at,
      link: `/proposals/${encodeURIComponent(row.number)}`,
      what,
      asked,
    };
  };

  const preferences = (userId: number): NotificationPreferences => {
    const person = store.notifications.byId(userId);
    return { email: person?.email ?? null, language: person?.notify_lang ?? null };
  };

  return {
    record(event) {
      const row = store.proposals.get(event.number);
      if (!row) return 0;
      const flow = deps.workflow();
      const stage = flow.stages.find((s) => s.id === row.stage);
      const people = recipientsOf({
        queries: store.notifications,
        repositoryId: row.repository_id,
        ...audienceOf(event, row, stage?.holder ?? 'none'),
      });
      const what = storeMessage(whatHappened(event, row, flow))!;
      const at = isoNow(clock);
      const latest = 'rev' in event ? event.rev : (store.revisions.latestReady(row.number)?.rev ?? null);
      for (const { person, holds, as } of people) {
        const id = store.notifications.insert({
          user_id: person.id,
          number: row.number,
          event: event.kind,
          rev: latest,
          what,
          ask: storeMessage(whatIsAsked(row, flow, holds, as, event))!,
          holds: holds ? 1 : 0,
          created_at: at,
        });
        // The e-mail is a job in the same transaction: sent after the change commits, never inside the request.
        if (mail && person.email)
          store.jobs.enqueue({
            kind: JOB.notificationMail,
            subject: String(id),
            queueKey: `mail:${person.id}`,
            runAt: clock.now(),
          });
      }
      return people.length;
    },

    inbox(userId, limit = 200) {
      return { items: store.notifications.inbox(userId, limit).map(item), unread: store.notifications.unread(userId) };
    },

    unread: (userId) => store.notifications.unread(userId),

    markRead(userId, request) {
      const at = isoNow(clock);
      const ids = request.ids ?? [];
      if (!request.all && (ids.length === 0 || ids.length > 1000 || !ids.every((id) => Number.isSafeInteger(id))))
        throw new DomainError(
          'invalid',
          'bad_inbox_request',
          'send {"ids": [1, 2]} to mark those notifications read, or {"all": true} for all',
        );
      const marked = store.transaction(() =>
        request.all ? store.notifications.markAllRead(userId, at) : store.notifications.markRead(userId, ids, at),
      );
      return { marked, unread: store.notifications.unread(userId) };
    },

    preferences,

    setPreferences(userId, input, ctx) {
      const email = (input.email ?? '').trim();
      if (email !== '' && (email.length > 254 || !EMAIL.test(email)))
        throw new DomainError(
          'invalid',
          'bad_email',
          `"${email.slice(0, 80)}" is not an e-mail address: write it as name@example.org, or leave the field empty`,
          { email: email.slice(0, 80) },
        );
      const rawLang = (input.language ?? '').trim();
      const language = rawLang === '' ? null : (toLang(rawLang) ?? null);
      if (rawLang !== '' && language === null)
        throw new DomainError(
          'invalid',
          'bad_notification_language',
          'choose the language of notifications: zh-CN or en',
        );
      return store.transaction(() => {
        const before = preferences(userId);
        const person = store.notifications.byId(userId);
        if (!person) throw new DomainError('not-found', 'user_not_found', 'sign in again: this account is gone');
        store.notifications.setPreferences(userId, email || null, language);
        if (before.email !== (email || null) || before.language !== language)
          deps.audit.record(ctx, 'account.notifications', person.login, {
            email: email || null,
            language,
          });
        return { email: email || null, language };
      });
    },

    mailEnabled: mail !== undefined,

    handlers: mail
      ? {
          [JOB.notificationMail]: createMailJobHandler({
            store,
            clock,
            log: deps.log,
            transport: transportOf,
            from: mail.from,
            baseUrl: deps.baseUrl,
          }),
        }
      : {},

    close() {
      transport?.close();
    },
  };
}
