// The portal has no draft page yet: this renders a draft (and any Markdown) the way a portal page would, through
// the portal's sanitising pipeline into the real layout with the real security headers, so the browser harness
// can load it like any other page.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import express from 'express';
import { renderMarkdown } from '../../content/render/render-markdown.ts';
import { securityHeaders } from '../../server/pages/layout/security-headers.ts';
import { createViewRenderer } from '../../content/render/render-view.ts';
import { buildChrome } from '../../server/pages/layout/build-chrome.ts';
import { runCli } from '../support/run-cli.ts';

const run = promisify(execFile);

/** Markdown of one spec chunk per payload, in the places a spec puts text: heading, prose, list, table, link. */
export function hostileSpec(payloads: readonly string[]): string {
  const cell = (p: string) => p.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return (
    '# Hostile protocol\n\n' +
    payloads
      .map(
        (p, i) =>
          `## Clause ${i + 1} ${p.replace(/\n/g, ' ')}\n\nA client MUST accept ${p}\n\n${p}\n\n- item ${p}\n\n` +
          `| field | value |\n|---|---|\n| ${cell(p)} | x |\n\nSee [the link](${p.replace(/\s/g, '')}).\n`,
      )
      .join('\n')
  );
}

/** Commits `spec` to a new repository and runs `magnolia draft` on it (a real child process); returns the draft. */
export async function draftOf(spec: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'magnolia-xss-draft-'));
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Spec " onmouseover="x',
    GIT_AUTHOR_EMAIL: 'spec@example.org',
    GIT_COMMITTER_NAME: 'Spec',
    GIT_COMMITTER_EMAIL: 'spec@example.org',
  };
  mkdirSync(path.join(dir, 'spec'));
  writeFileSync(path.join(dir, 'spec', 'hostile.md'), spec);
  await run('git', ['init', '--quiet', '--initial-branch=main'], { cwd: dir, env });
  await run('git', ['add', '-A'], { cwd: dir, env });
  await run('git', ['commit', '--quiet', '-m', 'spec'], { cwd: dir, env });
  const args = ['draft', '--repo', dir, '--ref', 'main', '--name', 'xss/draft', '--lang', 'en', '--date', '2026-11-01'];
  const result = await runCli([...args, 'spec/hostile.md'], { GIT_CONFIG_GLOBAL: '/dev/null' });
  if (result.code !== 0) throw new Error(`magnolia draft failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

/**
 * Serves each Markdown document at `/<name>` through renderMarkdown in the portal's layout, and `/control`: raw
 * HTML that runs, which proves the trap sees an execution.
 */
export async function startDraftPages(
  docs: Record<string, string>,
  controlHtml: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  const views = createViewRenderer();
  app.use(securityHeaders());
  for (const [name, markdown] of Object.entries(docs)) {
    const html = renderMarkdown(markdown);
    app.get(`/${name}`, (req, res) => {
      // The portal's layout, rendered without Express's view engine (as the static site will).
      const chrome = buildChrome({
        lang: 'en',
        path: req.path,
        query: new URLSearchParams(),
        title: name,
        stylesheetHref: '/static/site.css',
      });
      res.type('html').send(views.render('pages/content', { chrome, t: chrome.t, page: { html, missing: null } }));
    });
  }
  app.get('/control', (_req, res) => res.type('html').send(`<!doctype html><title>control</title>${controlHtml}`));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
