import { execFileSync } from 'node:child_process';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';
import { readDefaultWorkflowSource } from '../../sync/proposals/workflow/load-workflow.ts';
import { pinnedRef } from '../../sync/sources/keep-commit-reachable.ts';
import { ALICE, BOB, CAROL, createUpstream, type Upstream } from '../support/git-fixture.ts';
import { launchChromium } from '../support/launch-chromium.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

// A real upstream registered in a real instance: a proposal pins main, its revision is generated, and the source
// view reads the mirror. Then the upstream force-pushes the pinned commit away, and the mirror syncs.
const PROJECT = 'acme/codec';
const MAINTAINER: ProposalActor = { login: 'mei', roles: ['member'], maintainerOf: [PROJECT] };
const LENIENT = readDefaultWorkflowSource().replace('requiredLevel: mature', 'requiredLevel: sandbox');

const SPEC_V1 = [
  '# Codec Protocol - Version 1.0',
  '',
  '## Scope',
  '',
  'This document specifies the frames of the codec protocol.',
  '',
  '## Frames',
  '',
  'A client MUST send a hello frame first.',
  '',
  'A server SHOULD answer within one second.',
  '',
].join('\n');
// Bob's commit adds hostile text: it must show as text, never run.
const SPEC_V2 = SPEC_V1.replace(
  'A server SHOULD answer within one second.',
  [
    'A server SHOULD answer within one second.',
    '',
    'Example: <script>alert(1)</script> and <img src=x onerror="alert(2)"> in a frame.',
    '',
    '## Errors',
    '',
    'A server MUST close the connection after a malformed frame.',
  ].join('\n'),
);

// Over the 1 MB the view lists: offered for download, never listed or blamed.
const BIG = 'a line of a large generated table\n'.repeat(32_000);

let app: TestInstance;
let upstream: Upstream;
let first: string;
let pinned: string;
let number: string;
let browser: Browser | undefined;
const mirror = (): string => app.store.repositories.findMember(PROJECT)!.mirror_path!;
const git = (...args: string[]) => execFileSync('git', args, { cwd: mirror(), encoding: 'utf8' }).trim();
const page = (path: string) => fetch(`${app.url}${path}`, { redirect: 'manual' });
// Sent as written: fetch would resolve `..` and `%2e%2e` segments before the request leaves.
const html = (path: string): Promise<{ status: number; text: string }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(app.url);
    get({ hostname, port, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    }).on('error', reject);
  });

beforeAll(async () => {
  upstream = createUpstream('codec');
  first = upstream.commit(
    { 'spec/protocol.md': SPEC_V1, 'README.md': '# Codec\n' },
    ALICE,
    '2026-03-01T10:00:00Z',
    'Protocol 1.0',
  );
  pinned = upstream.commit(
    {
      'spec/protocol.md': SPEC_V2,
      'assets/logo.bin': 'P\u0000\u0001\u0002\u0000NG',
      'data/big.txt': BIG,
    },
    BOB,
    '2026-03-05T09:30:00Z',
    'Errors clause & <b>example</b>\n\nThe body of the message says why.',
  );
  upstream.push('main');
  app = await startTestInstance();
  await app.services.projects.add({ fullName: PROJECT, cloneUrl: upstream.bare, domain: 'iot' });
  app.services.proposals.installWorkflow(LENIENT, 'admin');
  number = (
    await app.services.proposals.create(
      {
        project: PROJECT,
        title: { zh: '编解码协议', en: 'Codec protocol' },
        ref: 'main',
        sources: [{ path: 'spec/protocol.md' }],
        scope: 'Frames.',
        rationale: 'Implemented widely.',
      },
      MAINTAINER,
    )
  ).number;
  await app.services.proposals.revise(number, { reason: 'first draft' }, MAINTAINER);
  await app.worker.drain();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
});

const blob = (sha: string, path: string) => `/source/${PROJECT}/blob/${sha}/${path}`;

