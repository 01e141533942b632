import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

describe('a webhook cannot turn a repository name into a git option', () => {
  let app: TestInstance;
  beforeAll(async () => {
    app = await startTestInstance();
    app.store.repositories.register({
      id: 810,
      owner: 'acme',
      name: 'codec',
      domain: null,
      cloneUrl: null,
      registeredAt: '2026-01-01T00:00:00Z',
    });
  });
  afterAll(() => app.destroy());

  const rename = async (owner: string, name: string) => {
    const sent = await sendDelivery(app.url, 'repository', {
      action: 'renamed',
      repository: {
        id: 810,
        name,
        full_name: `${owner}/${name}`,
        owner: { login: owner },
        updated_at: '2026-10-01T00:00:00Z',
      },
    });
    expect(sent.status).toBe(202);
    await app.worker.drain();
    return app.store.deliveries.get(sent.id)!;
  };

  it('ignores a rename to something that is not an owner/repo name, so the clone URL stays what it was', async () => {
    for (const [owner, name] of [
      ['acme', '--upload-pack=touch x; true'],
      ['-oProxyCommand=x', 'codec'],
      ['acme', '../../etc'],
    ] as const) {
      const outcome = await rename(owner, name);
      expect(outcome).toMatchObject({ status: 'ignored' });
      expect(outcome.note).toContain('is not an owner/repo name; acme/codec keeps its name');
      expect(app.store.repositories.get(810)!.full_name).toBe('acme/codec');
    }
    expect(await rename('acme', 'codec-spec')).toMatchObject({ status: 'processed' });
    expect(app.store.repositories.get(810)!.full_name).toBe('acme/codec-spec');
  });
});
