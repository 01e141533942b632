import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSessions } from '../support/demo-sessions.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { proposeAndApprove } from '../support/demo-proposal.ts';

// A real proposal of the demo community carried into public comment (征求意见) with the fake clock, commented on
// through the API by the demo people: pengtao-eh (a member), mkowalski (a reviewer); chenyu-ct maintains the
// proposal's project and is one of its editors, with the secretariat (linqing-sec).
const DAY = 86_400_000;
let app: TestInstance;
let number: string;
let clauses: { id: string; number: string; title: string }[];

const as = demoSessions(() => app);
type Comment = {
  id: number;
  seq: number;
  rev: string;
  clauseId: string;
  kind: string;
  html: string;
  organisation: string;
  author: string;
  here: { clauseId?: string; number?: string; removedIn?: string };
  replies: { author: string; html: string }[];
  disposition: { disposition: string; reason: string; by: string } | null;
  history: unknown[];
};
type Refusal = { error: { code: string; missing?: { code: string }[] } };
const code = async (res: Response) => ((await res.json()) as Refusal).error.code;
const act = async (login: string, action: string, extra: Record<string, string> = {}) =>
  (await as(login)).json('POST', `/api/proposals/${number}/actions`, { action, ...extra });
const comment = async (login: string, body: Record<string, unknown>) =>
  (await as(login)).json('POST', `/api/proposals/${number}/comments`, body);
const dispose = async (login: string, id: number, body: Record<string, unknown>) =>
  (await as(login)).json('POST', `/api/proposals/${number}/comments/${id}/disposition`, body);

beforeAll(async () => {
  app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_RATE_LIMIT_WRITES: '10000' } });
  ({ number, clauses } = await proposeAndApprove(app, as));
  app.clock.advance(6 * DAY);
  expect((await act('linqing-sec', 'start-drafting')).status).toBe(200);
}, 180_000);
afterAll(() => app?.destroy());

