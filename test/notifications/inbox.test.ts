import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_CONTEXT } from '../../sync/accounts/audit-service.ts';
import { signInAsDemo, webSession, type WebSession } from '../support/web-session.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { NIMBUS_PROPOSAL } from '../support/demo-proposal.ts';

// The demo community's people act on a proposal through the API; each event leaves an inbox row for exactly the
// people who now hold the ball (and the proposer and maintainers on a stage change), in the reader's language.
let app: TestInstance;
let number: string;
const sessions = new Map<string, WebSession>();
const as = async (login: string): Promise<WebSession> => {
  const known = sessions.get(login);
  if (known) return known;
  const session = webSession(app.url);
  const res = await signInAsDemo(session, login, '/account');
  if (res.status !== 303) throw new Error(`demo sign-in as ${login}: ${res.status}`);
  sessions.set(login, session);
  return session;
};
const PEOPLE = ['chenyu-ct', 'lina-ct', 'linqing-sec', 'mkowalski', 'liuyang-dh', 'hanmei-admin', 'zhouhao'];
/** Every person's inbox as the store holds it: login → events. */
const inboxes = (): Record<string, string[]> =>
  Object.fromEntries(
    PEOPLE.map((login) => {
      const user = app.store.users.findByLogin(login)!;
      return [login, app.store.notifications.inbox(user.id, 100).map((n) => `${n.event}:${n.holds ? 'act' : 'info'}`)];
    }),
  );

const proposal = NIMBUS_PROPOSAL;

beforeAll(async () => {
  app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_RATE_LIMIT_WRITES: '1000' } });
  // A second maintainer of the project (not a demo person of the sign-in list): she holds the ball with Chen Yu.
  const lina = app.store.users.ensure('lina-ct', '2026-11-01T08:00:00.000Z');
  const nimbus = app.store.repositories.findMember('cloudtide/nimbus-placement')!;
  app.store.maintainers.set(lina.id, { repositoryId: nimbus.id, permission: 'maintain', source: 'github' }, 'now');
}, 180_000);
afterAll(() => app?.destroy());

