// The portal rebuilds its static site (MAGNOLIA_SITE_DIR) when a revision becomes public; an XSS vector in a
// proposal's title, an action's comment and a clause comment stays text on the site; `magnolia site build` builds
// the same instance from the command line.
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB } from '../../db/jobs/job-kinds.ts';
import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';
import { NIMBUS_PROPOSAL } from '../support/demo-proposal.ts';
import { launchChromium } from '../support/launch-chromium.ts';
import { runCli } from '../support/run-cli.ts';
import { SECRETARIAT, startDrafting } from '../support/start-drafting.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

const XSS = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">`;
const MAINTAINER: ProposalActor = { login: 'chenyu-ct', roles: [], maintainerOf: ['cloudtide/nimbus-placement'] };

let app: TestInstance;
let browser: Browser;
let root: string;
let siteDir: string;
let number: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(tmpdir(), 'magnolia-auto-site-'));
  siteDir = path.join(root, 'site');
  [app, browser] = await Promise.all([
    startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_SITE_DIR: siteDir } }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.destroy();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const siteJobs = () =>
  app.store.db.prepare(`SELECT state, count(*) AS n FROM jobs WHERE kind = ? GROUP BY state`).all(JOB.siteBuild) as {
    state: string;
    n: number;
  }[];

describe('the automatic site build', () => {
  it('queues nothing while no revision is public, then builds the revision opened for comment', async () => {
    const created = await app.services.proposals.create(
      { ...NIMBUS_PROPOSAL, title: { zh: `放置 ${XSS}`, en: `Placement ${XSS}` } },
      MAINTAINER,
    );
    number = created.number;
    await app.services.proposals.revise(number, { reason: 'first draft' }, MAINTAINER);
    await app.worker.drain();
    startDrafting(app, number, MAINTAINER);
    await app.worker.drain();
    // Private stages only so far: no build was queued and the folder does not exist.
    expect(siteJobs()).toEqual([]);
    expect(fs.existsSync(siteDir)).toBe(false);

    app.services.proposals.act(number, { action: 'open-comment', comment: `Open ${XSS}` }, SECRETARIAT);
    // A second event before the worker runs: still one queued build (the queue coalesces them).
    app.services.publication.onEvent({ kind: 'revision', number, actor: 'chenyu-ct', rev: 0 });
    expect(siteJobs()).toEqual([{ state: 'pending', n: 1 }]);
    await app.worker.drain();
    expect(siteJobs()).toEqual([{ state: 'done', n: 1 }]);
    expect(fs.existsSync(path.join(siteDir, `${number}/00/index.html`))).toBe(true);
    expect(fs.existsSync(path.join(siteDir, `en/${number}/00/index.html`))).toBe(true);
    expect(fs.existsSync(path.join(siteDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(app.logs()).toContain('static site built');
  });

  it('keeps people’s text as text: titles, action comments and clause comments never run', async () => {
    const manifest = JSON.parse(app.services.proposals.revision(number, 0).row.manifest_json!) as {
      clauses: { id: string; kind: string }[];
    };
    const clause = manifest.clauses.find((c) => c.kind === 'clause')!;
    app.services.comments.add(
      number,
      { clauseId: clause.id, kind: 'technical', text: `Comment ${XSS}` },
      { login: 'sokafor', roles: ['member'], maintainerOf: [] },
    );
    await app.worker.drain();
    const report = await app.services.publication.build({ outDir: siteDir });
    expect(report.written).toContain(`${number}/00/resolution/index.html`);
    for (const page of [
      `${number}/index.html`,
      `${number}/00/index.html`,
      `${number}/00/resolution/index.html`,
      'index.html',
      `en/${number}/00/index.html`,
    ]) {
      const html = fs.readFileSync(path.join(siteDir, page), 'utf8');
      expect(html).not.toContain('<script>window.__xss');
      expect(html).not.toContain('<img src=x');
      const tab = await browser.newPage();
      const dialogs: string[] = [];
      tab.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
      await tab.goto(pathToFileURL(path.join(siteDir, page)).href);
      expect(await tab.evaluate('window.__xss')).toBeUndefined();
      expect(await tab.textContent('body')).toContain('<script>window.__xss = 1</script>');
      expect(dialogs).toEqual([]);
      await tab.close();
    }
    const feed = fs.readFileSync(path.join(siteDir, 'feed.xml'), 'utf8');
    expect(feed).toContain('&lt;script&gt;window.__xss = 1&lt;/script&gt;');
  });
});

describe('magnolia site build', () => {
  it('builds the instance’s site from the command line and reports what it wrote', async () => {
    const out = path.join(root, 'cli');
    const env = { MAGNOLIA_DATA_DIR: app.dataDir, MAGNOLIA_DEMO: 'off', GITHUB_URL: 'http://127.0.0.1:9' };
    const built = await runCli(['site', 'build', '--out', out, '--base-path', '/std/', '--no-pagefind'], env);
    expect(built.stderr).toMatch(
      /site of \d+ proposals and \d+ revisions built in \d+ ms: \d+ written, 0 unchanged, 0 deleted; pagefind off/,
    );
    expect(built.code).toBe(0);
    expect(built.stdout.trim()).toBe(out);
    expect(fs.readFileSync(path.join(out, `${number}/00/index.html`), 'utf8')).toContain('href="/std/assets/site.css"');
    const again = await runCli(['site', 'build', '--out', out, '--base-path', '/std/', '--no-pagefind'], env);
    expect(again.stderr).toMatch(/: 0 written, \d+ unchanged, 0 deleted/);
    const wrong = await runCli(['site', 'build', '--out', out, '--include', 'everything'], env);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--include is public or published, not "everything"');
    const help = await runCli(['site', 'build', '--help'], env);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('they hold paths relative to the base path');
  });
});
