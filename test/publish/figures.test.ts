// The images of a spec, end to end: a real upstream whose spec shows a PNG and an SVG of its own repository, an
// image from the web, one that is missing, one that is not an image and an SVG with a script. The portal serves the
// repository's images from its mirror (typed by their bytes, under a policy that runs nothing), the revision page
// shows them, the Word file and the PDF embed them and number the figures as GB/T does (图1 … in the body, 图B.1 in
// the annex), and the static site copies them so that they show from file:// too.
import { Resvg } from '@resvg/resvg-js';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeForPrint } from '../../content/publish/pdf/arrange-for-print.ts';
import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';
import { readDefaultWorkflowSource } from '../../sync/proposals/workflow/load-workflow.ts';
import { ALICE, createUpstream, type Upstream } from '../support/git-fixture.ts';
import { launchChromium } from '../support/launch-chromium.ts';
import { SECRETARIAT, startDrafting } from '../support/start-drafting.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { openDocx } from './docx/read-docx.ts';
import { readPdf } from './pdf/read-pdf.ts';

const PROJECT = 'acme/widget';
const MAINTAINER: ProposalActor = { login: 'mei', roles: ['member'], maintainerOf: [PROJECT] };
const LENIENT = readDefaultWorkflowSource().replace('requiredLevel: mature', 'requiredLevel: sandbox');

const ARCH_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160"><rect width="320" height="160" fill="#c33"/></svg>';
const ARCH_PNG = new Resvg(ARCH_SVG).render().asPng();
const FLOW_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">' +
  '<rect x="10" y="10" width="180" height="80" fill="#36c"/></svg>';
// Run as a page of the portal's origin, this would set a flag in the opener; as an image it runs nothing.
const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="top.hostile=1">' +
  '<script>top.hostile=2</script><rect width="40" height="40"/></svg>';

const SPEC = [
  '# Widget Protocol',
  '',
  '## Scope',
  '',
  'This document specifies the widget protocol.',
  '',
  '## Architecture',
  '',
  'The architecture is shown below.',
  '',
  '![System architecture](img/arch.png)',
  '',
  'A client MUST send a hello frame ![badge](https://img.shields.io/badge/x-y-green) first.',
  '',
  '![Message flow](img/flow.svg "Message flow between client and server")',
  '',
  '![Missing picture](img/missing.png)',
  '',
  '![Not a picture](notes.txt)',
  '',
  '![Hostile](img/hostile.svg)',
  '',
].join('\n');
const ANNEX = ['# Deployment', '', 'A site deploys the widget as shown.', '', '![Deployment](img/arch.png)', ''].join(
  '\n',
);

let app: TestInstance;
let upstream: Upstream;
let pinned: string;
let number: string;
let browser: Browser;
const siteDir = mkdtempSync(path.join(tmpdir(), 'magnolia-figures-site-'));
const image = (file: string, sha = pinned) => `/source/${PROJECT}/image/${sha}/${file}`;

beforeAll(async () => {
  upstream = createUpstream('widget');
  pinned = upstream.commit(
    {
      'spec/spec.md': SPEC,
      'spec/deploy.md': ANNEX,
      'spec/img/arch.png': ARCH_PNG,
      'spec/img/flow.svg': FLOW_SVG,
      'spec/img/hostile.svg': HOSTILE_SVG,
      'spec/notes.txt': 'not an image\n',
      'README.md': '# Widget\n',
      LICENSE: readFileSync(path.join('content', 'demo', 'nimbus-placement', 'files', 'LICENSE'), 'utf8'),
    },
    ALICE,
    '2026-03-01T10:00:00Z',
    'Widget protocol with figures',
  );
  upstream.push('main');
  app = await startTestInstance({ env: { MAGNOLIA_BASE_URL: 'https://portal.example.org' } });
  await app.services.projects.add({ fullName: PROJECT, cloneUrl: upstream.bare, domain: 'iot' });
  app.services.proposals.installWorkflow(LENIENT, 'admin');
  await app.worker.drain();
  number = (
    await app.services.proposals.create(
      {
        project: PROJECT,
        title: { zh: '部件协议', en: 'Widget protocol' },
        ref: 'main',
        sources: [{ path: 'spec/spec.md' }, { path: 'spec/deploy.md', role: 'informative-annex' }],
        scope: 'Widgets.',
        rationale: 'Implemented widely.',
        implementations: [{ name: 'widget one' }, { name: 'widget two' }],
        iprStatement: 'The proposer knows of no patent that the specification needs.',
      },
      MAINTAINER,
    )
  ).number;
  await app.services.proposals.revise(number, { reason: 'first draft' }, MAINTAINER);
  await app.worker.drain();
  // Out for comment: the revision is public, so the static site shows it.
  startDrafting(app, number, MAINTAINER);
  app.services.proposals.act(number, { action: 'open-comment', comment: 'Open' }, SECRETARIAT);
  await app.worker.drain();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
  rmSync(siteDir, { recursive: true, force: true });
});

