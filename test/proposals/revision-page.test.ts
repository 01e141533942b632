import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftManifest, LintIssue } from '../../content/draft/draft-types.ts';
import { renderMarkdown } from '../../content/render/render-markdown.ts';
import type { RevisionRow } from '../../db/proposals/revision-queries.ts';
import { msg, storeMessage } from '../../kernel/i18n/message.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { HOSTILE, MAINTAINER, SPEC, proposalWithRevision } from './revision-fixture.ts';

// The draft page /proposals/<number>/<rev> over a real instance, a real git upstream and a generated revision.

const page = async (app: TestInstance, path: string, init: RequestInit = {}) => {
  const res = await fetch(`${app.url}${path}`, { redirect: 'manual', ...init });
  return { res, html: await res.text() };
};
const idsOf = (html: string) => new Set([...html.matchAll(/\sid="(c-[0-9a-f-]+)"/g)].map((m) => m[1]!));
const popoverOf = (html: string, id: string) => {
  const start = html.indexOf(`<div popover="auto" id="p-${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</div>', start));
};

describe('the draft page', () => {
  let app: TestInstance;
  let number: string;
  let manifest: DraftManifest;
  let lint: LintIssue[];
  beforeAll(async () => {
    app = await startTestInstance();
    ({ number } = await proposalWithRevision(app));
    const { row } = app.services.proposals.revision(number, 0);
    manifest = JSON.parse(row.manifest_json!) as DraftManifest;
    lint = JSON.parse(row.lint_json!) as LintIssue[];
  }, 120_000);
  afterAll(() => app?.destroy());

  it('gives every clause of the manifest its ID as an element id, and leaves no pandoc anchor in the text', async () => {
    const { res, html } = await page(app, `/proposals/${number}/00?lang=en`);
    expect(res.status).toBe(200);
    const ids = idsOf(html);
    expect(manifest.clauses.length).toBeGreaterThan(10);
    for (const clause of manifest.clauses) expect(ids, clause.id).toContain(clause.id);
    expect(html).not.toContain('{#c-');
    expect(html).not.toContain('[]{#');
    expect(html).not.toContain('user-content-c-');
    // Headings carry their ID too: the Frames chapter is an h2 with its number apart.
    const frames = manifest.clauses.find((c) => c.kind === 'clause' && c.title === 'Frames')!;
    expect(html).toMatch(new RegExp(`<h2 id="${frames.id}"><span class="clause-num">4</span> Frames <button`));
  });

  it('opens a provenance popover per clause with its file, lines, pinned commit, commits, authors and permalink', async () => {
    const { html } = await page(app, `/proposals/${number}/00`);
    const changed = manifest.clauses.find((c) => c.text.includes('within two seconds'))!;
    expect(html).toContain(`popovertarget="p-${changed.id}"`);
    const pop = popoverOf(html, changed.id);
    const o = changed.origin;
    expect(pop).toContain(`<code>${o.path}</code>`);
    expect(pop).toContain(`<dd>${o.startLine}</dd>`);
    expect(pop).toContain(`<code>${o.commit.slice(0, 12)}</code>`);
    expect(pop).toContain(`<code>${o.lastChangedIn!.sha.slice(0, 7)}</code> Bob Li · 2026-05-01`);
    expect(pop).toContain(`href="${o.permalink}"`);
    expect(o.permalink).toMatch(new RegExp(`/acme/codec/blob/${o.commit}/spec/protocol\\.md#L${o.startLine}`));
    expect(html.match(/<div popover="auto"/g)).toHaveLength(manifest.clauses.length);
  });

  it('lists the contents with numbers, linked to the anchors', async () => {
    const { html } = await page(app, `/proposals/${number}/00`);
    const toc = html.slice(html.indexOf('<nav class="draft-toc"'), html.indexOf('</nav>', html.indexOf('draft-toc')));
    const hello = manifest.clauses.find((c) => c.kind === 'clause' && c.title === 'Hello')!;
    expect(hello.number).toMatch(/^4\.\d$/);
    expect(toc).toContain(`<a href="#${hello.id}"><span class="toc-num">${hello.number}</span> Hello</a>`);
    for (const [, href] of toc.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${href}"`);
    expect(toc).toContain('<span class="toc-num">3</span> 术语和定义');
  });

  it("shows the requirements register (one row per requirement) and the lint report in the reader's language", async () => {
    const zh = (await page(app, `/proposals/${number}/00?lang=zh-CN`)).html;
    const en = (await page(app, `/proposals/${number}/00?lang=en`)).html;
    const register = zh.slice(
      zh.indexOf('<section class="draft-register-section"'),
      zh.indexOf('</section>', zh.indexOf('draft-register-section')),
    );
    const rows = [...register.matchAll(/<tr><th scope="row">(R-[\d.-]+)<\/th><td><a href="#(c-[0-9a-f-]+)">/g)];
    expect(rows.map((r) => [r[1], r[2]])).toEqual(manifest.requirements.map((r) => [r.id, r.clauseId]));
    expect(register).toContain('<span class="f-shall-not"></span>');
    const lintRows = (html: string) =>
      (html.slice(html.indexOf('draft-lint-table')).match(/<tr><td><code>/g) ?? []).length;
    expect(lint.length).toBeGreaterThan(0);
    expect(lintRows(zh)).toBe(lint.length);
    expect(lintRows(en)).toBe(lint.length);
    const lone = lint.find((l) => l.rule === 'lone-subclause' || l.rule === 'missing-committee-data')!;
    expect(zh).toContain('检查报告');
    expect(en).toContain('Lint report');
    expect(en).not.toContain('检查报告');
    expect(zh).toMatch(new RegExp(`<td><code>${lone.rule}</code></td><td>[^<]*[\\u4e00-\\u9fff]`));
    expect(en).toMatch(new RegExp(`<td><code>${lone.rule}</code></td><td>[A-Za-z]`));
    // The labels the HTML carries once per clause come from a stylesheet built from both catalogues.
    const href = /<link rel="stylesheet" href="(\/draft-labels\.css\?v=[^"]+)">/.exec(en)![1]!;
    const css = await (await fetch(`${app.url}${href}`)).text();
    expect(css).toContain('html:lang(en) .lb-file::before { content: "File"; }');
    expect(css).toContain('html:lang(zh-CN) .lb-file::before { content: "文件"; }');
    expect(css).toContain('html:lang(zh-CN) .f-shall-not::before { content: "不应"; }');
  });

  it('offers the downloads, which answer 200 with their types', async () => {
    const { html } = await page(app, `/proposals/${number}/00?lang=en`);
    const links = [...html.matchAll(/<a href="(\/api\/proposals\/[^"]+)" type="([^"]+)">/g)];
    expect(links.map((l) => l[2])).toEqual(['text/markdown', 'application/json', 'text/html']);
    for (const [, href, type] of links) {
      const res = await fetch(`${app.url}${href}`);
      expect(res.status, href).toBe(200);
      expect(res.headers.get('content-type')).toContain(type!);
    }
    expect(html).toContain(`MP-`);
    expect(html).toContain('Asked for by');
    expect(html).toContain('first draft');
    // The proposal page links to the draft page.
    expect((await page(app, `/proposals/${number}`)).html).toContain(`href="/proposals/${number}/00"`);
  });

  it('answers -00 and 0 with a redirect to 00, unknown revisions with 404, and a second visit with 304', async () => {
    for (const form of ['-00', '0', '-0']) {
      const { res } = await page(app, `/proposals/${number}/${form}?lang=en`);
      expect(res.status, form).toBe(301);
      expect(res.headers.get('location')).toBe(`/proposals/${number}/00?lang=en`);
    }
    expect((await page(app, `/proposals/${number}/07`)).res.status).toBe(404);
    expect((await page(app, `/proposals/${number}/x1`)).res.status).toBe(404);
    expect((await page(app, `/proposals/MP-1999-999/00`)).res.status).toBe(404);
    const first = await page(app, `/proposals/${number}/00`, { headers: { 'accept-language': 'en' } });
    const etag = first.res.headers.get('etag')!;
    expect(first.res.headers.get('vary')).toMatch(/Accept-Language/);
    // node:http, as a browser revalidates a page (fetch adds Cache-Control: no-cache to conditional requests).
    const status = await new Promise<number>((resolve, reject) =>
      get(`${app.url}/proposals/${number}/00`, { headers: { 'accept-language': 'en', 'if-none-match': etag } }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      }).on('error', reject),
    );
    expect(status).toBe(304);
    const zh = await page(app, `/proposals/${number}/00`, { headers: { 'accept-language': 'zh-CN' } });
    expect(zh.res.headers.get('etag')).not.toBe(etag);
  });

  it('shows a queued revision as being generated, and a failed one with its error', async () => {
    const queued = await app.services.proposals.revise(number, { ref: 'main~1', reason: 'older' }, MAINTAINER);
    expect(queued.status).toBe('queued');
    const q = await page(app, `/proposals/${number}/${String(queued.rev).padStart(2, '0')}?lang=en`);
    expect(q.res.status).toBe(200);
    expect(q.res.headers.get('cache-control')).toBe('no-store');
    expect(q.html).toContain('This revision is being generated');
    expect(q.html).toContain(`<a class="button-link" href="/proposals/${number}/01">Reload</a>`);
    expect(q.html).not.toContain('<meta http-equiv="refresh"');
    app.store.revisions.markFailed(
      number,
      queued.rev,
      storeMessage(msg('text', { text: 'spec/protocol.md is gone' }))!,
      '2026-06-01T00:00:00Z',
    );
    const f = await page(app, `/proposals/${number}/01?lang=zh-CN`);
    expect(f.html).toContain('本修订版未能生成');
    expect(f.html).toContain('spec/protocol.md is gone');
  });

  /** A ready revision of the proposal stored as an earlier version of the portal stored it; returns its number. */
  const storeOlderRevision = (
    row: RevisionRow,
    stored: { digest: string; draftHtml: string; manifestJson?: string },
  ): number => {
    const rev = app.store.transaction(() =>
      app.store.revisions.insertQueued({
        number,
        ref: 'main',
        sources_yml: row.sources_yml,
        sources_digest: stored.digest,
        stage: row.stage,
        requested_by: 'mei',
        reason: 'old',
        created_at: '2026-06-01T00:00:00Z',
      }),
    );
    app.store.revisions.markReady(number, rev, {
      commitSha: row.commit_sha!,
      draftMd: row.draft_md!,
      manifestJson: stored.manifestJson ?? row.manifest_json!,
      draftHtml: stored.draftHtml,
      lintJson: row.lint_json!,
      diffFrom: null,
      diffJson: null,
      at: '2026-06-01T00:00:00Z',
    });
    return rev;
  };

  it('shows a revision stored with the generic HTML (before the draft page) rendered again from its Markdown', async () => {
    const { row } = app.services.proposals.revision(number, 0);
    const rev = storeOlderRevision(row, { digest: 'old-rendering', draftHtml: renderMarkdown(row.draft_md!) });
    const { html } = await page(app, `/proposals/${number}/${String(rev).padStart(2, '0')}?lang=en`);
    expect(html).toContain('laid out by an earlier version of the portal');
    for (const clause of manifest.clauses) expect(idsOf(html)).toContain(clause.id);
    expect(html).not.toContain('{#c-');
  });

  it('lays out again a revision an earlier renderer made, with the source-view links and SWHIDs it lacked', async () => {
    const { row } = app.services.proposals.revision(number, 0);
    // As stored before the source view: render version 1, no portal links, a manifest without SWHIDs.
    const old = JSON.parse(row.manifest_json!) as DraftManifest;
    for (const clause of old.clauses) delete clause.origin.swhid;
    const v1 = row
      .draft_html!.replace('<!-- magnolia-draft-html 2 -->', '<!-- magnolia-draft-html 1 -->')
      .replace(/<a href="\/source\/[^"]*" class="lb-portal"><\/a> ?/g, '')
      .replace(/<dt class="lb-swhid"><\/dt><dd><code class="prov-swhid">[^<]*<\/code><\/dd>/g, '');
    expect(v1).not.toContain('lb-portal');
    const rev = storeOlderRevision(row, {
      digest: 'render-version-1',
      draftHtml: v1,
      manifestJson: JSON.stringify(old),
    });
    const { html } = await page(app, `/proposals/${number}/${String(rev).padStart(2, '0')}?lang=zh-CN`);
    expect(html).toContain('由早期版本的门户排版');
    const clause = manifest.clauses.find((c) => c.origin.swhid)!;
    expect(html).toContain(`<code class="prov-swhid">${clause.origin.swhid!.replace(/&/g, '&amp;')}</code>`);
    expect(html).toMatch(new RegExp(`<a href="/source/[^"]+/blob/${clause.origin.commit}/[^"]+" class="lb-portal">`));
  });
});

describe('the draft page of a hostile spec', () => {
  let app: TestInstance;
  let html: string;
  let manifest: DraftManifest;
  beforeAll(async () => {
    app = await startTestInstance();
    const { number } = await proposalWithRevision(app, `${SPEC}\n${HOSTILE}`);
    manifest = JSON.parse(app.services.proposals.revision(number, 0).row.manifest_json!) as DraftManifest;
    html = (await page(app, `/proposals/${number}/00`)).html;
  }, 120_000);
  afterAll(() => app?.destroy());

  it('renders no script, no event handler, no javascript: link and no forged id', () => {
    const draft = html.slice(html.indexOf('<div class="draft-page">'));
    expect(draft).not.toMatch(/<script|<img|<[a-z][^>]*\son\w+=|href="javascript:/i);
    expect(draft).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(draft).not.toContain('id="c-0123456789ab"');
    expect(draft).not.toContain('p-c-0123456789ab');
    expect(manifest.clauses.some((c) => c.id === 'c-0123456789ab')).toBe(false);
    // The real anchors still land, and the forged text stays text.
    for (const clause of manifest.clauses) expect(idsOf(draft)).toContain(clause.id);
    expect(draft).toMatch(/Hostile \{#c-0123456789ab\}/);
  });
});
