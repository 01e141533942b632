import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexFile } from '../../server/search/persisted-index.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

let inst: TestInstance;
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(inst.url + path, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });

beforeAll(async () => {
  inst = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on' } });
  await inst.worker.drain();
  // A repository-controlled description that tries to inject markup.
  inst.store.db
    .prepare(`UPDATE repositories SET description = ?, updated_at = updated_at || 'x' WHERE name = 'logpipe'`)
    .run('<script>alert(1)</script> & <b>bold</b>');
}, 120_000);
afterAll(() => inst?.destroy());

describe('pages', () => {
  it('negotiates the language: Chinese by default, ?lang= wins and is remembered, Accept-Language otherwise', async () => {
    const zh = await get('/');
    expect(await zh.text()).toMatch(/<html lang="zh-CN">[\s\S]*<h1 id="home-title">从开源到标准<\/h1>/);
    const en = await get('/?lang=en');
    expect(en.headers.get('set-cookie')).toMatch(/^lang=en; Path=\/; Max-Age=\d+; SameSite=Lax/);
    expect(await en.text()).toContain('<html lang="en">');
    expect(await (await get('/', { cookie: 'lang=en' })).text()).toContain('<html lang="en">');
    expect(await (await get('/', { 'accept-language': 'en-GB,en;q=0.9' })).text()).toContain(
      '<h1 id="home-title">Open source to standard</h1>',
    );
  });

  it('sends security headers with a CSP that needs no unsafe-inline', async () => {
    const res = await get('/projects');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).not.toMatch(/<style|style=|<script(?! src)/);
    const css = await get(html.match(/href="(\/static\/site\.css\?v=[\w-]+)"/)![1]!);
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('filters, sorts and paginates the catalogue from the URL', async () => {
    // nimbus-placement is a standard candidate since its history is reconstructed at the first evaluation.
    const html = await (await get('/projects?level=mature&sort=name&lang=en')).text();
    const names = [...html.matchAll(/<td><a href="\/projects\/([^"]+)">/g)].map((m) => m[1]);
    expect(names).toEqual(['hanhai-data/tablestream']);
    expect(html).toContain('<option value="mature" selected>Mature</option>');
    expect(html).toContain('<p class="summary" role="status">1 project</p>');
    const top = await (await get('/projects?level=standard-candidate&lang=en')).text();
    expect([...top.matchAll(/<td><a href="\/projects\/([^"]+)">/g)].map((m) => m[1])).toEqual([
      'cloudtide/nimbus-placement',
    ]);
    const cloud = await (await get('/projects?domain=cloud-computing&lang=en')).text();
    const inCloud = [...cloud.matchAll(/<td><a href="\/projects\/([^"]+)">/g)].map((m) => m[1]);
    expect(inCloud).toContain('cloudtide/nimbus-placement');
    expect(inCloud).not.toContain('hanhai-data/tablestream');
  });

  it('escapes repository-controlled text', async () => {
    const html = await (await get('/projects/northbridge-oss/logpipe?lang=en')).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('shows a project: facts, level, signals by section with evidence pinned to a commit, gaps', async () => {
    const html = await (await get('/projects/cloudtide/nimbus-placement?lang=en')).text();
    expect(html).toContain('<h1>cloudtide/nimbus-placement</h1>');
    expect(html).toContain('<span class="level level-large level-standard-candidate">Standard candidate</span>');
    expect(html).toContain('<h2 id="signals-title">Signals</h2>');
    expect(html).toContain('<h3>Activity</h3>');
    expect(html).toMatch(
      /<a href="http:\/\/127\.0\.0\.1:9\/cloudtide\/nimbus-placement\/blob\/[0-9a-f]{40}\/[^"#]+(#L\d+(-L\d+)?)?" rel="noopener noreferrer">/,
    );
    // The ladder: every level with the signals it requires; this project has reached the top one.
    expect(html).toContain('<h2 id="ladder-title">Maturity ladder</h2>');
    expect(html).toContain('This project is at the top level.');
    expect(html).toContain('<h2 id="exemptions-title">Exemptions</h2>');
  });

  it('redirects nothing it does not know: bilingual 404 pages for HTML, JSON for the API', async () => {
    const zh = await get('/projects/nobody/nothing');
    expect(zh.status).toBe(404);
    expect(await zh.text()).toMatch(/<html lang="zh-CN">[\s\S]*页面不存在/);
    const en = await get('/no/such/page?lang=en');
    expect(await en.text()).toContain('There is nothing at /no/such/page.');
    const api = await fetch(inst.url + '/api/projects/nobody/nothing');
    expect(api.headers.get('content-type')).toMatch(/json/);
  });

  it('renders content pages in both languages and the model page from the model', async () => {
    expect(await (await get('/process?lang=en')).text()).toContain('<h1>How a proposal becomes a standard</h1>');
    expect(await (await get('/process?lang=zh-CN')).text()).toContain('<h1>提案如何成为标准</h1>');
    const model = await (await get('/maturity-model?lang=en')).text();
    expect(model).toMatch(/<code>standard-candidate<\/code>/);
  });

  it('serves a cacheable badge with an ETag', async () => {
    const res = await fetch(inst.url + '/badge/cloudtide/nimbus-placement.svg');
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const svg = await res.text();
    expect(svg).toContain('<title>maturity: Standard candidate</title>');
    const again = await fetch(inst.url + '/badge/cloudtide/nimbus-placement.svg', {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect(await (await fetch(inst.url + '/badge/cloudtide/nimbus-placement.svg?lang=zh-CN')).text()).toContain(
      '<title>成熟度: 标准候选</title>',
    );
  });

  it('searches in Chinese and English, and persists the index under the data dir', async () => {
    // The index is built in a worker after start; wait until it has settled.
    const search = (q: string) =>
      fetch(inst.url + '/api/search?q=' + encodeURIComponent(q)).then(
        (r) =>
          r.json() as Promise<{
            ready: boolean;
            results: { type: string; title: string; url: string; snippet: string; score: number }[];
          }>,
      );
    for (let i = 0; i < 100 && !(await search('x')).ready; i++) await new Promise((r) => setTimeout(r, 100));
    const zh = await search('标识解析');
    expect(zh.results[0]).toMatchObject({
      type: 'project',
      title: 'ziii-oss/idlink-resolver',
      url: '/projects/ziii-oss/idlink-resolver',
    });
    const en = await search('placement');
    expect(en.results[0]).toMatchObject({ type: 'project', title: 'cloudtide/nimbus-placement' });
    const pages = await search('征求意见');
    expect(pages.results.map((r) => r.url)).toContain('/process?lang=zh-CN');
    const html = await (await get('/search?q=' + encodeURIComponent('标准') + '&lang=zh-CN')).text();
    expect(html).toMatch(/<mark>标准<\/mark>/);
    expect(existsSync(indexFile(inst.dataDir))).toBe(true);
  });
});
