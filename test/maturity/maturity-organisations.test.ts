import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaturityJson } from '../../sync/maturity/maturity-json.ts';
import { ALICE, BOB, CAROL, createUpstream } from '../support/git-fixture.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { createUser } from './maturity-users.ts';
import { daysAgo, mirrorProject, signalOf } from './maturity-fixture.ts';

const WU = { name: 'Wu Jing', email: '12345+wu@users.noreply.github.com' };

describe('organisation corrections (admin API)', () => {
  let app: TestInstance;
  let admin: string;
  let member: string;

  beforeAll(async () => {
    app = await startTestInstance();
    admin = createUser(app.store, 'secretariat', 'admin', app.clock);
    member = createUser(app.store, 'someone', 'member', app.clock);
    const a = createUpstream('a');
    for (let i = 0; i < 3; i += 1) a.commit({ 'a.txt': `alice ${i}\n` }, ALICE, daysAgo(app, 100 - i));
    for (let i = 0; i < 2; i += 1) a.commit({ 'b.txt': `bob ${i}\n` }, BOB, daysAgo(app, 90 - i));
    for (let i = 0; i < 2; i += 1) a.commit({ 'c.txt': `carol ${i}\n` }, CAROL, daysAgo(app, 80 - i));
    a.push();
    const b = createUpstream('b');
    b.commit({ 'README.md': '# b\n' }, WU, daysAgo(app, 50));
    b.push();
    for (const [name, upstream] of [
      ['team/a', a],
      ['team/b', b],
    ] as const) {
      await app.sync.maturity.evaluate(await mirrorProject(app, name, upstream));
    }
  }, 60_000);
  afterAll(() => app.destroy());

  const call = (method: string, path: string, token: string, body?: unknown) =>
    fetch(`${app.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const diversity = async (fullName: string) =>
    signalOf(
      (await (await fetch(`${app.url}/api/projects/${fullName}/maturity`)).json()) as MaturityJson,
      'people.org-diversity',
    );

  it('is for administrators only, and says which forms a match takes', async () => {
    expect((await call('GET', '/api/maturity/organisations', member)).status).toBe(403);
    expect(
      (await call('PUT', '/api/maturity/organisations/%40hanhai.example', member, { organisation: 'x' })).status,
    ).toBe(403);
    const bad = await call('PUT', `/api/maturity/organisations/${encodeURIComponent('not a match!')}`, admin, {
      organisation: 'x',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain(
      'is not an email address (li.na@example.com), an @domain (@example.com) or a GitHub login',
    );
    const noName = await call('PUT', '/api/maturity/organisations/%40hanhai.example', admin, { organisation: ' ' });
    expect(noName.status).toBe(400);
  });

  it('a domain correction merges two organisations and re-evaluates only the projects it touches', async () => {
    expect(await diversity('team/a')).toMatchObject({ value: 2, status: 'pass' });
    const set = await call('PUT', '/api/maturity/organisations/%40hanhai.example', admin, {
      organisation: 'cloudtide.example',
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({
      correction: {
        match: '@hanhai.example',
        organisation: 'cloudtide.example',
        updatedAt: new Date(app.clock.now()).toISOString(),
        updatedBy: 'secretariat',
      },
      reevaluating: ['team/a'],
    });
    await app.worker.drain();
    const merged = await diversity('team/a');
    expect(merged).toMatchObject({ value: 1, status: 'fail', reason: '2 in all made 7 commits' });
    expect(merged.evidence.map((e) => e.label)).toEqual(['cloudtide.example: 5 of 7 commits']);
  });

  it('lists the corrections and every recent contributor with the organisation they count for', async () => {
    const listed = (await (await call('GET', '/api/maturity/organisations', admin)).json()) as {
      corrections: { match: string; organisation: string }[];
      contributors: {
        email: string;
        login: string | null;
        organisation: string;
        commits: number;
        projects: string[];
      }[];
    };
    expect(listed.corrections).toMatchObject([{ match: '@hanhai.example', organisation: 'cloudtide.example' }]);
    expect(listed.contributors.map((c) => [c.email, c.organisation, c.commits, c.projects])).toEqual([
      [ALICE.email, 'cloudtide.example', 3, ['team/a']],
      [BOB.email, 'cloudtide.example', 2, ['team/a']],
      [CAROL.email, 'lianxin.example', 2, ['team/a']],
      [WU.email, `independent: ${WU.email}`, 1, ['team/b']],
    ]);
    expect(listed.contributors.find((c) => c.email === WU.email)!.login).toBe('wu');
  });

  it('a login correction reaches the noreply address, and removing a correction restores the domain rule', async () => {
    const byLogin = await call('PUT', '/api/maturity/organisations/wu', admin, { organisation: 'EdgeHive' });
    expect(await byLogin.json()).toMatchObject({ reevaluating: ['team/b'] });
    await app.worker.drain();
    expect((await diversity('team/b')).evidence.map((e) => e.label)).toEqual(['EdgeHive: 1 of 1 commit']);

    const removed = await call('DELETE', '/api/maturity/organisations/%40hanhai.example', admin);
    expect(await removed.json()).toEqual({ correction: null, reevaluating: ['team/a'] });
    await app.worker.drain();
    expect(await diversity('team/a')).toMatchObject({ value: 2, status: 'pass' });
    expect((await call('DELETE', '/api/maturity/organisations/%40hanhai.example', admin)).status).toBe(404);
  });
});
