import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAsDemo, webSession, type WebSession } from '../support/web-session.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

// The explanatory note of a real revision of the demo community: a maintainer of a mature project proposes its
// spec, a revision is generated in the worker, and the note's skeleton comes from it; the editors (the project's
// maintainers and the secretariat) edit it through the API and the page, everybody else reads it.
let app: TestInstance;
let number: string;
let maintainer: WebSession;
let secretariat: WebSession;
let reviewer: WebSession;
const as = async (login: string): Promise<WebSession> => {
  const session = webSession(app.url);
  const res = await signInAsDemo(session, login, '/account');
  if (res.status !== 303) throw new Error(`demo sign-in as ${login}: ${res.status}`);
  return session;
};
type Note = {
  markdown: string;
  html: string;
  generated: string;
  version: number;
  editable: boolean;
  mayEdit: boolean;
  editedBy: string | null;
  edits: { version: number; by: string }[];
};
const api = () => `/api/proposals/${number}/revisions/0/note`;
const page = () => `/proposals/${number}/0/note`;
const read = async (session?: WebSession): Promise<Note> =>
  (await (session ? session.get(api()) : fetch(`${app.url}${api()}`))).json() as Promise<Note>;
const textarea = (html: string) => /<textarea[^>]*name="markdown"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1];

beforeAll(async () => {
  app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_RATE_LIMIT_WRITES: '1000' } });
  maintainer = await as('chenyu-ct');
  secretariat = await as('linqing-sec');
  reviewer = await as('mkowalski');
  const created = await maintainer.json('POST', '/api/proposals', {
    project: 'cloudtide/nimbus-placement',
    title: { zh: '云工作负载放置请求格式', en: 'Nimbus placement request format' },
    ref: 'v1.0.0',
    sources: [{ path: 'spec/placement.md', role: 'clauses' }],
    scope: 'The placement request a scheduler accepts.',
    rationale: 'Three independent engines implement it.',
    drafters: ['陈宇'],
    implementations: [{ name: 'nimbus engine', url: 'https://example.org/nimbus' }, { name: 'edgehive placer' }],
  });
  expect(created.status, await created.clone().text()).toBe(201);
  number = ((await created.json()) as { number: string }).number;
  const revised = await maintainer.json('POST', `/api/proposals/${number}/revisions`, { reason: 'first draft' });
  expect(revised.status).toBe(202);
  await app.worker.drain();
}, 180_000);
afterAll(() => app?.destroy());

