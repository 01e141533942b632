import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { rawGet } from './raw-request.ts';

describe('malformed addresses are the client’s mistake, not the server’s', () => {
  let app: TestInstance;
  beforeAll(async () => {
    app = await startTestInstance();
  });
  afterAll(() => app.destroy());

  it('answers a page with a malformed percent-encoding with a 400 page, logged without a stack', async () => {
    for (const target of ['/projects/%ff/%fe', '/badge/%/x.svg', '/projects/acme/%E0%A4%A']) {
      const answer = await rawGet(app.url, target, { accept: 'text/html', 'accept-language': 'en' });
      expect(answer.status, target).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.body).toContain('malformed percent-encoding');
    }
    const errors = app
      .logs()
      .split('\n')
      .filter((line) => line.includes('"level":50'));
    expect(errors).toEqual([]);
    expect(app.logs()).not.toContain('URIError: ');
  });

  it('answers JSON under /api/, whatever the case of the path', async () => {
    for (const target of ['/api/projects/%ff/x', '/API/projects/%ff/x', '/Api/projects/acme/%zz/maturity']) {
      const answer = await rawGet(app.url, target, { accept: 'text/html' });
      expect(answer.status, target).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'bad_url' } });
    }
    const missing = await rawGet(app.url, '/API/projects/nobody/nothing', { accept: 'text/html' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: 'project_not_found' } });
  });

  it('serves the page when the lang cookie holds a malformed escape', async () => {
    const answer = await rawGet(app.url, '/', { accept: 'text/html', cookie: 'lang=%ff' });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<html lang="zh-CN">');
  });
});