describe('the source view', () => {
  it('shows the file at the commit as escaped text, with line anchors, blame and the commit', async () => {
    const { status, text } = await html(`${blob(pinned, 'spec/protocol.md')}?lang=en`);
    expect(status).toBe(200);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=&#34;alert(2)&#34;&gt;');
    expect(text).not.toContain('<script>alert(1)');
    expect(text).not.toContain('<img src=x');
    expect(text).toContain('<tr id="L1">');
    expect(text).toContain('<a href="#L9">9</a>');
    // The commit at the top, its message escaped.
    expect(text).toContain(`<code>${pinned}</code>`);
    expect(text).toContain('<dd>Bob Li</dd>');
    expect(text).toContain('Errors clause &amp; &lt;b&gt;example&lt;/b&gt;\n\nThe body of the message says why.');
    // Blame at that commit: Alice wrote line 1, Bob line 13; each run links to the source view at its commit.
    const row = (n: number) =>
      text.slice(text.indexOf(`<tr id="L${n}">`), text.indexOf('</tr>', text.indexOf(`<tr id="L${n}">`)));
    expect(row(1)).toContain(`href="${blob(first, 'spec/protocol.md')}#L1"`);
    expect(row(1)).toContain(`<code>${first.slice(0, 7)}</code> Alice Zhang`);
    expect(row(12)).toContain(`href="${blob(pinned, 'spec/protocol.md')}#L12"`);
    expect(row(12)).toContain(`<code>${pinned.slice(0, 7)}</code> Bob Li`);
    // A run shows its commit once: lines 2 and 13 are Alice's and Bob's too.
    expect(row(2)).toContain('<td class="src-blame"></td>');
    expect(row(13)).toContain('<td class="src-blame"></td>');
    // A local upstream has no upstream permalink; the mirror's path is never shown.
    expect(text).not.toContain('Upstream permalink');
    expect(text).not.toContain(mirror());
    expect(text).not.toContain(app.dataDir);
  });

  it('marks the lines ?lines= asks for in a wrapper the fragment #La-Lb scrolls to', async () => {
    const { text } = await html(`${blob(pinned, 'spec/protocol.md')}?lines=9-11&lang=en`);
    expect(text).toMatch(/<tbody id="L9-L11" class="src-marked">\s*<tr id="L9">/);
    const marked = text.slice(
      text.indexOf('<tbody id="L9-L11"'),
      text.indexOf('</tbody>', text.indexOf('<tbody id="L9-L11"')),
    );
    expect(marked.match(/<tr id="L\d+">/g)).toEqual(['<tr id="L9">', '<tr id="L10">', '<tr id="L11">']);
    expect(text).toContain('Lines 9–11 are marked.');
    const none = await html(`${blob(pinned, 'spec/protocol.md')}?lines=99-120`);
    expect(none.text).not.toContain('src-marked');
  });

  it('redirects an abbreviated SHA to the full one, keeping the path and query', async () => {
    const res = await page(`${blob(pinned.slice(0, 9), 'spec/protocol.md')}?lines=3`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${blob(pinned, 'spec/protocol.md')}?lines=3`);
  });

  it('runs no script of the file in Chromium', async () => {
    browser = await launchChromium();
    const tab = await browser.newPage();
    const dialogs: string[] = [];
    tab.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await tab.goto(`${app.url}${blob(pinned, 'spec/protocol.md')}?lines=13-13&lang=en#L13`);
    const line = await tab.locator('#L13 .src-line').textContent();
    expect(line).toBe('Example: <script>alert(1)</script> and <img src=x onerror="alert(2)"> in a frame.');
    expect(await tab.locator('.src-code img, .src-code script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // The marked line is highlighted by the stylesheet (no script): its cells have the mark's background.
    // A string: the test's TypeScript has no DOM types.
    const background = await tab.evaluate("getComputedStyle(document.querySelector('#L13 .src-line')).backgroundColor");
    expect(background).toBe('rgb(254, 243, 199)');
  });

  it('offers a binary file for download, and the download is bytes with nosniff', async () => {
    const { text } = await html(`${blob(pinned, 'assets/logo.bin')}?lang=en`);
    expect(text).toContain('This is a binary file');
    expect(text).toContain(`href="/source/${PROJECT}/raw/${pinned}/assets/logo.bin" download`);
    expect(text).not.toContain('class="src-code"');
    const raw = await page(`/source/${PROJECT}/raw/${pinned}/assets/logo.bin`);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('application/octet-stream');
    expect(raw.headers.get('content-disposition')).toMatch(/^attachment; filename="?logo\.bin"?$/);
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
    expect([...new Uint8Array(await raw.arrayBuffer())]).toEqual([0x50, 0, 1, 2, 0, 0x4e, 0x47]);
  });

  it('offers a file over 1 MB for download instead of listing it', async () => {
    const { status, text } = await html(`${blob(pinned, 'data/big.txt')}?lang=en`);
    expect(status).toBe(200);
    expect(text).toContain('This file is larger than 1 MB');
    expect(text).not.toContain('a line of a large generated table');
    const raw = await page(`/source/${PROJECT}/raw/${pinned}/data/big.txt`);
    expect(await raw.text()).toBe(BIG);
  });

  it('answers unknown repositories, commits and paths, folders and refused paths with pages that say which', async () => {
    const cases: [string, number, string, string][] = [
      [
        blob(pinned, 'spec/protocol.md').replace('acme/codec', 'acme/nothing'),
        404,
        'acme/nothing is not a member project',
        'acme/nothing 不是本门户的成员项目',
      ],
      [
        blob('0123456789abcdef0123456789abcdef01234567', 'spec/protocol.md'),
        404,
        'has no commit 0123456789abcdef0123456789abcdef01234567',
        '的镜像中没有提交',
      ],
      [
        blob(first, 'assets/logo.bin'),
        404,
        'assets/logo.bin is not a file of acme/codec at commit',
        '不是 acme/codec 的文件',
      ],
      [blob(pinned, 'spec'), 404, 'spec is a folder at commit', '是目录而不是文件'],
      [blob(pinned, 'spec/../README.md'), 400, 'The file path must be relative', '文件路径必须相对于仓库根目录'],
      [blob(pinned, 'spec/%2e%2e/README.md'), 400, 'The file path must be relative', '文件路径必须相对于仓库根目录'],
      [blob(pinned, 'spec/a%00b.md'), 400, 'The file path must be relative', '文件路径必须相对于仓库根目录'],
      [blob('nothex', 'README.md'), 404, 'has no commit nothex', '的镜像中没有提交 nothex'],
    ];
    for (const [path, status, en, zh] of cases) {
      const english = await html(`${path}?lang=en`);
      expect(english.status, path).toBe(status);
      expect(english.text, path).toContain(en);
      const chinese = await html(`${path}?lang=zh-CN`);
      expect(chinese.status, path).toBe(status);
      expect(chinese.text, path).toContain(zh);
      expect(chinese.text, path).not.toContain(en);
      expect(english.text).not.toContain(mirror());
    }
    expect((await page(`/source/${PROJECT}/raw/${pinned}/spec`)).status).toBe(404);
    // A malformed escape is the address's mistake (the app's own 400), not a server error.
    expect((await html(blob(pinned, 'spec/%ff.md'))).status).toBe(400);
  });
});

describe('pinned commits', () => {
  it('have their ref in the mirror once the proposal pins them', () => {
    expect(git('rev-parse', pinnedRef(pinned))).toBe(pinned);
  });

  it('stay readable after the upstream force-pushes them away and the mirror syncs', async () => {
    // An unpinned commit on a branch that goes away too: the control that shows the ref is what keeps a commit.
    upstream.git('checkout', '--quiet', '-b', 'topic');
    const unpinned = upstream.commit({ 'notes.md': 'draft\n' }, CAROL, '2026-03-06T09:00:00Z', 'Notes');
    upstream.push('topic');
    await app.sync.fetch(app.store.repositories.findMember(PROJECT)!.id);
    expect((await html(blob(unpinned, 'notes.md'))).status).toBe(200);

    upstream.git('checkout', '--quiet', 'main');
    upstream.git('reset', '--quiet', '--hard', first);
    upstream.commit({ 'spec/protocol.md': `${SPEC_V1}\nRewritten.\n` }, CAROL, '2026-03-07T09:00:00Z', 'Rewrite');
    upstream.push('--force', 'main');
    upstream.push('--delete', 'topic');
    await app.sync.fetch(app.store.repositories.findMember(PROJECT)!.id);
    git('gc', '--quiet', '--prune=now');

    expect(git('rev-parse', 'refs/heads/main')).not.toBe(pinned);
    expect(git('for-each-ref', '--format=%(refname)', 'refs/heads/topic')).toBe('');
    expect(git('rev-parse', pinnedRef(pinned))).toBe(pinned);
    const kept = await html(`${blob(pinned, 'spec/protocol.md')}?lang=en`);
    expect(kept.status).toBe(200);
    expect(kept.text).toContain('A server MUST close the connection after a malformed frame.');
    expect((await html(blob(unpinned, 'notes.md'))).status).toBe(404);
  });

  it('are pinned again by the backfill when a ref is missing (revisions made before the refs)', async () => {
    git('update-ref', '-d', pinnedRef(pinned));
    expect(await app.services.sources.pinAllRevisionCommits()).toEqual({ pinned: 1, kept: 0, lost: 0 });
    expect(git('rev-parse', pinnedRef(pinned))).toBe(pinned);
    expect(await app.services.sources.pinAllRevisionCommits()).toEqual({ pinned: 0, kept: 1, lost: 0 });
  });
});

describe('the revision’s provenance', () => {
  it('gives every clause a well-formed SWHID of its lines at the pinned commit', async () => {
    const manifest = (await (
      await fetch(`${app.url}/api/proposals/${number}/revisions/0/manifest.json`)
    ).json()) as DraftManifest;
    expect(manifest.source.commit).toBe(pinned);
    const sourced = manifest.clauses.filter((c) => c.origin.path === 'spec/protocol.md');
    expect(sourced.length).toBeGreaterThan(3);
    for (const { origin } of sourced) {
      const lines =
        origin.startLine === origin.endLine ? `${origin.startLine}` : `${origin.startLine}-${origin.endLine}`;
      expect(origin.swhid).toBe(
        `swh:1:rev:${pinned};origin=http://127.0.0.1:9/${PROJECT};path=/spec/protocol.md;lines=${lines}`,
      );
    }
  });

  it('links each popover to the portal’s source view and the upstream permalink, and the portal link works', async () => {
    const manifest = (await (
      await fetch(`${app.url}/api/proposals/${number}/revisions/0/manifest.json`)
    ).json()) as DraftManifest;
    const clause = manifest.clauses.find((c) => c.text.includes('close the connection'))!;
    const { startLine: a, endLine: b } = clause.origin;
    const range = a === b ? `?lines=${a}#L${a}` : `?lines=${a}-${b}#L${a}-L${b}`;
    const { text } = await html(`/proposals/${number}/00?lang=en`);
    const popover = text.slice(
      text.indexOf(`id="p-${clause.id}"`),
      text.indexOf('</div>', text.indexOf(`id="p-${clause.id}"`)),
    );
    expect(popover).toContain(`<a href="${blob(pinned, 'spec/protocol.md')}${range}" class="lb-portal"></a>`);
    expect(popover).toContain(`href="${clause.origin.permalink}" class="lb-permalink"`);
    expect(popover).toContain(`<code class="prov-swhid">${clause.origin.swhid}</code>`);
    const labels = await (await fetch(`${app.url}/draft-labels.css`)).text();
    expect(labels).toContain('html:lang(en) .lb-portal::before { content: "Source view (this portal)"; }');
    expect(labels).toContain('html:lang(zh-CN) .lb-swhid::before');
    const source = await html(`${blob(pinned, 'spec/protocol.md')}${range.slice(0, range.indexOf('#'))}`);
    expect(source.status).toBe(200);
    expect(source.text).toContain('class="src-marked"');
  });
});
