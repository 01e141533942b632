// One XSS suite: every vector of the corpus through every surface of one group, the pages loaded in Chromium
// with the trap, once with the portal's CSP and once with the CSP header stripped (so a vector that only the CSP
// stops is still found). Executed must be 0 in both runs, and the payloads must be seen on the pages.
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/launch-chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankProject, type HostileProject } from './xss-community.ts';
import {
  startTrapServer,
  visitAll,
  type Finding,
  type TrapServer,
  type Visit,
  type VisitResult,
} from './xss-browser.ts';
import { XSS_VECTORS, type Trap } from './xss-corpus.ts';
import type { Community, InjectTarget, Load, Surface, VectorSite } from './xss-surfaces.ts';

/** The documents every vector wrote into (the maturity model, the spec of a draft, plain Markdown). */
export type Documents = Omit<InjectTarget, 'project'>;

/** What a suite's setup started: the servers the loads go to, and where each vector's pages are. */
export interface SuiteSetup extends Community {
  portalUrl: string;
  draftsUrl?: string;
  site(index: number): Omit<VectorSite, 'payload'>;
  close(): Promise<void>;
}

const pad = (i: number) => String(i).padStart(2, '0');
const keyOf = (i: number, s: Surface) => `x${pad(i)}.${s.code}`;

/** Adds a load to `list`, merged into one for the same page when their parameters and headers do not clash. */
function addVisit(list: Visit[], base: string, load: Load, key: string): void {
  const query = load.query ?? {};
  const headers = load.headers ?? {};
  const clash = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).some((k) => k in b);
  for (const v of list) {
    const [vPath, vQuery = ''] = v.url.split('?');
    const held = Object.fromEntries(new URLSearchParams(vQuery));
    if (vPath !== base + load.path || load.path.includes('?')) continue;
    const same =
      new URLSearchParams(query).toString() === vQuery && JSON.stringify(headers) === JSON.stringify(v.headers);
    if (!same && (clash(query, held) || clash(headers, v.headers))) continue;
    const merged = new URLSearchParams({ ...held, ...query }).toString();
    v.url = merged ? `${vPath}?${merged}` : vPath!;
    v.headers = { ...v.headers, ...headers };
    if (!v.expect.includes(key)) v.expect.push(key);
    return;
  }
  const qs = new URLSearchParams(query).toString();
  list.push({ url: base + load.path + (qs ? `?${qs}` : ''), headers, expect: [key] });
}

