import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSessions } from '../support/demo-sessions.ts';
import type { WebSession } from '../support/web-session.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { proposeAndApprove } from '../support/demo-proposal.ts';

// A real proposal of the demo community carried to technical review (fake clock past the notice and the comment
// period), then balloted through the API and the page forms by the demo people: the secretariat (linqing-sec),
// two reviewers (mkowalski, liuyang-dh) and two invited maintainers of other projects (zhouhao, wanglei-ziii).
// chenyu-ct maintains the proposal's project and may not vote.
const DAY = 86_400_000;
const PANEL = ['mkowalski', 'liuyang-dh', 'zhouhao', 'wanglei-ziii'];
let app: TestInstance;
let number: string;
let clause: string;
let otherClause: string;

const as = demoSessions(() => app);
type Ballot = {
  seq: number;
  rev: number;
  status: string;
  closedOnTime: boolean;
  closedBy: string | null;
  closesAt: string;
  voters: string[];
  rule: { passRatio: number };
  positions: { voter: string; position: string; reason: string; clauseIds: string[]; changes: number }[];
  tally: { passed: boolean; yes: number; noObjection: number; block: number; missing: string[]; failing: string[] };
  openBlocks: { voter: string; reason: string; clauseIds: string[] }[];
};
type Refusal = { error: { code: string; missing?: { code: string }[] } };

const act = async (login: string, action: string, extra: Record<string, string> = {}) =>
  (await as(login)).json('POST', `/api/proposals/${number}/actions`, { action, ...extra });
const current = async (): Promise<Ballot> =>
  (await (await fetch(`${app.url}/api/proposals/${number}/ballots/current`)).json()) as Ballot;
const put = (session: WebSession, body: unknown) =>
  session.json('PUT', `/api/proposals/${number}/ballots/current/position`, body);
const open = async (voters: string[], extra: Record<string, unknown> = {}) =>
  (await as('linqing-sec')).json('POST', `/api/proposals/${number}/ballots`, { voters, ...extra });
const code = async (res: Response) => ((await res.json()) as Refusal).error.code;
const missingOf = async (res: Response) => ((await res.json()) as Refusal).error.missing?.map((m) => m.code);
/** The proposal's history rows of ballots, oldest first: action, actor, decision, comment. */
const ballotHistory = () =>
  app.store.proposals
    .history(number)
    .filter((h) => h.action.startsWith('ballot-'))
    .map((h) => [h.action, h.actor, h.decision, h.comment, h.from_stage === h.to_stage]);
/** One person's inbox rows of an event kind: whether they hold the ball, and what they are asked. */
const inboxOf = (login: string, event: string) =>
  app.store.notifications
    .inbox(app.store.users.findByLogin(login)!.id, 100)
    .filter((n) => n.event === event)
    .map((n) => ({ holds: n.holds === 1, ask: JSON.parse(n.ask).code as string }));
const SHIPPED = readFileSync(new URL('../../content/workflow/association.yml', import.meta.url), 'utf8');

beforeAll(async () => {
  app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_RATE_LIMIT_WRITES: '10000' } });
  const made = await proposeAndApprove(app, as);
  number = made.number;
  clause = made.clauses[5]!.id;
  otherClause = made.clauses[8]!.id;
}, 180_000);
afterAll(() => app?.destroy());

