import type { JobRow } from '../../db/jobs/job-queries.ts';
import type { Store } from '../../db/store.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DEFAULT_LANG } from '../../kernel/i18n/languages.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import type { JobHandler } from '../queue/job-handler.ts';
import { composeMail } from './compose-mail.ts';
import type { MailTransport } from './mail-transport.ts';

export interface MailJobDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  transport: () => MailTransport;
  from: string;
  /** The portal's public base URL (read at send time: without MAGNOLIA_BASE_URL it is known once listening). */
  baseUrl: () => string;
}

/**
 * Sends one notification by e-mail (job subject: the notification id) to the address its person has now, in their
 * notification language. A refusal or an unreachable server throws, so the queue retries with its backoff; a sent
 * notification is marked, so a job run again after a crash does not send it twice (at most one repeat per crash).
 */
export function createMailJobHandler(deps: MailJobDeps): JobHandler {
  const { store, clock, log } = deps;
  return {
    async run(job: JobRow) {
      const row = store.notifications.get(Number(job.subject));
      if (!row || row.mailed_at !== null) return;
      const person = store.notifications.byId(row.user_id);
      // The address was removed meanwhile: nothing to send.
      if (!person?.email) return;
      const lang = person.notify_lang ?? DEFAULT_LANG;
      const { subject, text } = composeMail(row, lang, deps.baseUrl());
      await deps.transport().send({
        from: deps.from,
        to: person.email,
        subject,
        text,
        headers: { 'Content-Language': lang, 'Auto-Submitted': 'auto-generated' },
      });
      store.notifications.markMailed(row.id, isoNow(clock));
      log.info({ notification: row.id, proposal: row.number, lang }, 'notification mailed');
    },
  };
}
