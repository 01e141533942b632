import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePath, urlWith } from '../../server/pages/layout/url-with.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { rawGet } from './raw-request.ts';

// Every href and src of a page that is not an absolute path of this site (`/x`, not `//x` or `/\x`) or a fragment.
function offSiteLinks(html: string): string[] {
  return [...html.matchAll(/\b(?:href|src|action)="([^"]*)"/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^\/(?![/\\])/.test(href) && !href.startsWith('#'));
}

describe('self links of a page stay on the site', () => {
  let app: TestInstance;
  beforeAll(async () => {
    app = await startTestInstance();
  });
  afterAll(() => app.destroy());

  it('the 404 page of //evil.example/x links the language versions as /evil.example/x, never protocol-relative', async () => {
    const answer = await rawGet(app.url, '//evil.example/x', { accept: 'text/html' });
    expect(answer.status).toBe(404);
    expect(offSiteLinks(answer.body)).toEqual([]);
    expect(answer.body).toContain('<link rel="alternate" hreflang="en" href="/evil.example/x?lang=en">');
    expect(answer.body).toContain('href="/evil.example/x?lang=zh-CN"');
    expect(answer.body).not.toContain('href="//');
  });

  it('does the same for a backslash and for several slashes, with the query kept', async () => {
    for (const target of ['/\\evil.example/x', '///evil.example/x?sort=name', '/\\/evil.example']) {
      const answer = await rawGet(app.url, target, { accept: 'text/html' });
      expect(answer.status).toBe(404);
      expect(offSiteLinks(answer.body)).toEqual([]);
    }
    const kept = await rawGet(app.url, '///evil.example/x?sort=name', { accept: 'text/html' });
    expect(kept.body).toContain('href="/evil.example/x?sort=name&amp;lang=en"');
  });

  it('builds every link from one leading slash', () => {
    expect(sitePath('//evil.example/x')).toBe('/evil.example/x');
    expect(sitePath('/\\evil.example')).toBe('/evil.example');
    expect(sitePath('/\t/evil.example')).toBe('/evil.example');
    expect(sitePath('/projects/a/b')).toBe('/projects/a/b');
    expect(urlWith('//evil.example', new URLSearchParams('a=1'), { lang: 'en' })).toBe('/evil.example?a=1&lang=en');
  });
});
