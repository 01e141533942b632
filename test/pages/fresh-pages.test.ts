import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDelivery } from '../support/send-delivery.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

const repository = (id: number, name: string, over: Record<string, unknown> = {}) => ({
  id,
  name,
  full_name: `acme/${name}`,
  owner: { login: 'acme' },
  description: `The ${name} project`,
  language: name === 'codec' ? 'Rust' : 'Go',
  stargazers_count: 10,
  updated_at: '2026-10-01T00:00:00Z',
  ...over,
});

describe('pages after a change', () => {
  let app: TestInstance;
  const html = async (path: string): Promise<string> => (await fetch(`${app.url}${path}`)).text();
  const listed = (page: string): string[] =>
    [...page.matchAll(/<td><a href="\/projects\/([^"]+)">/g)].map((m) => m[1]!);
  const deliver = async (payload: unknown): Promise<void> => {
    expect((await sendDelivery(app.url, 'repository', payload)).status).toBe(202);
    await app.worker.drain();
  };

  beforeAll(async () => {
    app = await startTestInstance();
    for (const [id, name] of [
      [801, 'codec'],
      [802, 'gateway'],
    ] as const) {
      app.store.repositories.register({
        id,
        owner: 'acme',
        name,
        domain: 'iot',
        cloneUrl: null,
        registeredAt: '2026-01-01T00:00:00Z',
      });
    }
    await deliver({ action: 'edited', repository: repository(801, 'codec') });
    await deliver({ action: 'edited', repository: repository(802, 'gateway') });
  });
  afterAll(() => app?.destroy());

  it('filters the catalogue by the primary language GitHub reports', async () => {
    const page = await html('/projects?lang=en');
    expect(page).toContain('<option value="Go">Go</option>');
    expect(page).toContain('<option value="Rust">Rust</option>');
    expect(listed(await html('/projects?language=Rust&lang=en'))).toEqual(['acme/codec']);
    expect(listed(await html('/projects?language=Go&lang=en'))).toEqual(['acme/gateway']);
  });

  it("shows a webhook's change on the very next request to the catalogue, the project page and the home page", async () => {
    // Rendered (and kept) before the change.
    expect(await html('/projects?lang=en')).toContain('The codec project');
    expect(await html('/projects/acme/codec?lang=en')).toContain('The codec project');
    await html('/?lang=en');

    await deliver({
      action: 'edited',
      repository: repository(801, 'codec', {
        description: 'A faster codec',
        language: 'C',
        updated_at: '2026-10-02T00:00:00Z',
      }),
    });
    const catalogue = await html('/projects?lang=en');
    expect(catalogue).toContain('A faster codec');
    expect(catalogue).not.toContain('The codec project');
    expect(catalogue).toContain('<option value="C">C</option>');
    expect(await html('/projects/acme/codec?lang=en')).toContain('A faster codec');

    await deliver({
      action: 'deleted',
      repository: repository(802, 'gateway', { updated_at: '2026-10-03T00:00:00Z' }),
    });
    expect(listed(await html('/projects?lang=en'))).toEqual(['acme/codec']);
    expect(await html('/?lang=en')).toContain('Browse the 1 project');
  });
});
