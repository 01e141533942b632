import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProject } from '../../sync/projects/add-project.ts';
import { createUpstreamWithHistory } from '../support/git-fixture.ts';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

describe('projects API', () => {
  let app: TestInstance;
  beforeAll(async () => {
    app = await startTestInstance();
    const upstream = createUpstreamWithHistory(6, 'ledger');
    const facts = {
      owner: 'lab',
      name: 'ledger',
      fullName: 'lab/ledger',
      nodeId: 'R_1',
      description: 'A ledger format',
      homepage: null,
      topics: ['ledger'],
      licenseSpdx: 'Apache-2.0',
      licenseName: 'Apache License 2.0',
      defaultBranch: 'main',
      visibility: 'public',
      archived: false,
      fork: false,
      stars: 42,
      forks: 3,
      watchers: 42,
      openIssues: 1,
      language: 'Rust',
      createdAt: '2025-01-01T00:00:00Z',
      pushedAt: '2026-02-01T00:00:00Z',
      githubUpdatedAt: '2026-02-01T00:00:00Z',
    };
    const added = await addProject(
      { store: app.store, clock: app.clock, lookup: async () => ({ kind: 'found', id: 9100, facts }) },
      { fullName: 'lab/ledger', cloneUrl: upstream.url, domain: 'blockchain' },
    );
    await app.sync.fetch(added.id);
  });
  afterAll(() => app.destroy());

  it('lists projects with the documented fields', async () => {
    const body = (await (await fetch(`${app.url}/api/projects`)).json()) as { projects: Record<string, unknown>[] };
    expect(body.projects).toHaveLength(1);
    expect(body.projects[0]).toMatchObject({
      owner: 'lab',
      repo: 'ledger',
      fullName: 'lab/ledger',
      domain: 'blockchain',
      description: 'A ledger format',
      defaultBranch: 'main',
      commitCount: 6,
      contributorCount: 3,
      stars: 42,
      license: 'Apache-2.0',
      lastPushAt: '2026-02-01T00:00:00Z',
    });
    expect(body.projects[0]!.headSha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('shows one project with releases, top contributors and mirror status', async () => {
    const body = (await (await fetch(`${app.url}/api/projects/lab/ledger`)).json()) as Record<string, any>;
    expect(body.topContributors).toHaveLength(3);
    expect(body.topContributors[0]).toMatchObject({ commits: 2 });
    expect(body.mirror.lastFetchAt).toBeTruthy();
    expect(body.mirror.lastError).toBeNull();
    expect(body.releases).toEqual([]);
  });

  it('answers 404 in JSON for an unknown project, and redirects an old name after a rename', async () => {
    const missing = await fetch(`${app.url}/api/projects/nobody/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'project_not_found' } });
    await sendDelivery(app.url, 'repository', {
      action: 'renamed',
      repository: {
        id: 9100,
        name: 'ledger-spec',
        full_name: 'lab/ledger-spec',
        owner: { login: 'lab' },
        updated_at: '2026-03-01T00:00:00Z',
      },
    });
    await app.worker.drain();
    const moved = await fetch(`${app.url}/api/projects/lab/ledger`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/api/projects/lab/ledger-spec');
    const followed = await fetch(`${app.url}/api/projects/lab/ledger`);
    expect(await followed.json()).toMatchObject({ fullName: 'lab/ledger-spec', commitCount: 6 });
  });
});
