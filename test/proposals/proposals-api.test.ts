import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAsDemo, webSession, type WebSession } from '../support/web-session.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { NIMBUS_PROPOSAL } from '../support/demo-proposal.ts';

// The demo community's people, through the HTTP API with their sessions: a maintainer of a standard candidate
// proposes its spec, the secretariat carries it on; refusals list every missing item.
let app: TestInstance;
const as = async (login: string): Promise<WebSession> => {
  const session = webSession(app.url);
  const res = await signInAsDemo(session, login, '/account');
  if (res.status !== 303) throw new Error(`demo sign-in as ${login}: ${res.status}`);
  return session;
};
type ErrorAnswer = {
  error: {
    code: string;
    message: string;
    state?: string;
    missing?: { code: string; message: string; messageCode: string }[];
  };
};

beforeAll(async () => {
  app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_RATE_LIMIT_WRITES: '1000' } });
}, 120_000);
afterAll(() => app?.destroy());

const proposal = NIMBUS_PROPOSAL;

describe('the proposals API', () => {
  let number: string;

  it('refuses a visitor with 401 and a member who maintains nothing with 403', async () => {
    const anonymous = await fetch(`${app.url}/api/proposals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify(proposal),
    });
    expect(anonymous.status).toBe(401);
    const reviewer = await as('mkowalski');
    const refused = await reviewer.json('POST', '/api/proposals', proposal);
    expect(refused.status).toBe(403);
  });

  it('answers 409 guard_failed with the gaps for a project below the required level', async () => {
    const maintainer = await as('sokafor');
    const low = await maintainer.json('POST', '/api/proposals', {
      ...proposal,
      project: 'northbridge-oss/logpipe',
      sources: [{ path: 'README.md' }],
    });
    // logpipe is a Sandbox project of the demo (test/maturity/maturity-demo.test.ts says so).
    expect(app.services.maturity.read(app.services.projects.member('northbridge-oss/logpipe').id)?.level).toBe(
      'sandbox',
    );
    expect(low.status).toBe(409);
    const body = (await low.json()) as ErrorAnswer;
    expect(body.error.code).toBe('guard_failed');
    expect(body.error.missing?.map((m) => m.code)).toEqual(['project-level']);
    expect(body.error.missing?.[0]?.message).toMatch(/^the project's level is .+; this needs Mature/);
  });

  it('creates a proposal for a maintainer of a standard candidate: 201 with its number, stage and actions', async () => {
    const home = async () =>
      /<dt>Proposals<\/dt><dd>(\d+)<\/dd>/.exec(await (await fetch(`${app.url}/?lang=en`)).text())?.[1];
    expect(await home()).toBe('0');
    const maintainer = await as('chenyu-ct');
    const created = await maintainer.json('POST', '/api/proposals', proposal);
    expect(created.status, await created.clone().text()).toBe(201);
    const body = (await created.json()) as {
      number: string;
      state: string;
      actions: { id: string; missing: { code: string }[] }[];
    };
    number = body.number;
    expect(number).toMatch(/^MP-\d{4}-\d{3}$/);
    expect(created.headers.get('location')).toBe(`/api/proposals/${number}`);
    expect(body.state).toBe('draft');
    expect(body.actions.find((a) => a.id === 'submit')?.missing.map((m) => m.code)).toEqual(['has-revision']);
    const listed = (await (await fetch(`${app.url}/api/proposals`)).json()) as { proposals: { number: string }[] };
    expect(listed.proposals.map((p) => p.number)).toContain(number);
    expect(await home()).toBe('1');
  });

  it('refuses to submit before a revision, then generates one (202) and submits it', async () => {
    const maintainer = await as('chenyu-ct');
    const early = await maintainer.json('POST', `/api/proposals/${number}/actions`, { action: 'submit' });
    expect(early.status).toBe(409);
    const refusal = (await early.json()) as ErrorAnswer;
    expect(refusal.error).toMatchObject({ code: 'guard_failed', state: 'draft' });
    expect(refusal.error.missing?.map((m) => m.code)).toEqual(['has-revision']);

    const asked = await maintainer.json('POST', `/api/proposals/${number}/revisions`, {
      reason: 'first working draft',
    });
    expect(asked.status).toBe(202);
    const revision = (await asked.json()) as { rev: number; status: string };
    expect(revision).toMatchObject({ rev: 0, status: 'queued' });
    const notYet = await fetch(`${app.url}/api/proposals/${number}/revisions/0/draft.md`);
    expect(notYet.status).toBe(409);
    await app.worker.drain();
    const md = await fetch(`${app.url}/api/proposals/${number}/revisions/-00/draft.md`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await md.text()).toContain('云工作负载放置请求格式');
    const manifest = (await (await fetch(`${app.url}/api/proposals/${number}/revisions/0/manifest.json`)).json()) as {
      clauses: unknown[];
    };
    expect(manifest.clauses.length).toBeGreaterThan(10);

    const submitted = await maintainer.json('POST', `/api/proposals/${number}/actions`, {
      action: 'submit',
      comment: 'ready',
    });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    expect(((await submitted.json()) as { state: string }).state).toBe('submitted');
  });

  it('lets only the secretariat accept it, and a second, late acceptance gets 409 with the new stage', async () => {
    const maintainer = await as('chenyu-ct');
    const notTheirs = await maintainer.json('POST', `/api/proposals/${number}/actions`, {
      action: 'accept-for-review',
    });
    expect(notTheirs.status).toBe(403);
    const secretariat = await as('linqing-sec');
    const [first, second] = await Promise.all([
      secretariat.json('POST', `/api/proposals/${number}/actions`, { action: 'accept-for-review' }),
      secretariat.json('POST', `/api/proposals/${number}/actions`, { action: 'accept-for-review' }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const late = (await (first.status === 409 ? first : second).json()) as ErrorAnswer;
    expect(late.error.state).toBe('project-review');
    const shown = (await (await fetch(`${app.url}/api/proposals/${number}`)).json()) as {
      state: string;
      history: { action: string; actor: string; from: string | null; to: string }[];
    };
    expect(shown.state).toBe('project-review');
    expect(shown.history.map((h) => `${h.action}:${h.actor}:${h.from}→${h.to}`)).toEqual([
      'create:chenyu-ct:null→draft',
      'submit:chenyu-ct:draft→submitted',
      'accept-for-review:linqing-sec:submitted→project-review',
    ]);
  });

  it('shows the proposal and the list as pages, in both languages', async () => {
    const zh = await (await fetch(`${app.url}/proposals/${number}?lang=zh-CN`)).text();
    expect(zh).toContain('云工作负载放置请求格式');
    expect(zh).toContain('阶段：</strong>立项评审');
    expect(zh).toContain('等待秘书处记录立项评审结论');
    expect(zh).toContain(`/api/proposals/${number}/revisions/0/draft.md`);
    expect(zh).toMatch(/受理并进行立项评审<\/td><td[^>]*>已提交 → 立项评审<\/td>/);
    const en = await (await fetch(`${app.url}/proposals/${number}?lang=en`)).text();
    expect(en).toContain('Stage: </strong>Project review');
    expect(en).toContain('Approve the project');
    const list = await (await fetch(`${app.url}/proposals?lang=en`)).text();
    expect(list).toContain(`href="/proposals/${number}"`);
    expect((await fetch(`${app.url}/proposals/MP-1999-999`)).status).toBe(404);
  });

  it('says what is wrong with a bad request, and 404 for a proposal or revision that does not exist', async () => {
    const maintainer = await as('chenyu-ct');
    const bad = await maintainer.json('POST', '/api/proposals', { project: 'cloudtide/nimbus-placement' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorAnswer).error.message).toContain('title');
    expect((await fetch(`${app.url}/api/proposals/MP-1999-999`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/proposals/${number}/revisions/7`)).status).toBe(404);
    const noAction = await maintainer.json('POST', `/api/proposals/${number}/actions`, {});
    expect(noAction.status).toBe(400);
  });
});
