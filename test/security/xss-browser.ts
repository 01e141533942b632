// The trap: pages load in Chromium with a `__xss(key)` binding in every frame, dialog, console, page-error and
// popup listeners, and a loopback trap server whose every request counts as an execution. After each load a scan
// of the DOM reports active markup that did not run (a javascript: link waiting for a click, an event handler
// attribute, an element the portal never writes). Pages load in a few tabs of one context per run.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page, Request } from 'playwright-core';

/** Something that ran, or active markup that reached the DOM. */
export interface Finding {
  kind: 'executed' | 'markup' | 'csp-violation' | 'load-error';
  key: string | null;
  detail: string;
  url: string;
}

/** One page to load, with the trap keys it is expected to show. */
export interface Visit {
  url: string;
  headers: Record<string, string>;
  expect: string[];
}

export interface VisitResult {
  visit: Visit;
  /** Expected keys found in the page's text or attribute values. */
  found: string[];
}

export interface TrapServer {
  origin: string;
  hits: string[];
  close(): Promise<void>;
}

/** A loopback server that records every request it gets (its URL path names the key). */
export async function startTrapServer(): Promise<TrapServer> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The key in a trap URL (`/k/<key>...`). */
export const keyOfTrapUrl = (url: string): string | null => /\/k\/([a-z0-9]+\.[a-z0-9]+)/i.exec(url)?.[1] ?? null;

// String expressions: this folder is type-checked without the DOM library.
// The scan runs after one rendering update and one task, so autofocus, toggle and error events have fired.
const SCAN = `new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve((() => {
  const allowed = new Set(('html head meta title link body a header footer main nav section article div span p ' +
    'h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table thead tbody tr th td caption form label input button select option ' +
    'strong em del code pre blockquote hr br img time mark sup figure figcaption details summary ' +
    // SVG shapes the portal draws (its pictures: issue 13).
    'svg g rect text polyline circle line').split(' '));
  const banned = ['style', 'srcdoc', 'formaction', 'srcset', 'ping', 'background', 'poster', 'autofocus', 'xlink:href'];
  const loads = new Set(['img', 'link', 'script', 'iframe', 'embed', 'object', 'source', 'video', 'audio', 'form']);
  const markup = [];
  const text = [document.documentElement.textContent || ''];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName;
    const what = (d) => markup.push('<' + tag + '> ' + d + ': ' + el.outerHTML.slice(0, 160));
    if (!allowed.has(tag)) what('element');
    if (el.shadowRoot) what('shadow root');
    if (tag === 'meta' && el.hasAttribute('http-equiv')) what('http-equiv');
    // The favicon is the one icon link, to the portal's own icon (the hashed static file, or /favicon.ico for views
    // rendered without a portal): any other icon is injected (issue 13).
    const favicon = el.getAttribute('rel') === 'icon' && (el.getAttribute('href') === '/favicon.ico' || ((el.getAttribute('href') || '').startsWith('/static/favicon.svg?v=') && !/["<> ]/.test(el.getAttribute('href'))));
    if (tag === 'link' && !['stylesheet', 'alternate'].includes(el.getAttribute('rel')) && !favicon) what('link rel');
    if (tag === 'input') text.push(el.value);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      text.push(attr.value);
      if (name.startsWith('on')) what('handler ' + name);
      if (banned.includes(name)) what('attribute ' + name);
      if (!['href', 'src', 'action', 'data'].includes(name)) continue;
      let url;
      try { url = new URL(attr.value, document.baseURI); } catch { continue; }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') what(name + ' ' + url.protocol);
      else if (loads.has(tag) && url.origin !== location.origin) what('foreign ' + name);
    }
  }
  if (document.baseURI !== location.href) markup.push('base URI changed to ' + document.baseURI);
  // The portal's own links (navigation, language switch, alternates, forms) never leave its origin.
  for (const el of document.querySelectorAll('header a, footer a, nav a, link[rel=alternate], form')) {
    const target = el.getAttribute(el.localName === 'form' ? 'action' : 'href') || '';
    let url;
    try { url = new URL(target, location.href); } catch { continue; }
    if (url.origin !== location.origin) markup.push('self link leaves the portal: ' + el.outerHTML.slice(0, 160));
  }
  return { text: text.join('\\n'), markup };
})()), 0)))`;

