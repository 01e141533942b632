import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

const repository = (over: Record<string, unknown> = {}) => ({
  id: 800,
  name: 'codec',
  full_name: 'acme/codec',
  owner: { login: 'acme' },
  description: 'A codec',
  updated_at: '2026-10-01T00:00:00Z',
  stargazers_count: 10,
  ...over,
});

describe('webhook processors', () => {
  let app: TestInstance;
  const deliver = async (event: string, payload: unknown) => {
    const sent = await sendDelivery(app.url, event, payload);
    expect(sent.status).toBe(202);
    await app.worker.drain();
    return app.store.deliveries.get(sent.id)!;
  };

  beforeAll(async () => {
    app = await startTestInstance();
    app.store.repositories.register({
      id: 800,
      owner: 'acme',
      name: 'codec',
      domain: 'iot',
      cloneUrl: null,
      registeredAt: '2026-01-01T00:00:00Z',
    });
  });
  afterAll(() => app.destroy());

  it('keeps the edit when release.edited arrives before release.created', async () => {
    const base = { id: 31, tag_name: 'v1.0.0', draft: false, prerelease: false, created_at: '2026-10-02T00:00:00Z' };
    await deliver('release', { action: 'edited', release: { ...base, name: 'Edited name' }, repository: repository() });
    const late = await deliver('release', {
      action: 'created',
      release: { ...base, name: 'Original' },
      repository: repository(),
    });
    expect(late.status).toBe('processed');
    expect(app.store.releases.get(31)).toMatchObject({ name: 'Edited name', deleted_at: null });
    // And a deleted release stays deleted whatever comes later.
    await deliver('release', { action: 'deleted', release: base, repository: repository() });
    await deliver('release', { action: 'edited', release: { ...base, name: 'Zombie' }, repository: repository() });
    expect(app.store.releases.get(31)?.deleted_at).not.toBeNull();
    expect(app.store.releases.listForRepository(800).map((r) => r.id)).not.toContain(31);
  });

  it('keeps the newest issue state when events overtake each other', async () => {
    const issue = { id: 41, number: 1, title: 'Bug', user: { id: 1, login: 'ann' } };
    await deliver('issues', {
      action: 'closed',
      issue: { ...issue, state: 'closed', updated_at: '2026-10-05T00:00:00Z' },
      repository: repository(),
    });
    await deliver('issues', {
      action: 'opened',
      issue: { ...issue, state: 'open', updated_at: '2026-10-04T00:00:00Z' },
      repository: repository(),
    });
    expect(app.store.issues.get(41)).toMatchObject({ state: 'closed' });
  });

  it('renames and transfers keep one repository row, and remember old names', async () => {
    await deliver('repository', {
      action: 'renamed',
      changes: { repository: { name: { from: 'codec' } } },
      repository: repository({ name: 'codec-spec', full_name: 'acme/codec-spec', updated_at: '2026-10-06T00:00:00Z' }),
    });
    await deliver('repository', {
      action: 'transferred',
      changes: { owner: { from: { user: { login: 'acme' } } } },
      repository: repository({
        name: 'codec-spec',
        full_name: 'standards-org/codec-spec',
        owner: { login: 'standards-org' },
        updated_at: '2026-10-07T00:00:00Z',
      }),
    });
    const rows = app.store.db.prepare(`SELECT id, full_name FROM repositories`).all();
    expect(rows).toEqual([{ id: 800, full_name: 'standards-org/codec-spec' }]);
    expect(app.store.repositories.findByFormerName('acme/codec')?.id).toBe(800);
    expect(app.store.repositories.findByFormerName('ACME/codec-spec')?.id).toBe(800);
    expect(app.store.repositories.findMember('standards-org/codec-spec')?.id).toBe(800);
    // Releases recorded under the old name still belong to the same row.
    expect(app.store.releases.get(31)?.repository_id).toBe(800);
  });

  it('never resurrects a deleted repository with a late edited', async () => {
    const current = repository({
      name: 'codec-spec',
      full_name: 'standards-org/codec-spec',
      owner: { login: 'standards-org' },
    });
    await deliver('repository', { action: 'deleted', repository: { ...current, updated_at: '2026-10-08T00:00:00Z' } });
    const late = await deliver('repository', {
      action: 'edited',
      changes: { description: { from: 'A codec' } },
      repository: { ...current, description: 'Back from the dead', updated_at: '2026-10-09T00:00:00Z' },
    });
    expect(late).toMatchObject({ status: 'ignored' });
    expect(late.note).toContain('deleted');
    const row = app.store.repositories.get(800)!;
    expect(row.deleted_at).not.toBeNull();
    expect(row.description).toBe('A codec');
    expect(app.store.repositories.findMember('standards-org/codec-spec')).toBeUndefined();
  });

  it('stores events about non-members, unknown events and unknown actions as ignored', async () => {
    const stranger = await deliver('push', {
      ref: 'refs/heads/main',
      repository: repository({ id: 999, full_name: 'x/y', name: 'y' }),
    });
    expect(stranger).toMatchObject({ status: 'ignored' });
    expect(stranger.note).toContain('not a member');
    const unknownEvent = await deliver('sponsorship', { action: 'created' });
    expect(unknownEvent).toMatchObject({ status: 'ignored', note: 'the sponsorship event is not used by Magnolia' });
    const unknownAction = await deliver('release', {
      action: 'teleported',
      release: { id: 1, tag_name: 'x' },
      repository: repository(),
    });
    expect(unknownAction).toMatchObject({ status: 'ignored' });
    const garbage = await deliver('release', {
      action: 'published',
      release: 'not an object',
      repository: repository(),
    });
    expect(garbage).toMatchObject({ status: 'ignored' });
  });

  it('adopts the real GitHub id of a project registered offline', async () => {
    const provisional = app.store.repositories.nextProvisionalId();
    expect(provisional).toBeLessThan(0);
    app.store.repositories.register({
      id: provisional,
      owner: 'lab',
      name: 'ledger',
      domain: null,
      cloneUrl: null,
      registeredAt: '2026-01-01T00:00:00Z',
    });
    await deliver('star', {
      action: 'created',
      repository: {
        id: 4242,
        name: 'ledger',
        full_name: 'lab/ledger',
        owner: { login: 'lab' },
        stargazers_count: 5,
        language: 'Rust',
      },
    });
    expect(app.store.repositories.get(provisional)).toBeUndefined();
    expect(app.store.repositories.get(4242)).toMatchObject({ full_name: 'lab/ledger', stars: 5, language: 'Rust' });
    // A payload without `language` says nothing about it: the stored one stays.
    await deliver('star', {
      action: 'created',
      repository: { id: 4242, name: 'ledger', full_name: 'lab/ledger', owner: { login: 'lab' }, stargazers_count: 6 },
    });
    expect(app.store.repositories.get(4242)).toMatchObject({ stars: 6, language: 'Rust' });
  });
});
