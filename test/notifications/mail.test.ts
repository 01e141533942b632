import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB } from '../../db/jobs/job-kinds.ts';
import { signInAsDemo, webSession, type WebSession } from '../support/web-session.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { NIMBUS_PROPOSAL } from '../support/demo-proposal.ts';

// E-mail through a local SMTP server: sent by a queued job after the request answered, in the recipient's language,
// retried when the server refuses, and the SMTP password never in a log line.
const PASSWORD = 'smtp-Pa55-w0rd-7f3e9c';
type Received = { from: string; to: string[]; raw: string };
let received: Received[] = [];
let refuseNext = 0;
let app: TestInstance;
let smtp: SMTPServer;
let number: string;
const sessions = new Map<string, WebSession>();
const as = async (login: string): Promise<WebSession> => {
  const known = sessions.get(login);
  if (known) return known;
  const session = webSession(app.url);
  if ((await signInAsDemo(session, login, '/account')).status !== 303) throw new Error(`sign-in as ${login}`);
  sessions.set(login, session);
  return session;
};
const mailJobs = () =>
  app.store.db
    .prepare(`SELECT state, attempts, last_error FROM jobs WHERE kind = ? ORDER BY id`)
    .all(JOB.notificationMail) as {
    state: string;
    attempts: number;
    last_error: string | null;
  }[];
/** The decoded body of a message (quoted-printable or base64 as nodemailer wrote it). */
const bodyOf = (raw: string): string => {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding: base64/i.test(head!))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding: quoted-printable/i.test(head!))
    return Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return body;
};
const subjectOf = (raw: string): string => {
  const line = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)![1]!.replace(/\r?\n[ \t]/g, ' ');
  return line.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s?/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
};

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'notify' && auth.password === PASSWORD) callback(null, { user: 'notify' });
      else callback(new Error('bad credentials'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuseNext > 0) {
          refuseNext -= 1;
          const error = new Error('mailbox busy, try later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  app = await startTestInstance({
    env: {
      MAGNOLIA_DEMO: 'on',
      MAGNOLIA_RATE_LIMIT_WRITES: '1000',
      MAGNOLIA_SMTP_URL: `smtp://notify:${PASSWORD}@127.0.0.1:${port}`,
      MAGNOLIA_MAIL_FROM: 'Magnolia <portal@magnolia.test>',
    },
  });
}, 180_000);
afterAll(async () => {
  await app?.destroy();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('notifications by e-mail', () => {
  it('lets people set their address and language on the account page (validated, audited)', async () => {
    const secretariat = await as('linqing-sec');
    const bad = await secretariat.post('/account/notifications', { email: 'not an address', language: 'en' });
    expect(bad.status).toBe(400);
    const saved = await secretariat.post('/account/notifications', {
      email: 'lin.qing@secretariat.test',
      language: 'zh-CN',
    });
    expect(saved.status).toBe(303);
    const page = await (await secretariat.get('/account?done=notifications-saved&lang=en')).text();
    expect(page).toContain('value="lin.qing@secretariat.test"');
    expect(page).toContain('Notification settings saved.');
    expect(page).not.toContain('This portal sends no e-mail');
    const audit = app.services.audit.list({ action: 'account.notifications' });
    expect(audit.map((a) => [a.actor, a.target, a.detail])).toEqual([
      ['linqing-sec', 'linqing-sec', { email: 'lin.qing@secretariat.test', language: 'zh-CN' }],
    ]);
    const maintainer = await as('chenyu-ct');
    expect(
      (await maintainer.post('/account/notifications', { email: 'chen.yu@cloudtide.test', language: 'en' })).status,
    ).toBe(303);
  });

  it('sends from a queued job after the request has answered, in the recipient language', async () => {
    const maintainer = await as('chenyu-ct');
    const created = await maintainer.json('POST', '/api/proposals', NIMBUS_PROPOSAL);
    expect(created.status).toBe(201);
    number = ((await created.json()) as { number: string }).number;
    await maintainer.json('POST', `/api/proposals/${number}/revisions`, {});
    await app.worker.drain();
    // Chen Yu asked for the revision: told in English when it is ready.
    expect(received.map((m) => m.to)).toEqual([['chen.yu@cloudtide.test']]);
    expect(subjectOf(received[0]!.raw)).toBe(
      `[Magnolia] Revision -00 (Proposal draft) of ${number} “Nimbus placement request format” is ready`,
    );
    expect(received[0]!.from).toBe('portal@magnolia.test');
    received = [];

    const submitted = await maintainer.json('POST', `/api/proposals/${number}/actions`, { action: 'submit' });
    expect(submitted.status).toBe(200);
    // The answer came first: the e-mail is a pending job, nothing has been sent.
    expect(received).toEqual([]);
    expect(mailJobs().at(-1)).toMatchObject({ state: 'pending', attempts: 0 });
    await app.worker.drain();
    expect(received.map((m) => m.to)).toEqual([['lin.qing@secretariat.test']]);
    const mail = received[0]!;
    expect(subjectOf(mail.raw)).toBe(
      `[Magnolia] chenyu-ct 对提案 ${number}《云工作负载放置请求格式》执行了“提交”：提案草稿 → 已提交`,
    );
    expect(mail.raw).toMatch(/^Content-Language: zh-CN/m);
    const body = bodyOf(mail.raw);
    expect(body).toContain('轮到您以秘书处身份处理：等待秘书处受理并安排立项评审');
    expect(body).toContain(`${app.url}/proposals/${number}`);
    expect(body).toContain(`${app.url}/inbox`);
    expect(body).not.toMatch(/your turn/i);
    const lin = app.store.users.findByLogin('linqing-sec')!;
    expect(app.store.notifications.inbox(lin.id, 5)[0]!.mailed_at).not.toBeNull();
  });

  it('retries with the queue backoff when the server refuses, and loses nothing', async () => {
    received = [];
    refuseNext = 1;
    const secretariat = await as('linqing-sec');
    // Chen Yu (proposer, maintainer) is told of the acceptance in English.
    const accepted = await secretariat.json('POST', `/api/proposals/${number}/actions`, {
      action: 'accept-for-review',
    });
    expect(accepted.status).toBe(200);
    await app.worker.drain();
    expect(received).toEqual([]);
    const failed = mailJobs().at(-1)!;
    expect(failed).toMatchObject({ state: 'pending', attempts: 1 });
    expect(failed.last_error).toMatch(/451/);
    // Not due yet: the backoff holds it.
    await app.worker.drain();
    expect(received).toEqual([]);
    app.clock.advance(60_000);
    await app.worker.drain();
    expect(received.map((m) => m.to)).toEqual([['chen.yu@cloudtide.test']]);
    expect(subjectOf(received[0]!.raw)).toContain('linqing-sec took “Accept for project review”');
    expect(mailJobs().at(-1)).toMatchObject({ state: 'done', attempts: 2 });
    // Each notification went out exactly once.
    await app.worker.drain();
    expect(received).toHaveLength(1);
  });

  it('never writes the SMTP password into a log line', () => {
    const logs = app.logs();
    expect(logs).toContain('notification mailed');
    expect(logs).toContain('job failed: will retry');
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toContain(encodeURIComponent(PASSWORD));
    expect(logs).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  });
});