/** Registers the suite's tests: `setup` gets the filled-in projects and documents and starts the servers. */
export function defineXssSuite(options: {
  name: string;
  surfaces: readonly Surface[];
  setup(input: { projects: HostileProject[]; documents: Documents; trap: TrapServer }): Promise<SuiteSetup>;
  /** Also prove, on the drafts server's `/control` page that really runs a vector, that the trap sees it. */
  control?: boolean;
}): void {
  let trap: TrapServer;
  let browser: Browser;
  let setup: SuiteSetup;
  const visits: Visit[] = [];
  const applicable = new Map<string, { vector: string; surface: Surface }>();
  const runs: { results: VisitResult[]; findings: Finding[] }[] = [];
  const origins = () => [new URL(setup.portalUrl).origin, ...(setup.draftsUrl ? [setup.draftsUrl] : [])];

  beforeAll(async () => {
    [trap, browser] = await Promise.all([
      startTrapServer(),
      // A page fulfilled by Playwright (CSP stripped) has no address, so Chromium's Local Network Access would
      // refuse its requests to the loopback trap server and hide the very loads the trap must see.
      launchChromium(['--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests']),
    ]);
    const trapFor = (key: string): Trap => ({
      key,
      js: `__xss('${key}')`,
      jsTick: `__xss(\`${key}\`)`,
      url: `${trap.origin}/k/${key}`,
      origin: trap.origin,
    });
    const payloads = new Map<string, string>();
    const documents: Documents = { model: [], draftSpec: [], markdown: [] };
    const projects = XSS_VECTORS.map((vector, i) => {
      const project = blankProject(i);
      for (const surface of options.surfaces) {
        const key = keyOf(i, surface);
        const payload = vector.payload(trapFor(key));
        if (surface.applies && !surface.applies(payload)) continue;
        applicable.set(key, { vector: vector.id, surface });
        payloads.set(key, payload);
        surface.inject?.({ ...documents, project }, payload);
      }
      return project;
    });
    setup = await options.setup({ projects, documents, trap });
    const base = (load: Load) => (load.server === 'drafts' ? setup.draftsUrl! : setup.portalUrl);
    const shared: Visit[] = [];
    XSS_VECTORS.forEach((_vector, i) => {
      const mine: Visit[] = [];
      for (const surface of options.surfaces) {
        const key = keyOf(i, surface);
        const payload = payloads.get(key);
        if (payload === undefined) continue;
        for (const load of surface.loads({ ...setup.site(i), payload })) addVisit(mine, base(load), load, key);
        for (const load of surface.communityLoads?.(setup) ?? []) addVisit(shared, base(load), load, key);
      }
      visits.push(...mine);
    });
    visits.push(...shared);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await setup?.close();
    await trap?.close();
  });

  const describeFinding = (f: Finding): string => {
    const hit = f.key ? applicable.get(f.key) : undefined;
    const who = hit ? `vector ${hit.vector} via ${hit.surface.field}` : `key ${f.key ?? '?'}`;
    return `${f.kind}: ${who} on ${f.url}: ${f.detail}`;
  };

  describe(options.name, () => {
    if (options.control) {
      it('the trap catches a vector that runs, and flags one that waits for a click (control)', async () => {
        const page: Visit = { url: `${setup.draftsUrl!}/control`, headers: {}, expect: [] };
        const off = await visitAll(browser, [page], { stripCsp: true, appOrigins: origins(), trap });
        const on = await visitAll(browser, [page], { stripCsp: false, appOrigins: origins(), trap });
        expect(off.findings.filter((f) => f.kind === 'executed').map((f) => f.key)).toEqual(
          expect.arrayContaining(['control.run', 'control.img']),
        );
        expect(off.findings.some((f) => f.kind === 'markup' && f.detail.includes('javascript:'))).toBe(true);
        expect(on.findings.filter((f) => f.kind === 'executed')).toEqual([]);
        expect(on.findings.filter((f) => f.kind === 'csp-violation').length).toBeGreaterThan(0);
      });
    }

    for (const stripCsp of [false, true]) {
      it(`executes nothing and injects no active markup with the CSP ${stripCsp ? 'stripped' : 'enforced'}`, async () => {
        const started = Date.now();
        const run = await visitAll(browser, visits, { stripCsp, appOrigins: origins(), trap });
        runs.push(run);
        console.log(
          `${options.name}: ${visits.length} loads, CSP ${stripCsp ? 'stripped' : 'on'}: ${Date.now() - started} ms`,
        );
        expect(run.findings.map(describeFinding)).toEqual([]);
        expect(run.results).toHaveLength(visits.length);
      }, 150_000);
    }

    it('shows every payload of every field that renders (the payloads reached the pages)', () => {
      const found = new Set((runs[0]?.results ?? []).flatMap((r) => r.found));
      const missing = [...applicable]
        .filter(([key, { surface }]) => surface.shown && !found.has(key))
        .map(([key, { vector, surface }]) => `${key}: ${vector} via ${surface.field}`);
      expect(missing).toEqual([]);
      const rows = options.surfaces.map((s) => {
        const keys = [...applicable].filter(([, a]) => a.surface === s).map(([k]) => k);
        const pages = new Set(visits.filter((v) => v.expect.some((k) => keys.includes(k))).map((v) => v.url)).size;
        return `  ${s.code}: ${keys.length} vectors, ${pages} pages, shown on a page: ${keys.filter((k) => found.has(k)).length}`;
      });
      const executed = runs.flatMap((r) => r.findings).filter((f) => f.kind === 'executed').length;
      console.log(
        `${options.name}: ${XSS_VECTORS.length} vectors × ${options.surfaces.length} fields = ${applicable.size} ` +
          `applicable pairs, ${visits.length} page loads per run × ${runs.length} runs, executed ${executed}\n` +
          rows.join('\n'),
      );
    });
  });
}
