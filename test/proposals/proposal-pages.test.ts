import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAsDemo, webSession, type WebSession } from '../support/web-session.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

// The proposal pages' forms, as the demo people use them without scripts: propose from the mirror's tree, ask
// for a revision, take steps; refusals come back on the page with every missing item and the text typed.
let app: TestInstance;
const as = async (login: string): Promise<WebSession> => {
  const session = webSession(app.url);
  const res = await signInAsDemo(session, login, '/account');
  if (res.status !== 303) throw new Error(`demo sign-in as ${login}: ${res.status}`);
  return session;
};
const text = async (res: Response) => (await res.text()).replace(/\s+/g, ' ');

beforeAll(async () => {
  app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_RATE_LIMIT_WRITES: '1000' } });
}, 120_000);
afterAll(() => app?.destroy());

const form = {
  project: 'cloudtide/nimbus-placement',
  ref: 'v1.0.0',
  source: 'spec/placement.md',
  'role:spec/placement.md': 'clauses',
  titleZh: '云工作负载放置请求格式',
  titleEn: 'Nimbus placement request format',
  scope: 'The placement request a scheduler accepts.',
  rationale: 'Three independent engines implement it.',
  proposingUnit: 'Cloudtide Technologies',
  draftingUnits: 'Cloudtide Technologies\nKestrel Cloud',
  drafters: 'Chen Yu\nMarta Kowalski',
  implementations: 'nimbus engine https://example.org/nimbus\nedgehive placer',
  iprStatement: 'The proposer knows of no patent that the specification needs.',
};

