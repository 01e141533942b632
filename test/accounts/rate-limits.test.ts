// Rate limits: sign-in attempts per address and writes per person answer 429 with Retry-After, as a page in the
// reader's language or as JSON under /api/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccountsFixture, type AccountsFixture } from './accounts-fixture.ts';
import { signInWithGitHub, webSession } from '../support/web-session.ts';

let f: AccountsFixture;
beforeAll(async () => {
  f = await startAccountsFixture({ MAGNOLIA_RATE_LIMIT_SIGNIN: '4', MAGNOLIA_RATE_LIMIT_WRITES: '3' });
});
afterAll(async () => {
  await f?.close();
});

describe('rate limits', () => {
  it('limit writes per person, with Retry-After and a JSON error under /api/', async () => {
    const alice = webSession(f.app.url);
    expect((await signInWithGitHub(alice, f.fake, 'alice')).status).toBe(303);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await alice.json('POST', '/api/projects/acme/widget/evaluate');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    const retryAfter = Number(last!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await last!.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Reads are not limited.
    expect((await alice.get('/api/me')).status).toBe(200);
  });

  it('limit sign-in attempts per address, with a page in the reader’s language', async () => {
    // One sign-in above took two attempts (start and callback); two more starts reach the limit of four.
    const visitor = webSession(f.app.url);
    expect((await visitor.get('/auth/github')).status).toBe(303);
    expect((await visitor.get('/auth/github')).status).toBe(303);
    const zh = await visitor.get('/auth/github', { accept: 'text/html', 'accept-language': 'zh-CN' });
    expect(zh.status).toBe(429);
    expect(Number(zh.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await zh.text();
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('请求过于频繁');
    expect(page).toMatch(/短时间内来自此处的登录尝试过多：请等待 \d+ 秒后重试。/);
    const en = await visitor.get('/auth/github', { accept: 'text/html', 'accept-language': 'en' });
    expect(await en.text()).toMatch(/Too many sign-in attempts from here in a short time: wait \d+ seconds/);
  });
});