describe('the explanatory note API', () => {
  it('gives everybody the generated skeleton of a ready revision, from its manifest and the maturity evidence', async () => {
    const note = await read();
    expect(note.version).toBe(1);
    expect(note.editable).toBe(true);
    expect(note.mayEdit).toBe(false);
    expect(note.generated).toBe(note.markdown);
    for (const heading of [
      '一、工作简况',
      '三、主要内容',
      '四、主要试验（验证）情况',
      '五、知识产权情况说明',
      '六、与源规范的对比',
    ])
      expect(note.markdown).toContain(`## ${heading}`);
    expect(note.markdown).toContain('chenyu-ct：提出提案（提案草稿）');
    expect(note.markdown).toMatch(/项目的成熟度等级为“[^”]+”/);
    expect(note.markdown).toContain('- [nimbus engine](https://example.org/nimbus)');
    expect(note.markdown).toContain('【待编写组补充】提案人尚未提交知识产权和专利声明');
    expect(note.markdown).toContain('| `spec/placement.md` | 技术条款 |');
    expect(note.html).toContain('<h2>一、工作简况</h2>');
    const md = await fetch(`${app.url}${api()}.md`);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await md.text()).toBe(note.markdown);
    expect((await read(maintainer)).mayEdit).toBe(true);
    expect((await read(reviewer)).mayEdit).toBe(false);
  });

  it('lets the editors save with the version they read; others get 403, stale versions 409, bad text 400', async () => {
    const anonymous = await fetch(`${app.url}${api()}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify({ markdown: 'x', version: 1 }),
    });
    expect(anonymous.status).toBe(401);
    expect((await reviewer.json('PUT', api(), { markdown: '# mine', version: 1 })).status).toBe(403);
    const empty = await maintainer.json('PUT', api(), { markdown: '  \n', version: 1 });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('note_empty');
    const huge = await maintainer.json('PUT', api(), { markdown: '编'.repeat(70_000), version: 1 });
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('note_too_large');

    const saved = await maintainer.json('PUT', api(), { markdown: '# 编制说明\n\n维护者的修改。', version: 1 });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const after = (await saved.json()) as Note;
    expect(after).toMatchObject({ version: 2, editedBy: 'chenyu-ct', markdown: '# 编制说明\n\n维护者的修改。' });
    expect(after.generated).toContain('## 一、工作简况');
    const stale = await secretariat.json('PUT', api(), { markdown: '# 秘书处的修改', version: 1 });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('note_changed');
    expect(body.error.message).toMatch(/now version 2\): reload it/);
    const second = await secretariat.json('PUT', api(), { markdown: '# 秘书处的修改', version: 2 });
    expect(second.status).toBe(200);
    const now = await read();
    expect(now).toMatchObject({ version: 3, editedBy: 'linqing-sec', markdown: '# 秘书处的修改' });
    expect(now.edits.map((e) => [e.version, e.by])).toEqual([
      [2, 'chenyu-ct'],
      [3, 'linqing-sec'],
    ]);
    expect(() => app.store.db.prepare(`DELETE FROM explanatory_note_edits`).run()).toThrow(/append-only/);
  });

  it('sanitises a note: no script, no event handler, no javascript: link reaches the API or the page', async () => {
    const { version } = await read();
    const hostile =
      '# 注\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[点我](javascript:alert(3))';
    expect((await maintainer.json('PUT', api(), { markdown: hostile, version })).status).toBe(200);
    const note = await read();
    expect(note.markdown).toBe(hostile);
    for (const html of [note.html, await (await fetch(`${app.url}${page()}`)).text()]) {
      expect(html).not.toMatch(/<script>alert|onerror=|javascript:alert/);
    }
    expect(note.html).toContain('<h1>注</h1>');
  });
});

describe('the explanatory note page', () => {
  it('shows the note in Chinese and English chrome, the form only to the editors', async () => {
    const zh = await (await fetch(`${app.url}${page()}`)).text();
    expect(zh).toContain(`<h1>${number}-00 编制说明</h1>`);
    expect(zh).toContain('编写组（项目维护者和秘书处）可以修改本编制说明。');
    expect(textarea(zh)).toBeUndefined();
    const en = await (await fetch(`${app.url}${page()}?lang=en`)).text();
    expect(en).toContain(`<h1>Explanatory note of ${number}-00</h1>`);
    expect(en).toContain('Nimbus placement request format');
    const mine = await (await maintainer.get(page())).text();
    expect(textarea(mine)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mine).toContain('name="_csrf"');
  });

  it('saves through the form and confirms; a stale version keeps the person’s text and says why', async () => {
    const { version } = await read();
    const ok = await maintainer.post(page(), { markdown: '# 表单保存\n\n正文。', version: String(version) });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/proposals/${number}/0/note?saved=${version + 1}`);
    const confirmed = await (await maintainer.get(ok.headers.get('location')!)).text();
    expect(confirmed).toContain(`已保存为第 ${version + 1} 版。`);
    expect(confirmed).toContain('<h1>表单保存</h1>');

    const stale = await secretariat.post(`${page()}?lang=en`, {
      markdown: 'My <b>own</b> text',
      version: String(version),
    });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Someone saved the note meanwhile (it is now version');
    expect(textarea(html)).toBe('My &lt;b&gt;own&lt;/b&gt; text');
    expect(html).toContain(`name="version" value="${version + 1}"`);
    const empty = await secretariat.post(`${page()}?lang=zh-CN`, { markdown: ' ', version: String(version + 1) });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('编制说明为空');
    expect((await reviewer.post(page(), { markdown: 'x', version: String(version + 1) })).status).toBe(403);
    expect((await read()).version).toBe(version + 1);
  });

  it('fixes the note once the proposal leaves the stages where its text is worked on', async () => {
    const withdrawn = await maintainer.json('POST', `/api/proposals/${number}/actions`, {
      action: 'withdraw',
      comment: 'test over',
    });
    expect(withdrawn.status).toBe(200);
    const note = await read(maintainer);
    expect(note).toMatchObject({ editable: false, mayEdit: false });
    const refused = await maintainer.json('PUT', api(), { markdown: '# late', version: note.version });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('note_not_editable');
    expect(await (await maintainer.get(page())).text()).toContain('本编制说明已固定');
  });
});