describe('the portal serves the images of a mirrored repository', () => {
  it('typed by their bytes, cached for good, under a policy that runs nothing', async () => {
    const png = await fetch(`${app.url}${image('spec/img/arch.png')}`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('x-content-type-options')).toBe('nosniff');
    expect(png.headers.get('content-security-policy')).toContain('sandbox');
    expect(png.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(png.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await png.arrayBuffer()).equals(ARCH_PNG)).toBe(true);
    const etag = png.headers.get('etag')!;
    const again = await fetch(`${app.url}${image('spec/img/arch.png')}`, {
      // fetch would add `Cache-Control: no-cache` to a conditional request, which a server answers in full.
      headers: { 'If-None-Match': etag, 'Cache-Control': 'max-age=0' },
    });
    expect(again.status).toBe(304);

    const svg = await fetch(`${app.url}${image('spec/img/flow.svg')}`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toBe(FLOW_SVG);
  });

  it('refuses what is not an image, what is missing, and redirects an abbreviated SHA', async () => {
    const text = await fetch(`${app.url}${image('spec/notes.txt')}?lang=en`);
    expect(text.status).toBe(400);
    expect(text.headers.get('content-type')).toContain('text/html');
    expect(await text.text()).toContain('is not a PNG, JPEG, GIF, WebP or SVG image');
    const missing = await fetch(`${app.url}${image('spec/img/missing.png')}?lang=en`);
    expect(missing.status).toBe(404);
    const short = await fetch(`${app.url}${image('spec/img/arch.png', pinned.slice(0, 9))}`, { redirect: 'manual' });
    expect(short.status).toBe(302);
    expect(short.headers.get('location')).toBe(image('spec/img/arch.png'));
  });

  it('never runs the script of an SVG opened on its own', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${app.url}${image('spec/img/hostile.svg')}`);
      expect(await page.evaluate('typeof window.hostile')).toBe('undefined');
    } finally {
      await page.close();
    }
  });
});

describe('the revision page', () => {
  it('shows the repository images from the mirror and an image from the web as a link', async () => {
    const html = await (await fetch(`${app.url}/proposals/${number}/00?lang=en`)).text();
    expect(html).toContain(`<img src="${image('spec/img/arch.png')}" alt="System architecture" loading="lazy">`);
    expect(html).toMatch(/<p id="c-[0-9a-f]+" class="figure">/);
    expect(html).not.toContain('github.com/acme/widget/raw');
    expect(html).toContain(
      '<a href="https://img.shields.io/badge/x-y-green" rel="noopener noreferrer"><span class="image-text">[badge]</span></a>',
    );

    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      await page.goto(`${app.url}/proposals/${number}/00?lang=en`, { waitUntil: 'load' });
      await page.evaluate(
        'Promise.all([...document.images].map((i) => (i.loading = "eager", i.decode().catch(() => 0))))',
      );
      const shown = (await page.evaluate(
        '[...document.querySelectorAll("article.standard img")].map((i) => [i.alt, i.naturalWidth])',
      )) as [string, number][];
      expect(Object.fromEntries(shown)).toEqual({
        'System architecture': 320,
        'Message flow': 200,
        Hostile: 40,
        // The missing file and the text file are the portal's to refuse: they show no picture.
        'Missing picture': 0,
        'Not a picture': 0,
        Deployment: 320,
      });
      expect(await page.evaluate('typeof window.hostile')).toBe('undefined');
      expect(requests.filter((u) => !u.startsWith(app.url))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the Word file and the PDF', () => {
  it('embed the images and number the figures 图1 … and 图B.1 (annex A is the generated checklist), with the image text as title', async () => {
    await app.services.downloads.make(number, 0);
    const docx = app.services.downloads.file(number, 0, 'docx');
    const opened = await openDocx(docx.bytes);
    const captions = opened.paragraphs.filter((p) => p.style === 'GbtFigureCaption').map((p) => p.text);
    expect(captions).toEqual([
      '图1　System architecture',
      '图2　Message flow between client and server',
      '图3　Missing picture',
      '图4　Not a picture',
      '图5　Hostile',
      '图B.1　Deployment',
    ]);
    const figures = opened.paragraphs.filter((p) => p.style === 'GbtFigure');
    expect(figures).toHaveLength(6);
    // Pictures for the PNG (twice), the SVG (with its PNG for older Word) and the hostile SVG; text for the rest.
    expect(figures.map((p) => p.xml.includes('<w:drawing>'))).toEqual([true, true, false, false, true, true]);
    expect(figures[2]!.text).toBe('[Missing picture]');
    expect(opened.document).toContain('[badge]');
    const media = await mediaOf(docx.bytes);
    expect(media.filter((m) => m.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
    expect(media.filter((m) => m.endsWith('.svg'))).toHaveLength(2);

    const pdf = await readPdf(app.services.downloads.file(number, 0, 'pdf').bytes);
    const text = pdf.pages.join('\n');
    // The text layer gives the ideographic space between number and title as a space.
    expect(text).toMatch(/图1\s+System architecture/);
    expect(text).toMatch(/图B\.1\s+Deployment/);
    expect(text).toContain('[Missing picture]');
    // The PNG is painted twice (clause 4 and annex A); the SVGs print as vector paths.
    expect(pdf.images.reduce((a, b) => a + b, 0)).toBe(2);
  }, 120_000);
});

describe('the static site', () => {
  it('copies the images it shows, sets SVGs in the page, and keeps them on a rebuild', async () => {
    const first = await app.services.publication.build({ outDir: siteDir, pagefind: false });
    const pageFile = path.join(siteDir, number, '00', 'index.html');
    const page = readFileSync(pageFile, 'utf8');
    const src = /<img src="([^"]+)" alt="System architecture"/.exec(page)?.[1];
    expect(src).toMatch(/^\.\.\/\.\.\/figures\/[0-9a-f]{40}\.png$/);
    expect(readFileSync(path.join(path.dirname(pageFile), src!)).equals(ARCH_PNG)).toBe(true);
    expect(readFileSync(path.join(siteDir, 'en', number, '00', 'index.html'), 'utf8')).toContain(`"../${src}"`);
    expect(page).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="Message flow"/);
    // The popovers link into the portal's source view at the portal's address.
    expect(page).toContain(`href="https://portal.example.org/source/${PROJECT}/blob/${pinned}/spec/spec.md`);
    expect(page).not.toContain('href="/source/');
    expect(first.warnings.some((w) => w.includes('spec/notes.txt') && w.includes('image not shown'))).toBe(true);

    const again = await app.services.publication.build({ outDir: siteDir, pagefind: false });
    expect(again.written).toEqual([]);
    expect(again.deleted).toEqual([]);
    expect(existsSync(path.join(path.dirname(pageFile), src!))).toBe(true);

    const tab = await browser.newPage();
    const outside: string[] = [];
    tab.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && outside.push(r.url()));
    try {
      await tab.goto(pathToFileURL(pageFile).href, { waitUntil: 'load' });
      await tab.evaluate(
        'Promise.all([...document.images].map((i) => (i.loading = "eager", i.decode().catch(() => 0))))',
      );
      const widths = (await tab.evaluate(
        'Object.fromEntries([...document.querySelectorAll("article.standard img")].map((i) => [i.alt, i.naturalWidth]))',
      )) as Record<string, number>;
      expect(widths).toEqual({ 'System architecture': 320, 'Message flow': 200, Hostile: 40, Deployment: 320 });
      expect(await tab.evaluate('typeof window.hostile')).toBe('undefined');
      expect(outside).toEqual([]);
    } finally {
      await tab.close();
    }
  }, 120_000);
});

describe('a source that captions its own figures', () => {
  it('keeps its captions in print and numbers none', () => {
    const img = '<img src="data:image/png;base64,AA==" alt="Flow">';
    const numbered = arrangeForPrint(`<article class="standard"><p id="c-1">${img}</p></article>`, COVER);
    expect(numbered).toContain('<p class="figure-caption">图1　Flow</p>');
    const captioned = arrangeForPrint(
      `<article class="standard"><p id="c-1">${img}</p><p>Figure 1: the flow</p><p id="c-2">${img}</p></article>`,
      COVER,
    );
    expect(captioned).not.toContain('figure-caption');
    expect(captioned).toContain('<p id="c-1" class="figure">');
  });
});

const COVER = { draftName: '征求意见稿', revisionLabel: 'MP-1-01', issued: '', implemented: '', issuedBy: '' };

async function mediaOf(docx: Buffer): Promise<string[]> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(docx);
  return Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
}