describe('notifications of proposal events', () => {
  it('on creation: the other maintainers who hold the ball, nobody else (not the one who created it)', async () => {
    const created = await (await as('chenyu-ct')).json('POST', '/api/proposals', proposal);
    expect(created.status, await created.clone().text()).toBe(201);
    number = ((await created.json()) as { number: string }).number;
    expect(inboxes()).toEqual({
      'chenyu-ct': [],
      'lina-ct': ['created:act'],
      'linqing-sec': [],
      mkowalski: [],
      'liuyang-dh': [],
      'hanmei-admin': [],
      zhouhao: [],
    });
  });

  it('on a ready revision: the holders and the person who asked for it, once the job has generated it', async () => {
    const asked = await (await as('chenyu-ct')).json('POST', `/api/proposals/${number}/revisions`, {});
    expect(asked.status).toBe(202);
    // Queued is not ready: nothing yet.
    expect(inboxes()['chenyu-ct']).toEqual([]);
    await app.worker.drain();
    const now = inboxes();
    expect(now['chenyu-ct']).toEqual(['revision:act']);
    expect(now['lina-ct']).toEqual(['revision:act', 'created:act']);
    expect(now['linqing-sec']).toEqual([]);
    expect(now['mkowalski']).toEqual([]);
  });

  it('on a stage change: the role holding the ball now (the secretariat), and the maintainers for information', async () => {
    const submitted = await (
      await as('chenyu-ct')
    ).json('POST', `/api/proposals/${number}/actions`, {
      action: 'submit',
    });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    const now = inboxes();
    expect(now['linqing-sec']).toEqual(['stage:act']);
    expect(now['lina-ct']).toEqual(['stage:info', 'revision:act', 'created:act']);
    expect(now['chenyu-ct']).toEqual(['revision:act']);
    for (const nobody of ['mkowalski', 'liuyang-dh', 'hanmei-admin', 'zhouhao']) expect(now[nobody]).toEqual([]);
  });

  it('says what happened and what is asked in the reader language on /inbox, unread first, with the proposal link', async () => {
    const secretariat = await as('linqing-sec');
    const en = await (await secretariat.get('/inbox?lang=en')).text();
    expect(en).toContain(
      `chenyu-ct took “Submit” on ${number} “Nimbus placement request format”: Proposal draft → Submitted`,
    );
    expect(en).toContain('Your turn, as the secretariat: waiting for the secretariat to accept for review');
    expect(en).toContain(`href="/proposals/${number}"`);
    expect(en).toContain('1 unread');
    expect(en).toMatch(/name="_csrf" value="[^"]+"><input type="hidden" name="id" value="\d+">/);
    const zh = await (await secretariat.get('/inbox?lang=zh-CN')).text();
    expect(zh).toContain(`chenyu-ct 对提案 ${number}《云工作负载放置请求格式》执行了“提交”：提案草稿 → 已提交`);
    expect(zh).toContain('轮到您以秘书处身份处理：等待秘书处受理并安排立项评审');
    expect(zh).not.toMatch(/your turn/i);
    // The header's badge, on any page rendered for her.
    const page = await (await secretariat.get('/proposals?lang=en')).text();
    expect(page).toMatch(
      /<a class="inbox-link" href="\/inbox" aria-label="Inbox, 1 unread">Inbox <span class="inbox-badge" aria-hidden="true">1<\/span><\/a>/,
    );
    // Unread first: Li Na's information about the stage is above her read items once she reads the older ones.
    const lina = app.store.users.findByLogin('lina-ct')!;
    const [stage, revision, created] = app.store.notifications.inbox(lina.id, 10);
    app.services.notifications.markRead(lina.id, { ids: [stage!.id] });
    expect(app.store.notifications.inbox(lina.id, 10).map((n) => n.id)).toEqual([revision!.id, created!.id, stage!.id]);
  });

  it('answers GET /api/me/inbox by session and by token, and marks read by id or all', async () => {
    const secretariat = await as('linqing-sec');
    const body = (await (await secretariat.get('/api/me/inbox')).json()) as {
      items: Record<string, unknown>[];
      unread: number;
    };
    expect(body.unread).toBe(1);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      number,
      event: 'stage',
      rev: 0,
      messageCode: 'notification.stage',
      message: `chenyu-ct took “Submit” on ${number} “Nimbus placement request format”: Proposal draft → Submitted`,
      askCode: 'notification.ask.act',
      ask: 'Your turn, as the secretariat: waiting for the secretariat to accept for review',
      yourTurn: true,
      readAt: null,
      link: `/proposals/${number}`,
    });
    expect(Object.keys(body.items[0]!).sort()).toEqual(
      [
        'id',
        'number',
        'event',
        'rev',
        'message',
        'messageCode',
        'params',
        'ask',
        'askCode',
        'askParams',
        'yourTurn',
        'createdAt',
        'readAt',
        'link',
      ].sort(),
    );
    const id = body.items[0]!['id'] as number;

    const { token } = app.services.tokens.create('linqing-sec', { scopes: ['read'], expires: '7d' }, CLI_CONTEXT);
    const byToken = await fetch(`${app.url}/api/me/inbox`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await byToken.json()) as { unread: number }).unread).toBe(1);
    // Someone else's id marks nothing.
    const lina = app.store.users.findByLogin('lina-ct')!;
    const hers = app.store.notifications.inbox(lina.id, 10)[0]!.id;
    const other = await secretariat.json('POST', '/api/me/inbox/read', { ids: [hers] });
    expect(await other.json()).toEqual({ marked: 0, unread: 1 });
    expect((await secretariat.json('POST', '/api/me/inbox/read', { ids: 'all' })).status).toBe(400);
    const marked = await fetch(`${app.url}/api/me/inbox/read`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [id] }),
    });
    expect(await marked.json()).toEqual({ marked: 1, unread: 0 });
    const after = (await (await secretariat.get('/api/me/inbox')).json()) as { items: { readAt: string | null }[] };
    expect(after.items[0]!.readAt).toBe('2026-11-01T08:00:00.000Z');
    // No badge once everything is read.
    expect(await (await secretariat.get('/proposals?lang=en')).text()).toContain(
      '<a class="inbox-link" href="/inbox">Inbox</a>',
    );
  });

  it('marks read from the page forms (with the CSRF token only), and sends a visitor to sign in', async () => {
    const lina = app.store.users.findByLogin('lina-ct')!;
    expect(app.store.notifications.unread(lina.id)).toBe(2);
    const maintainer = await as('chenyu-ct');
    expect(app.store.notifications.unread(app.store.users.findByLogin('chenyu-ct')!.id)).toBe(1);
    const forged = await maintainer.post('/inbox/read-all', { _csrf: 'not-the-token' });
    expect(forged.status).toBe(403);
    const all = await maintainer.post('/inbox/read-all');
    expect(all.status).toBe(303);
    expect(all.headers.get('location')).toBe('/inbox?done=all-read');
    expect(app.store.notifications.unread(app.store.users.findByLogin('chenyu-ct')!.id)).toBe(0);
    expect(app.store.notifications.unread(lina.id)).toBe(2);
    const page = await (await maintainer.get('/inbox?done=all-read&lang=en')).text();
    expect(page).toContain('Every notification is marked read.');
    expect(page).not.toContain('action="/inbox/read-all"');

    const visitor = await fetch(`${app.url}/inbox?lang=en`, { redirect: 'manual' });
    expect(visitor.status).toBe(401);
    expect(await visitor.text()).toContain('/signin?next=%2Finbox');
  });

  it('writes nothing when recording the notifications fails: the action is undone with them', async () => {
    const before = app.services.proposals.get(number, null);
    app.store.db.exec(
      `CREATE TEMP TRIGGER notifications_refuse BEFORE INSERT ON notifications BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );
    try {
      const refused = await (
        await as('linqing-sec')
      ).json('POST', `/api/proposals/${number}/actions`, {
        action: 'accept-for-review',
      });
      expect(refused.status).toBe(500);
    } finally {
      app.store.db.exec(`DROP TRIGGER temp.notifications_refuse`);
    }
    const after = app.services.proposals.get(number, null);
    expect(after.state).toBe(before.state);
    expect(after.history).toEqual(before.history);
    const accepted = await (
      await as('linqing-sec')
    ).json('POST', `/api/proposals/${number}/actions`, {
      action: 'accept-for-review',
    });
    expect(accepted.status).toBe(200);
    // project-review is the secretariat's again, but she took the action herself; the proposer follows.
    expect(inboxes()['linqing-sec']).toEqual(['stage:act']);
    expect(inboxes()['chenyu-ct']).toEqual(['stage:info', 'revision:act']);
  });
});