describe('public comment on clauses', () => {
  it('is open to reviewers and editors only before the comment period', async () => {
    const early = await comment('pengtao-eh', { clauseId: clauses[5]!.id, kind: 'technical', text: 'early' });
    expect(early.status).toBe(403);
    expect(await code(early)).toBe('comment_period_closed');
    expect((await act('linqing-sec', 'open-comment')).status).toBe(200);
  });

  it('binds a comment to a clause of the current revision, rendered safely, with the commenter', async () => {
    const anonymous = await fetch(`${app.url}/api/proposals/${number}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify({ clauseId: clauses[5]!.id, kind: 'technical', text: 'x' }),
    });
    expect(anonymous.status).toBe(401);
    const made = await comment('pengtao-eh', {
      rev: '00',
      clauseId: clauses[5]!.id,
      kind: 'technical',
      text: 'Say **shall** here <script>alert(1)</script>',
      proposedChange: '=HYPERLINK("x")',
      organisation: '某某研究院',
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const body = (await made.json()) as Comment;
    expect(body).toMatchObject({
      seq: 1,
      rev: '-00',
      clauseId: clauses[5]!.id,
      kind: 'technical',
      author: 'pengtao-eh',
      organisation: '某某研究院',
      here: { clauseId: clauses[5]!.id, number: clauses[5]!.number },
      replies: [],
      disposition: null,
    });
    expect(body.html).toContain('<strong>shall</strong>');
    expect(body.html).not.toContain('<script');
  });

  it('refuses what is wrong with a code that says what to do', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ clauseId: clauses[5]!.id, kind: 'rant', text: 'x' }, 400, 'comment_bad_kind'],
      [{ clauseId: 'c-nope', kind: 'general', text: 'x' }, 400, 'comment_unknown_clause'],
      [{ clauseId: clauses[5]!.id, kind: 'general', text: '  ' }, 400, 'comment_field_required'],
      [{ clauseId: clauses[5]!.id, kind: 'general', text: 'x'.repeat(20_001) }, 400, 'comment_too_long'],
      [{ rev: '03', clauseId: clauses[5]!.id, kind: 'general', text: 'x' }, 409, 'comment_not_current'],
      [{ parentId: 999999, text: 'x' }, 404, 'comment_not_found'],
    ];
    for (const [request, status, expected] of cases) {
      const res = await comment('pengtao-eh', request);
      expect(res.status, expected).toBe(status);
      expect(await code(res)).toBe(expected);
    }
    const listed = (await (await fetch(`${app.url}/api/proposals/${number}/comments`)).json()) as {
      comments: Comment[];
    };
    expect(listed.comments).toHaveLength(1);
  });

  it('keeps replies in the comment’s thread and counts comments per clause', async () => {
    const first = (await (await fetch(`${app.url}/api/proposals/${number}/comments`)).json()) as {
      comments: Comment[];
    };
    const reply = await comment('chenyu-ct', { parentId: first.comments[0]!.id, text: 'We will look at it.' });
    expect(reply.status).toBe(201);
    const second = await comment('mkowalski', { clauseId: clauses[8]!.id, kind: 'editorial', text: 'Typo.' });
    expect(second.status).toBe(201);
    const view = (await (await fetch(`${app.url}/api/proposals/${number}/comments?rev=00`)).json()) as {
      comments: Comment[];
      counts: Record<string, number>;
      open: number;
      period: { open: boolean };
    };
    expect(view.comments.map((c) => [c.seq, c.author, c.replies.map((r) => r.author)])).toEqual([
      [1, 'pengtao-eh', ['chenyu-ct']],
      [3, 'mkowalski', []],
    ]);
    expect(view.counts).toEqual({ [clauses[5]!.id]: 1, [clauses[8]!.id]: 1 });
    expect(view).toMatchObject({ open: 2, period: { open: true } });
  });

  it('lets only the editors record dispositions; a rejection needs its reason', async () => {
    const { comments } = (await (await fetch(`${app.url}/api/proposals/${number}/comments`)).json()) as {
      comments: Comment[];
    };
    const [technical, editorial] = comments as [Comment, Comment];
    const stranger = await dispose('pengtao-eh', technical.id, { disposition: 'accepted' });
    expect(stranger.status).toBe(403);
    expect(await code(stranger)).toBe('disposition_editors_only');
    const bare = await dispose('chenyu-ct', technical.id, { disposition: 'rejected' });
    expect(bare.status).toBe(400);
    expect(await code(bare)).toBe('disposition_reason_required');
    const wrong = await dispose('chenyu-ct', technical.id, { disposition: 'maybe' });
    expect(await code(wrong)).toBe('disposition_bad');
    const rejected = await dispose('chenyu-ct', technical.id, { disposition: 'rejected', reason: '与上游一致' });
    expect(rejected.status).toBe(200);
    expect(((await rejected.json()) as Comment).disposition).toMatchObject({
      disposition: 'rejected',
      reason: '与上游一致',
      by: 'chenyu-ct',
    });
    // The comment period ends with one comment undecided: the workflow refuses to move on and says so.
    app.clock.advance(31 * DAY);
    const refused = await act('linqing-sec', 'send-to-review');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Refusal).error.missing?.map((m) => m.code)).toContain('comments-dispositioned');
    const late = await comment('pengtao-eh', { clauseId: clauses[5]!.id, kind: 'general', text: 'late' });
    expect(await code(late)).toBe('comment_period_closed');
    expect((await dispose('linqing-sec', editorial.id, { disposition: 'accepted' })).status).toBe(200);
    const changed = await dispose('chenyu-ct', technical.id, { disposition: 'partially-accepted', reason: '部分修改' });
    expect(((await changed.json()) as Comment).history).toHaveLength(2);
  });

  it('gives the resolution table in every format, complete once all are decided', async () => {
    const json = (await (await fetch(`${app.url}/api/proposals/${number}/resolution`)).json()) as {
      complete: boolean;
      counts: Record<string, number>;
      rows: { seq: number; clauseNumber: string; organisation: string; disposition: string; reason: string }[];
    };
    expect(json.complete).toBe(true);
    expect(json.counts).toEqual({ accepted: 1, 'partially-accepted': 1, rejected: 0, noted: 0, open: 0 });
    expect(json.rows.map((r) => [r.seq, r.clauseNumber, r.organisation, r.disposition, r.reason])).toEqual([
      [1, clauses[5]!.number, '某某研究院', 'partially-accepted', '部分修改'],
      // mkowalski named no organisation: the one of their GitHub profile is used.
      [3, clauses[8]!.number, 'Kestrel Cloud', 'accepted', ''],
    ]);
    const csv = await fetch(`${app.url}/api/proposals/${number}/resolution?format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain(`${number}-00-resolution.csv`);
    const csvText = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(
      csvText.startsWith('\uFEFF序号,章条编号,条款 ID,提出单位,意见内容,修改建议,处理意见,理由,所在修订版\r\n'),
    ).toBe(true);
    // A proposed change that a spreadsheet would run as a formula is written as text.
    expect(csvText).toContain(`"'=HYPERLINK(""x"")"`);
    const md = await (await fetch(`${app.url}/api/proposals/${number}/resolution?format=md&lang=en`)).text();
    expect(md).toContain('| No. | Clause | Clause ID | Organisation | Comment |');
    expect(md).toContain('| Partially accepted |');
    const html = await (await fetch(`${app.url}/api/proposals/${number}/resolution?format=html`)).text();
    expect(html).toContain('<caption>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    const bad = await fetch(`${app.url}/api/proposals/${number}/resolution?format=pdf`);
    expect(bad.status).toBe(400);
    expect(await code(bad)).toBe('resolution_bad_format');
    expect((await act('linqing-sec', 'send-to-review')).status).toBe(200);
  });
});
