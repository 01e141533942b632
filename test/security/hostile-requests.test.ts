// Requests no browser link would make but anyone can send (issue 9, found by the XSS corpus's request fields):
// a malformed cookie, malformed percent-encoding in a path, and a path that starts with "//".
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

let inst: TestInstance;
beforeAll(async () => {
  inst = await startTestInstance();
});
afterAll(() => inst?.destroy());

/** GET with the path exactly as given (fetch would normalise it). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(inst.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, headers: { accept: 'text/html', ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('hostile requests', () => {
  it('ignores a lang cookie that is not percent-encoded UTF-8 instead of failing every page', async () => {
    for (const cookie of ['lang=%E0%A4%A', 'lang=%', 'other=1; lang=%ZZ']) {
      const page = await rawGet('/projects', { cookie, 'accept-language': 'en' });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<html lang="en">');
    }
  });

  // Issue 9, item 7: a route parameter Express cannot decode was a 500.
  it('answers malformed percent-encoding in a route parameter with a 4xx, not a 500', async () => {
    for (const path of ['/projects/%E0%A4%A/x', '/badge/%E0%A4%A/x.svg', '/api/projects/%ZZ/x']) {
      const page = await rawGet(path);
      expect(page.status, path).toBeGreaterThanOrEqual(400);
      expect(page.status, path).toBeLessThan(500);
    }
  });

  // Issue 9, item 5: the language links of the 404 page for `//evil.example/x` were protocol-relative links.
  it('keeps every self link of a 404 page on the portal when the path starts with //', async () => {
    const page = await rawGet('//evil.example/x');
    expect(page.status).toBe(404);
    const links = [...page.body.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => m[1]!);
    expect(links.filter((href) => new URL(href, inst.url).origin !== new URL(inst.url).origin)).toEqual([]);
  });
});
