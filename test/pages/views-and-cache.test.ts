import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../content/i18n/messages.ts';
import { createViewRenderer } from '../../content/render/render-view.ts';
import { buildChrome } from '../../server/pages/layout/build-chrome.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

describe('views without Express', () => {
  it('render a page from its view model and language alone', () => {
    const views = createViewRenderer();
    const page = (lang: 'en' | 'zh-CN') => {
      const chrome = buildChrome({
        lang,
        path: '/about',
        query: new URLSearchParams('x=1'),
        title: messagesFor(lang).nav.about,
        nav: 'about',
        stylesheetHref: '/static/site.css',
      });
      return views.render('pages/content', { chrome, t: chrome.t, page: { html: '<p>hello</p>', missing: null } });
    };
    const zh = page('zh-CN');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<title>关于 · Magnolia</title>');
    expect(zh).toContain('href="/about?x=1&amp;lang=en"');
    expect(zh).toContain('<p>hello</p>');
    expect(page('en')).toContain('<html lang="en">');
  });
});

describe('the page cache', () => {
  let app: TestInstance;
  beforeAll(async () => {
    app = await startTestInstance();
  });
  afterAll(async () => {
    await app?.destroy();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });

  it('serves anonymous visitors from the cache, and never a request that carries credentials', async () => {
    expect((await get('/projects?sort=name')).headers.get('x-page-cache')).toBe('miss');
    expect((await get('/projects?sort=name')).headers.get('x-page-cache')).toBe('hit');
    // A signed-in visitor (session cookie) or a token holder gets a page rendered for them, and it is not kept.
    const credentials: Record<string, string>[] = [
      { cookie: 'lang=en; magnolia.sid=s%3Aabc.def' },
      { authorization: 'Bearer mgn_whatever' },
    ];
    for (const headers of credentials) {
      const res = await get('/projects?sort=name', headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-page-cache')).toBe('bypass');
    }
    const fresh = await get('/projects?sort=stars', { cookie: 'magnolia.sid=s%3Aabc.def' });
    expect(fresh.headers.get('x-page-cache')).toBe('bypass');
    expect((await get('/projects?sort=stars')).headers.get('x-page-cache')).toBe('miss');
  });
});
