import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from './maturity-users.ts';
import { createFakeClock } from '../support/fake-clock.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import type { MaturityJson, ObservationJson } from '../../sync/maturity/maturity-json.ts';

const DAY = 86_400_000;

describe('maturity of the demo community', () => {
  let app: TestInstance;
  let admin: string;
  let member: string;
  beforeAll(async () => {
    app = await startTestInstance({
      env: { MAGNOLIA_DEMO: 'on' },
      clock: createFakeClock(Date.parse('2026-11-26T08:00:00Z')),
    });
    admin = createUser(app.store, 'secretariat', 'admin', app.clock);
    member = createUser(app.store, 'someone', 'member', app.clock);
  }, 120_000);
  afterAll(() => app.destroy());

  const get = async <T>(path: string): Promise<T> => (await (await fetch(`${app.url}${path}`)).json()) as T;

  it('spans at least three levels at the current date, as the demo intends', async () => {
    const { projects } = await get<{ projects: { fullName: string; level: string | null }[] }>('/api/projects');
    const levels = Object.fromEntries(projects.map((p) => [p.fullName, p.level]));
    expect(new Set(Object.values(levels)).size).toBeGreaterThanOrEqual(3);
    // IMPLEMENTATIONS.md has listed two implementations since June 2025: the history backfilled at the first
    // evaluation shows the 90 days the level asks for, so the project need not wait for the portal to watch it.
    expect(levels['cloudtide/nimbus-placement']).toBe('standard-candidate');
    expect(levels['hanhai-data/tablestream']).toBe('mature');
    expect(levels['lianxin-labs/chainproof']).toBe('incubating');
    expect(levels['donghu-ai/modelcard-cn']).toBe('sandbox');
    expect(levels['edgehive/mqtt-shadow']).toBe('sandbox');
    expect(levels['northbridge-oss/logpipe']).toBe('sandbox');
  });

  it('answers the documented shape, with gaps for the next level', async () => {
    const body = await get<MaturityJson>('/api/projects/lianxin-labs/chainproof/maturity');
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['level', 'nextLevel', 'evaluatedAt', 'commit', 'gaps', 'signals']),
    );
    expect(body.nextLevel).toBe('mature');
    expect(body.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(body.gaps.map((g) => g.signal)).toEqual(expect.arrayContaining(['people.org-diversity', 'files.security']));
    for (const s of body.signals) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining(['id', 'section', 'title', 'value', 'status', 'reason', 'commit', 'source', 'evidence']),
      );
      expect(['git', 'api']).toContain(s.source);
    }
    const security = body.signals.find((s) => s.id === 'files.security')!;
    expect(security).toMatchObject({ status: 'fail', value: false });
    expect(security.reason).toMatch(/does not say how to report/);
  });

  it('pins every file and lines evidence to a path and lines that exist at the evaluated commit', async () => {
    for (const row of app.store.repositories.listMembers()) {
      const body = await get<MaturityJson>(`/api/projects/${row.full_name}/maturity`);
      for (const s of body.signals) {
        for (const e of s.evidence.filter((x) => x.kind === 'file' || x.kind === 'lines')) {
          const match = new RegExp(
            `^${app.config.githubUrl}/${row.full_name}/blob/([0-9a-f]{40})/([^#]+)(?:#L(\\d+)-L(\\d+))?$`,
          ).exec(e.url);
          expect(match, e.url).not.toBeNull();
          const [, sha, path, from, to] = match!;
          const text = execFileSync('git', ['show', `${sha}:${decodeURIComponent(path!)}`], {
            cwd: row.mirror_path!,
            encoding: 'utf8',
          });
          if (from) {
            const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
            expect(Number(from)).toBeGreaterThanOrEqual(1);
            expect(Number(to), e.url).toBeLessThanOrEqual(lines);
          }
        }
      }
    }
  });

  it('finds the Chinese spec requirements and the monorepo spec in its subfolder', async () => {
    const zh = await get<MaturityJson>('/api/projects/ziii-oss/idlink-resolver/maturity');
    expect(zh.signals.find((s) => s.id === 'spec.normative-documents')!.value).toBeGreaterThan(5);
    const mono = await get<MaturityJson>('/api/projects/hanhai-data/tablestream/maturity');
    const spec = mono.signals.find((s) => s.id === 'spec.normative-documents')!;
    expect(spec.status).toBe('pass');
    expect(spec.evidence.some((e) => e.url.includes('/spec/tablestream-format.md#L'))).toBe(true);
  });

  it('appends history only on change, plus one snapshot a day', async () => {
    const nimbus = app.store.repositories.findMember('cloudtide/nimbus-placement')!;
    // An API-derived signal: its history starts at the first evaluation (git-derived ones are backfilled, below).
    const history = () =>
      get<{ observations: ObservationJson[] }>(
        '/api/projects/cloudtide/nimbus-placement/maturity/history?signal=releases.recent',
      );
    expect((await history()).observations).toHaveLength(1);
    await app.sync.maturity.evaluate(nimbus.id);
    expect((await history()).observations).toHaveLength(1);
    app.clock.advance(DAY);
    await app.sync.maturity.evaluate(nimbus.id);
    await app.sync.maturity.evaluate(nimbus.id);
    const after = (await history()).observations;
    expect(after.map((o) => o.kind)).toEqual(['change', 'snapshot']);
    expect(() => app.store.db.prepare(`UPDATE maturity_observations SET status = 'fail'`).run()).toThrow(/append-only/);
  });

  it('exempts a signal for a project until the exemption expires (reviewer or admin only)', async () => {
    const chainproof = app.store.repositories.findMember('lianxin-labs/chainproof')!;
    const base = `${app.url}/api/projects/lianxin-labs/chainproof/maturity/exemptions`;
    const post = (token: string, body: unknown) =>
      fetch(base, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (await post(member, { signal: 'files.security', reason: 'x', expiresAt: '2027-01-01T00:00:00Z' })).status,
    ).toBe(403);
    for (const [expiresAt, problem] of [
      ['2099-02-30T00:00:00Z', '"2099-02-30T00:00:00Z" is not a date: February 2099 has 28 days'],
      ['2099-13-45', '"2099-13-45" is not a date: there is no month 13'],
      ['2099-01-01T10:00:00', '"2099-01-01T10:00:00" has no time zone: add Z (UTC) or an offset such as +08:00'],
    ]) {
      const res = await post(admin, { signal: 'files.security', reason: 'audit in progress', expiresAt });
      expect(res.status, expiresAt).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
        `expiresAt ${problem}: give YYYY-MM-DD or an ISO-8601 date-time such as 2027-06-30T00:00:00Z`,
      );
    }
    expect(app.store.maturity.exemptions.list(chainproof.id)).toEqual([]);
    const gaps = (await get<MaturityJson>('/api/projects/lianxin-labs/chainproof/maturity')).gaps.map((g) => g.signal);
    const expiresAt = new Date(app.clock.now() + 30 * DAY).toISOString();
    for (const signal of gaps) {
      const res = await post(admin, { signal, reason: 'audit in progress, agreed by the committee', expiresAt });
      expect(res.status).toBe(201);
    }
    await app.worker.drain();
    expect((await get<MaturityJson>('/api/projects/lianxin-labs/chainproof/maturity')).level).toBe('mature');
    const listed = (await (await fetch(base, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
      exemptions: { active: boolean }[];
    };
    expect(listed.exemptions.every((e) => e.active)).toBe(true);
    app.clock.advance(31 * DAY);
    await app.sync.maturity.evaluate(chainproof.id);
    const expired = await get<MaturityJson>('/api/projects/lianxin-labs/chainproof/maturity');
    expect(expired.level).not.toBe('mature');
    for (const signal of gaps) expect(expired.signals.find((s) => s.id === signal)!.exemption).toBeNull();
  });

  it('refuses an invalid model with what is wrong, and re-evaluates every project after a model change', async () => {
    const put = (body: string) =>
      fetch(`${app.url}/api/maturity/model`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/yaml' },
        body,
      });
    const bad = await put('name: { en: x, zh: y }\nlevels: []\n');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/levels: a model needs at least one level/);
    const { readDefaultModelSource } = await import('../../sync/maturity/model/load-active-model.ts');
    const source = readDefaultModelSource().replace(
      'threshold: { min: 6 }\n    weight: 3\n    requiredFor: mature',
      'threshold: { min: 1000 }\n    weight: 3\n    requiredFor: mature',
    );
    const ok = await put(source);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ enqueued: 7 });
    await app.worker.drain();
    const { projects } = await get<{ projects: { level: string | null }[] }>('/api/projects');
    expect(projects.some((p) => p.level === 'mature')).toBe(false);
  });
});