describe('the proposal pages', () => {
  let number = '';

  it('offers the form only to maintainers, with the Markdown files of the chosen tree', async () => {
    const reviewer = await as('mkowalski');
    const none = await text(await reviewer.get('/proposals/new?lang=en'));
    expect(none).toContain('Only maintainers of a member project can propose its specification');
    const visitor = await fetch(`${app.url}/proposals/new`, { redirect: 'manual' });
    expect(visitor.status).toBe(401);

    const maintainer = await as('chenyu-ct');
    const page = await text(await maintainer.get('/proposals/new?lang=en&ref=v1.0.0'));
    expect(page).toMatch(/<option value="cloudtide\/nimbus-placement" selected>/);
    expect(page).toMatch(/Markdown files at v1\.0\.0 \([0-9a-f]{12}\)/);
    expect(page).toMatch(/name="source" value="spec\/placement\.md" checked/);
    const bad = await text(await maintainer.get('/proposals/new?lang=en&ref=no-such-tag'));
    expect(bad).toContain('no-such-tag&#34; is not a tag, branch or commit');
  });

  it('keeps what was typed and lists every problem when the proposal is refused', async () => {
    const maintainer = await as('chenyu-ct');
    const refused = await maintainer.post('/proposals?lang=en', { ...form, source: 'spec/missing.md', scope: '' });
    expect(refused.status).toBe(400);
    const page = await text(refused);
    expect(page).toContain('scope: scope may not be empty');
    expect(page).toContain('value="云工作负载放置请求格式"');
    expect(page).toContain('Three independent engines implement it.');
  });

  it('creates the proposal from the form and shows it with its next steps', async () => {
    const maintainer = await as('chenyu-ct');
    const created = await maintainer.post('/proposals', form);
    expect(created.status).toBe(303);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/proposals\/MP-\d{4}-\d{3}\?done=created$/);
    number = /MP-\d{4}-\d{3}/.exec(location)![0];
    const api = (await (await fetch(`${app.url}/api/proposals/${number}`)).json()) as {
      drafters: string[];
      implementations: { name: string; url?: string }[];
      draftingUnits: string[];
    };
    expect(api.drafters).toEqual(['Chen Yu', 'Marta Kowalski']);
    expect(api.draftingUnits).toEqual(['Cloudtide Technologies', 'Kestrel Cloud']);
    expect(api.implementations).toEqual([
      { name: 'nimbus engine', url: 'https://example.org/nimbus' },
      { name: 'edgehive placer' },
    ]);
    const page = await text(await maintainer.get(`${location}&lang=zh-CN`));
    expect(page).toContain('提案已创建');
    expect(page).toContain('action="/proposals/' + number + '/revisions"');
  });

  it('refuses a step on the page with the missing items, then takes it once a revision is ready', async () => {
    const maintainer = await as('chenyu-ct');
    const early = await maintainer.post(`/proposals/${number}/actions?lang=en`, { action: 'submit', comment: 'go' });
    expect(early.status).toBe(409);
    const refused = await text(early);
    expect(refused).toContain('1 requirement is not met');
    expect(refused).toContain('no draft revision has been generated yet');

    const asked = await maintainer.post(`/proposals/${number}/revisions`, { ref: 'v1.0.0', reason: 'first draft' });
    expect(asked.status).toBe(303);
    expect(await text(await maintainer.get(`/proposals/${number}?lang=en`))).toContain('A revision is being generated');
    await app.worker.drain();
    const ready = await text(await maintainer.get(`/proposals/${number}?lang=en`));
    expect(ready).toMatch(new RegExp(`${number}-00</th><td data-label="Status">ready`));
    expect(ready).toContain('<input type="hidden" name="action" value="submit">');

    const submitted = await maintainer.post(`/proposals/${number}/actions`, { action: 'submit', comment: 'ready' });
    expect(submitted.status).toBe(303);
    const after = (await (await fetch(`${app.url}/api/proposals/${number}`)).json()) as { state: string };
    expect(after.state).toBe('submitted');
  });

  it('shows a form only for the steps this person may take, and needs a reason where the workflow says so', async () => {
    const maintainer = await as('chenyu-ct');
    const theirs = await text(await maintainer.get(`/proposals/${number}?lang=en`));
    expect(theirs).not.toContain('value="accept-for-review"');
    expect(theirs).toContain('value="withdraw"');

    const secretariat = await as('linqing-sec');
    const page = await text(await secretariat.get(`/proposals/${number}?lang=en`));
    expect(page).toContain('value="accept-for-review"');
    expect(page).toMatch(/<textarea id="c-reject" name="comment" rows="2" required>/);
    const noReason = await secretariat.post(`/proposals/${number}/actions?lang=en`, { action: 'reject' });
    expect(noReason.status).toBe(409);
    expect(await text(noReason)).toContain('give the reason in the comment');

    const forbidden = await maintainer.post(`/proposals/${number}/actions?lang=en`, { action: 'accept-for-review' });
    expect(forbidden.status).toBe(403);

    const [one, two] = await Promise.all([
      secretariat.post(`/proposals/${number}/actions`, { action: 'accept-for-review' }),
      secretariat.post(`/proposals/${number}/actions?lang=en`, { action: 'accept-for-review' }),
    ]);
    expect([one.status, two.status].sort()).toEqual([303, 409]);
    const loser = [one, two].find((r) => r.status === 409)!;
    expect(await text(loser)).toMatch(/Project review/);
    const history = await text(await secretariat.get(`/proposals/${number}?lang=zh-CN`));
    expect(history).toContain('受理并进行立项评审');
  });

  it('filters the list by stage, project, domain and what waits for me', async () => {
    const secretariat = await as('linqing-sec');
    const all = await text(await secretariat.get('/proposals?lang=en'));
    expect(all).toContain(number);
    expect(await text(await secretariat.get('/proposals?lang=en&stage=published'))).toContain(
      'No proposal matches these filters.',
    );
    expect(await text(await secretariat.get('/proposals?lang=en&stage=project-review'))).toContain(number);
    expect(await text(await secretariat.get('/proposals?lang=en&project=cloudtide/nimbus-placement'))).toContain(
      number,
    );
    expect(await text(await secretariat.get('/proposals?lang=en&mine=1'))).toContain(number);
    const maintainer = await as('chenyu-ct');
    expect(await text(await maintainer.get('/proposals?lang=en&mine=1'))).not.toContain(`>${number}<`);
    const domain = app.services.proposals.get(number, null).domain;
    if (domain) expect(await text(await secretariat.get(`/proposals?lang=en&domain=${domain}`))).toContain(number);
    expect(await text(await secretariat.get('/proposals?lang=en&domain=no-such-domain'))).not.toContain(number);
    const anonymous = await fetch(`${app.url}/proposals?mine=1`, { redirect: 'manual' });
    expect(anonymous.status).toBe(401);
  });

  it('shows the proposal on its project page, and the catalogue filters projects that have one', async () => {
    const project = await text(await fetch(`${app.url}/projects/cloudtide/nimbus-placement?lang=en`));
    expect(project).toContain(`<a href="/proposals/${number}">${number}</a> Nimbus placement request format`);
    const other = await text(await fetch(`${app.url}/projects/northbridge-oss/logpipe?lang=en`));
    expect(other).not.toContain('Proposals for a standard');
    const all = await text(await fetch(`${app.url}/projects?lang=en`));
    expect(all).toContain('northbridge-oss/logpipe');
    const proposed = await text(await fetch(`${app.url}/projects?lang=en&proposal=yes`));
    expect(proposed).toContain('cloudtide/nimbus-placement');
    expect(proposed).not.toContain('northbridge-oss/logpipe');
    expect(proposed).toMatch(/<option value="yes" selected>with a proposal for a standard<\/option>/);
  });
});