describe('ballots of the technical review', () => {
  it('cannot be opened before the technical review', async () => {
    const early = await open(PANEL);
    expect(early.status).toBe(409);
    expect(await code(early)).toBe('ballot_not_now');
    app.clock.advance(6 * DAY);
    expect((await act('linqing-sec', 'start-drafting')).status).toBe(200);
    expect((await act('linqing-sec', 'open-comment')).status).toBe(200);
    app.clock.advance(31 * DAY);
    expect((await act('linqing-sec', 'send-to-review')).status).toBe(200);
    const none = await fetch(`${app.url}/api/proposals/${number}/ballots/current`);
    expect(none.status).toBe(404);
    expect(await code(none)).toBe('ballot_not_found');
  });

  it('are opened by the secretariat only, on a panel of people of the portal who did not draft it', async () => {
    for (const login of ['chenyu-ct', 'mkowalski']) {
      const refused = await (await as(login)).json('POST', `/api/proposals/${number}/ballots`, { voters: PANEL });
      expect(refused.status, login).toBe(403);
    }
    const drafter = await open([...PANEL, 'chenyu-ct']);
    expect(drafter.status).toBe(400);
    expect(await code(drafter)).toBe('ballot_drafters_may_not_vote');
    const stranger = await open([...PANEL, 'nobody-at-all']);
    expect(stranger.status).toBe(400);
    expect(await code(stranger)).toBe('ballot_unknown_voters');
    const few = await open(['mkowalski', 'liuyang-dh']);
    expect(few.status).toBe(400);
    expect(await code(few)).toBe('ballot_too_few_voters');
    const badDate = await open(PANEL, { closesAt: '2020-01-01' });
    expect(await code(badDate)).toBe('ballot_closing_date_out_of_range');

    const opened = await open(PANEL);
    expect(opened.status, await opened.clone().text()).toBe(201);
    const ballot = (await opened.json()) as Ballot;
    expect(ballot).toMatchObject({ seq: 1, rev: 0, status: 'open', voters: PANEL });
    expect(Date.parse(ballot.closesAt)).toBe(app.clock.now() + 14 * DAY);
    expect(ballot.tally).toMatchObject({ passed: false, missing: PANEL, failing: ['quorum', 'ratio'] });
    const again = await open(PANEL);
    expect(again.status).toBe(409);
    expect(await code(again)).toBe('ballot_already_open');

    // The opening is in the proposal's history (the stage stays) and in each voter's inbox as their turn.
    expect(ballotHistory()).toEqual([['ballot-open', 'linqing-sec', 'ballot 1', '', true]]);
    for (const voter of PANEL)
      expect(inboxOf(voter, 'ballot-open'), voter).toEqual([{ holds: true, ask: 'notification.ask.vote' }]);
    expect(inboxOf('linqing-sec', 'ballot-open')).toEqual([]);
    expect(inboxOf('chenyu-ct', 'ballot-open')).toEqual([]);
  });

  it('refuses to pass the review while the ballot is open, listing what is missing', async () => {
    const refused = await act('linqing-sec', 'pass-review');
    expect(refused.status).toBe(409);
    expect(await missingOf(refused)).toEqual(['no-open-ballot', 'ballot-passed']);
  });

  it('lets only the voters take positions', async () => {
    const anonymous = await fetch(`${app.url}/api/proposals/${number}/ballots/current/position`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify({ position: 'yes' }),
    });
    expect(anonymous.status).toBe(401);
    for (const login of ['chenyu-ct', 'pengtao-eh', 'linqing-sec']) {
      const refused = await put(await as(login), { position: 'yes' });
      expect(refused.status, login).toBe(403);
      expect(await code(refused)).toBe('ballot_not_a_voter');
    }
    const bad = await put(await as('mkowalski'), { position: 'maybe' });
    expect(bad.status).toBe(400);
    expect((await current()).positions).toEqual([]);
  });

  it('needs a reason and clause IDs of the revision for a block, which only its holder clears', async () => {
    const marta = await as('mkowalski');
    expect(await code(await put(marta, { position: 'block', clauseIds: [clause] }))).toBe('ballot_block_needs_reason');
    expect(await code(await put(marta, { position: 'block', reason: 'unsafe' }))).toBe('ballot_block_needs_clauses');
    const unknown = await put(marta, { position: 'block', reason: 'unsafe', clauseIds: [clause, 'c-0000nothere'] });
    expect(unknown.status).toBe(400);
    expect(await code(unknown)).toBe('ballot_unknown_clauses');
    const blocked = await put(marta, { position: 'block', reason: 'The retry limit is unsafe.', clauseIds: [clause] });
    expect(blocked.status).toBe(200);
    expect(((await blocked.json()) as Ballot).openBlocks).toEqual([
      { voter: 'mkowalski', reason: 'The retry limit is unsafe.', clauseIds: [clause], at: expect.any(String) },
    ]);
    // Another voter's position, and the secretariat, leave the block as it is.
    expect((await put(await as('liuyang-dh'), { position: 'yes' })).status).toBe(200);
    expect((await put(await as('linqing-sec'), { position: 'yes' })).status).toBe(403);
    expect((await current()).openBlocks.map((b) => b.voter)).toEqual(['mkowalski']);
    expect(await missingOf(await act('linqing-sec', 'pass-review'))).toEqual([
      'no-open-ballot',
      'ballot-passed',
      'no-blocking-positions',
    ]);
    // The holder clears it by taking another position; the history keeps both.
    const cleared = (await (await put(marta, { position: 'yes', reason: 'Fixed in the answer.' })).json()) as Ballot;
    expect(cleared.openBlocks).toEqual([]);
    expect(cleared.positions.find((p) => p.voter === 'mkowalski')).toMatchObject({ position: 'yes', changes: 1 });
  });

  it('records two positions taken at the same moment, and of one voter twice the latest', async () => {
    const [zhou, wang] = [await as('zhouhao'), await as('wanglei-ziii')];
    const both = await Promise.all([put(zhou, { position: 'no-objection' }), put(wang, { position: 'abstain' })]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const twice = await Promise.all([
      put(wang, { position: 'recuse' }),
      put(wang, { position: 'block', reason: 'Clause unclear.', clauseIds: [otherClause] }),
    ]);
    expect(twice.map((r) => r.status)).toEqual([200, 200]);
    const ballot = await current();
    const rows = app.store.ballots.positions(app.store.ballots.latest(number)!.id);
    const lastOfWang = rows.filter((r) => r.voter === 'wanglei-ziii').at(-1)!;
    expect(ballot.positions.find((p) => p.voter === 'wanglei-ziii')).toMatchObject({
      position: lastOfWang.position,
      changes: 2,
    });
    expect(ballot.positions.find((p) => p.voter === 'zhouhao')?.position).toBe('no-objection');
    // Back to silence is not possible; wanglei-ziii abstains again for the rule below.
    expect((await put(wang, { position: 'abstain' })).status).toBe(200);
    expect(app.store.ballots.positions(app.store.ballots.latest(number)!.id)).toHaveLength(8);
  });

  it('counts by the rule of the workflow file: 3 in favour of 4 passes at 3/4, not at 4/5', async () => {
    // mkowalski yes, liuyang-dh yes, zhouhao no objection, wanglei-ziii abstains: 3 of 3 by the shipped rule; a
    // file where abstentions count makes it 3 of 4.
    const counting = SHIPPED.replace('abstentionsCount: false', 'abstentionsCount: true');
    app.services.proposals.installWorkflow(counting, 'test');
    let ballot = await current();
    expect(ballot.tally).toMatchObject({ passed: true, yes: 2, noObjection: 1, failing: [] });
    app.services.proposals.installWorkflow(counting.replace('passRatio: 0.75', 'passRatio: 0.8'), 'test');
    ballot = await current();
    expect(ballot.rule.passRatio).toBe(0.8);
    expect(ballot.tally).toMatchObject({ passed: false, failing: ['ratio'] });

    // Closed under 4/5 it stays not passed (the rule and the tally are kept), whatever is installed after.
    for (const login of ['chenyu-ct', 'mkowalski'])
      expect((await (await as(login)).json('POST', `/api/proposals/${number}/ballots/current/close`)).status).toBe(403);
    const closed = await (await as('linqing-sec')).json('POST', `/api/proposals/${number}/ballots/current/close`);
    expect(closed.status).toBe(200);
    expect((await closed.json()) as Ballot).toMatchObject({ status: 'closed', closedBy: 'linqing-sec' });
    app.services.proposals.installWorkflow(SHIPPED, 'test');
    expect((await current()).tally.passed).toBe(false);
    expect(ballotHistory().at(-1)).toEqual(['ballot-close', 'linqing-sec', 'ballot 1', 'not-passed', true]);
    // The drafters and the voters are told the result; the secretariat who closed it knows.
    expect(inboxOf('chenyu-ct', 'ballot-close')).toEqual([{ holds: false, ask: 'notification.ask.follow' }]);
    expect(inboxOf('mkowalski', 'ballot-close')).toEqual([{ holds: false, ask: 'notification.ask.follow' }]);
    expect(inboxOf('linqing-sec', 'ballot-close')).toEqual([]);
    expect(await code(await put(await as('zhouhao'), { position: 'yes' }))).toBe('ballot_closed');
    expect(await missingOf(await act('linqing-sec', 'pass-review'))).toEqual(['ballot-passed']);
  });

  it('closes on its closing date by itself, and a passed ballot lets the review pass', async () => {
    // Through the page's forms this time: open, a refused block (the page says why, in Chinese, and keeps the
    // text), then positions.
    const closesAt = new Date(app.clock.now() + 3 * DAY).toISOString().slice(0, 10);
    const secretariat = await as('linqing-sec');
    const opened = await secretariat.post(`/proposals/${number}/ballot`, { voters: PANEL.join('\n'), closesAt });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`/proposals/${number}#ballot`);
    expect(await current()).toMatchObject({ seq: 2, status: 'open', closesAt: `${closesAt}T23:59:59.999Z` });
    const refused = await (
      await as('liuyang-dh')
    ).post(`/proposals/${number}/ballot/position?lang=zh-CN`, {
      position: 'block',
      reason: '',
      clauseIds: otherClause,
    });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('阻塞意见须说明理由');
    expect(page).toContain(`value="${otherClause}"`);
    expect(page).toMatch(/<input type="radio" name="position" value="block" required checked>/);
    expect(page).toContain(`href="/proposals/${number}#ballot"`);
    for (const login of ['mkowalski', 'liuyang-dh', 'zhouhao']) {
      const cast = await (await as(login)).post(`/proposals/${number}/ballot/position`, { position: 'yes' });
      expect(cast.status, login).toBe(303);
    }
    expect((await current()).tally).toMatchObject({ passed: true, missing: ['wanglei-ziii'] });
    // Passing as it stands is not passed: the ballot must close first.
    expect(await missingOf(await act('linqing-sec', 'pass-review'))).toEqual(['no-open-ballot', 'ballot-passed']);
    app.clock.advance(4 * DAY);
    const ballot = await current();
    expect(ballot).toMatchObject({ status: 'closed', closedOnTime: true, closedBy: null });
    // The queue closes it on its date: the result is stored and the history says so.
    await app.worker.drain();
    expect(app.store.ballots.latest(number)).toMatchObject({ status: 'closed', closed_by: null });
    expect(ballotHistory().slice(-2)).toEqual([
      ['ballot-open', 'linqing-sec', 'ballot 2', '', true],
      ['ballot-close', 'magnolia', 'ballot 2', 'passed', true],
    ]);
    expect(inboxOf('linqing-sec', 'ballot-close')).toEqual([{ holds: true, ask: 'notification.ask.act' }]);
    const shown = await (await fetch(`${app.url}/proposals/${number}?lang=en`)).text();
    expect(shown).toContain('Closed the ballot');
    expect(shown).toMatch(
      /Closed the ballot<\/td><td[^>]*>Technical review<\/td><td[^>]*>[^<]*<\/td><td[^>]*>Passed<br><span class="muted">Decision[^<]*ballot 2/,
    );
    expect(await code(await put(await as('wanglei-ziii'), { position: 'yes' }))).toBe('ballot_closed');
    const passed = await act('linqing-sec', 'pass-review', { decision: 'ballot 2' });
    expect(passed.status, await passed.clone().text()).toBe(200);
    expect(((await passed.json()) as { state: string }).state).toBe('approval');
    const late = await open(PANEL);
    expect(await code(late)).toBe('ballot_not_now');
  });
});
