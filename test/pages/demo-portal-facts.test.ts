// Issue 13, items 6-8, 10, 12, 15, 16, 18-20: the demo community on the real app, as a visitor sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../content/i18n/catalogues/en.ts';
import { zhCN } from '../../content/i18n/catalogues/zh-CN.ts';
import { parseKnownModel, readDefaultModelSource } from '../../sync/maturity/model/load-active-model.ts';
import { createUser } from '../maturity/maturity-users.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { visibleText } from './reader-upstream.ts';

const DAY = 86_400_000;

describe('the demo portal as a visitor sees it', () => {
  let app: TestInstance;
  const get = (url: string, init?: RequestInit) => fetch(`${app.url}${url}`, init);
  const text = async (url: string) => visibleText(await (await get(url)).text());

  beforeAll(async () => {
    app = await startTestInstance({
      env: {
        MAGNOLIA_DEMO: 'on',
        MAGNOLIA_COMMUNITY_NAME: 'Open Standards Community',
        MAGNOLIA_COMMUNITY_NAME_ZH: '开放标准社区',
        MAGNOLIA_CONTACT_EMAIL: 'opensource@example.org',
      },
    });
    await app.worker.drain();
  }, 120_000);
  afterAll(() => app?.destroy());

  it('shows an exemption where it matters (signal, level, who and when), and the upward change it makes under Recently matured', async () => {
    expect(visibleText(await (await get('/?lang=en')).text())).toContain('No project has moved up a level yet.');
    app.clock.advance(DAY);
    const admin = createUser(app.store, 'rev-admin', 'admin', app.clock);
    const chainproof = '/api/projects/lianxin-labs/chainproof/maturity';
    const { gaps } = (await (await get(chainproof)).json()) as { gaps: { signal: string }[] };
    expect(gaps.length).toBeGreaterThan(0);
    const expiresAt = new Date(app.clock.now() + 30 * DAY).toISOString();
    for (const { signal } of gaps) {
      const res = await get(`${chainproof}/exemptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ signal, reason: 'audit agreed by the committee', expiresAt }),
      });
      expect(res.status).toBe(201);
    }
    await app.worker.drain();
    const page = await text('/projects/lianxin-labs/chainproof?lang=en');
    expect(page).toMatch(/This level rests on an exemption: /);
    expect(page).toMatch(/Exempted by rev-admin on .+ until .+: audit agreed by the committee\. Measured: /);
    expect(page).toMatch(
      /Exemptions Signal Reason Granted by Granted on Expires .+ audit agreed by the committee rev-admin/,
    );
    const badge = await (await get('/badge/lianxin-labs/chainproof.svg')).text();
    expect(badge).toContain('(exemption)');
    // Recently matured: the upward change, on the day it happened (not the seed day); no first evaluation listed.
    const home = await (await get('/?lang=en')).text();
    const matured = /<h2 id="matured-title">[\s\S]*?<\/ul>/.exec(home)?.[0] ?? '';
    const changes = [...matured.matchAll(/<li[\s\S]*?<\/li>/g)].map((m) => visibleText(m[0]));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(/^ ?lianxin-labs\/chainproof .*(Sandbox|Incubating) → Mature/);
    expect(matured).toContain(`<time datetime="${new Date(app.clock.now()).toISOString().slice(0, 10)}`);
  });

  it('takes the level names from the model, in both languages, everywhere', async () => {
    const { model } = parseKnownModel(readDefaultModelSource());
    for (const level of model.levels) {
      expect(en.level[level.id as keyof typeof en.level]).toBe(level.name.en);
      expect(zhCN.level[level.id as keyof typeof zhCN.level]).toBe(level.name.zh);
    }
    expect(await text('/maturity-model?lang=zh-CN')).toContain('沙箱');
    expect(await (await get('/badge/cloudtide/nimbus-placement.svg?lang=zh-CN')).text()).toMatch(
      /成熟|孵化|沙箱|标准候选/,
    );
  });

  it('lists Chinese fonts first for Chinese pages and Latin fonts first for English ones', async () => {
    const css = await (await get('/static/site.css')).text();
    const zh = /body:lang\(zh\)\s*\{\s*font-family:([^;]+);/.exec(css)?.[1] ?? '';
    expect(zh.indexOf('Noto Sans CJK SC')).toBeGreaterThan(-1);
    expect(zh.indexOf('Noto Sans CJK SC')).toBeLessThan(zh.indexOf('system-ui'));
    const base = /\nbody\s*\{[^}]*font:([^;]+);/.exec(css)?.[1] ?? '';
    expect(base.indexOf('system-ui')).toBeGreaterThan(-1);
    expect(base).not.toMatch(/^\s*['"]?(Noto Sans CJK|PingFang|Microsoft YaHei)/);
  });

  it('never shows "Showing 0–0 of 0" beside "no project matches"; a page past the end goes to the last page', async () => {
    const none = await text('/projects?q=zzzz-nothing&lang=en');
    expect(none).not.toMatch(/Showing 0/);
    const past = await get('/projects?page=99&lang=en', { redirect: 'manual' });
    expect(past.status).toBe(302);
    expect(past.headers.get('location')).toBe('/projects?lang=en');
  });

  it('shows the level distribution and the community activity as pictures with a text and a table', async () => {
    const html = await (await get('/?lang=en')).text();
    for (const picture of html.match(/<figure[\s\S]*?<\/figure>/g) ?? []) {
      expect(picture).toMatch(/<svg[^>]*role="img"[^>]*aria-label="[^"]+"/);
      expect(picture).toMatch(/<table/);
      expect(picture).not.toMatch(/<script/);
    }
    expect(html).toMatch(/aria-label="Projects per maturity level: [^"]+"/);
    expect(html).toMatch(/<h2 id="community-activity-title">/);
    const model = await (await get('/maturity-model?lang=en')).text();
    // One signal × level matrix: a table whose header row names every level.
    expect(model).toMatch(
      /<h2[^>]*>Signals by level<\/h2>[\s\S]*?<table>\s*<thead>\s*<tr>\s*<th[^>]*>[^<]*<\/th>\s*<th[^>]*>Sandbox/,
    );
  });

  it('serves badges at their intrinsic size, in Chinese, as an SVG for an unknown project, without cookies', async () => {
    const badge = await get('/badge/cloudtide/nimbus-placement.svg?lang=zh-CN');
    expect(badge.headers.get('set-cookie')).toBeNull();
    const svg = await badge.text();
    expect(svg).toMatch(/^<svg[^>]* width="\d+" height="20"/);
    expect(svg).not.toMatch(/preserveAspectRatio="none"/);
    const unknown = await get('/badge/nobody/nothing.svg');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(unknown.headers.get('set-cookie')).toBeNull();
    expect(await unknown.text()).toContain('unknown project');
    const page = await (await get('/projects/cloudtide/nimbus-placement?lang=zh-CN')).text();
    expect(page).toContain('/badge/cloudtide/nimbus-placement.svg?lang=zh-CN');
  });

  it('has a favicon and a footer naming the community and its contact address', async () => {
    const icon = await get('/favicon.ico', { redirect: 'follow' });
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/image\//);
    expect(await (await get('/?lang=en')).text()).toMatch(/<link rel="icon"/);
    const footer = (await text('/?lang=en')).slice(-600);
    expect(footer).toContain('Open Standards Community');
    expect(footer).toContain('opensource@example.org');
    expect((await text('/?lang=zh-CN')).slice(-600)).toContain('开放标准社区');
  });

  it('logs an expected refusal as a warning without a stack trace, and no JSON line repeats a key', async () => {
    const unconfigured = await startTestInstance({ env: { GITHUB_WEBHOOK_SECRET: '' } });
    try {
      const res = await fetch(`${unconfigured.url}/webhooks/github`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'ping' },
        body: '{}',
      });
      expect(res.status).toBe(503);
      const lines = unconfigured.logs().split('\n').filter(Boolean);
      const refusal = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.status === 503);
      expect(refusal).toMatchObject({ level: 40 });
      expect(JSON.stringify(refusal)).not.toMatch(/stack|"err"/);
      for (const line of [...lines, ...app.logs().split('\n').filter(Boolean)]) {
        const keys = topLevelKeys(line);
        expect(new Set(keys).size, line).toBe(keys.length);
      }
    } finally {
      await unconfigured.destroy();
    }
  });
});

/** The keys of a JSON line's outer object, repeats kept (JSON.parse would silently keep the last). */
function topLevelKeys(line: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === '"') {
      let j = i + 1;
      while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
      if (depth === 1 && line[j + 1] === ':') keys.push(line.slice(i + 1, j));
      i = j;
    }
  }
  return keys;
}