/** Loads every visit in `tabs` tabs of one fresh context; CSP headers are stripped first when `stripCsp`. */
export async function visitAll(
  browser: Browser,
  visits: readonly Visit[],
  options: { stripCsp: boolean; appOrigins: readonly string[]; trap: TrapServer; tabs?: number },
): Promise<{ results: VisitResult[]; findings: Finding[] }> {
  const context = await browser.newContext({ locale: 'en-GB', serviceWorkers: 'block' });
  const findings: Finding[] = [];
  const current = new Map<Page, Visit>();
  const note = (page: Page | null | undefined, kind: Finding['kind'], key: string | null, detail: string) =>
    findings.push({ kind, key, detail, url: (page && current.get(page)?.url) ?? page?.url() ?? '(unknown page)' });

  await context.exposeBinding('__xss', (source, key: unknown) => note(source.page, 'executed', String(key), '__xss()'));
  const pageOf = (request: Request): Page | null => {
    try {
      return request.frame().page();
    } catch {
      return null; // a request without a frame (a worker): still counted
    }
  };
  // The trap server is the judge of what loaded; the browser's events say which page asked (a request the CSP
  // blocks is reported as failed with net::ERR_BLOCKED_BY_CSP and never leaves the browser).
  const askedBy = new Map<string, string>();
  context.on('request', (request) => {
    if (!request.url().startsWith(options.trap.origin)) return;
    const page = pageOf(request);
    askedBy.set(new URL(request.url()).pathname, (page && current.get(page)?.url) ?? page?.url() ?? '(no page)');
  });
  context.on('requestfailed', (request) => {
    if (request.url().startsWith(options.trap.origin) && /CSP/.test(request.failure()?.errorText ?? ''))
      note(pageOf(request), 'csp-violation', keyOfTrapUrl(request.url()), `blocked ${request.url()}`);
  });
  if (options.stripCsp) {
    const ours = (url: URL) => options.appOrigins.includes(url.origin);
    await context.route(ours, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch({ maxRedirects: 0 });
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      delete headers['content-security-policy-report-only'];
      await route.fulfill({ response, headers });
    });
  }

  const results: VisitResult[] = [];
  let next = 0;
  const tab = async (): Promise<void> => {
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      note(page, 'executed', /([a-z0-9]+\.[a-z0-9]+)/i.exec(dialog.message())?.[1] ?? null, `dialog ${dialog.type()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (error) => note(page, 'executed', null, `script error: ${error.message}`));
    page.on('popup', (popup) => note(page, 'executed', null, `popup ${popup.url()}`));
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) note(page, 'csp-violation', null, message.text());
    });
    let headers = '{}';
    while (next < visits.length) {
      const visit = visits[next++]!;
      current.set(page, visit);
      try {
        if (JSON.stringify(visit.headers) !== headers) await page.setExtraHTTPHeaders(visit.headers);
        headers = JSON.stringify(visit.headers);
        await page.goto(visit.url, { waitUntil: 'load', timeout: 15_000 });
        const loaded = page.url();
        const scan = (await page.evaluate(SCAN)) as { text: string; markup: string[] };
        for (const m of scan.markup) note(page, 'markup', null, m);
        if (page.url() !== loaded) note(page, 'executed', null, `navigated to ${page.url()}`);
        results.push({ visit, found: visit.expect.filter((key) => scan.text.includes(key)) });
      } catch (error) {
        note(page, 'load-error', null, error instanceof Error ? error.message.split('\n')[0]! : String(error));
        results.push({ visit, found: [] });
      }
      // No about:blank in between: an event that fires late is still named by its key.
    }
    current.delete(page);
  };
  await Promise.all(Array.from({ length: options.tabs ?? 4 }, tab));
  await new Promise((resolve) => setTimeout(resolve, 200));
  await context.close();
  for (const hit of options.trap.hits.splice(0)) {
    const url = askedBy.get(hit.split('?')[0]!) ?? '(a page of this run)';
    findings.push({ kind: 'executed', key: keyOfTrapUrl(hit), detail: `the trap server got ${hit}`, url });
  }
  return { results, findings };
}
