import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalActor } from '../../sync/proposals/proposals-service.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { NIMBUS_PROPOSAL } from '../support/demo-proposal.ts';

// Atom feeds of public proposal data: one proposal carried to public comment, one left as a draft.
let app: TestInstance;
let open: string;
let draft: string;
const maintainer: ProposalActor = {
  login: 'chenyu-ct',
  roles: ['member'],
  maintainerOf: ['cloudtide/nimbus-placement'],
};
const secretariat: ProposalActor = { login: 'linqing-sec', roles: ['member', 'secretariat'], maintainerOf: [] };
const proposal = NIMBUS_PROPOSAL;

type Entry = {
  id: string;
  title: { '#text': string; '@_type': string };
  updated: string;
  link: { '@_href': string } | { '@_href': string }[];
};
type AtomDoc = {
  feed: {
    '@_xmlns': string;
    id: string;
    title: string;
    updated: string;
    link: { '@_rel'?: string; '@_href': string }[] | { '@_rel'?: string; '@_href': string };
    entry?: Entry | Entry[];
  };
};
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' });
const atom = async (path: string): Promise<{ doc: AtomDoc; xml: string; res: Response }> => {
  const res = await fetch(`${app.url}${path}`);
  const xml = await res.text();
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid)}`);
  return { doc: parser.parse(xml) as AtomDoc, xml, res };
};
const entries = (doc: AtomDoc): Entry[] => (doc.feed.entry as Entry[] | undefined) ?? [];

beforeAll(async () => {
  app = await startTestInstance({ env: { MAGNOLIA_DEMO: 'on' } });
  const p = app.services.proposals;
  open = (await p.create(proposal, maintainer)).number;
  await p.revise(open, {}, maintainer);
  await app.worker.drain();
  app.clock.advance(60_000);
  p.act(open, { action: 'submit', comment: 'ready for the secretariat' }, maintainer);
  app.clock.advance(60_000);
  p.act(open, { action: 'accept-for-review' }, secretariat);
  app.clock.advance(60_000);
  p.act(open, { action: 'approve-project', decision: 'https://example.org/minutes/7' }, secretariat);
  app.clock.advance(40 * 86_400_000);
  p.act(open, { action: 'start-drafting' }, secretariat);
  app.clock.advance(60_000);
  p.act(open, { action: 'open-comment', comment: 'comments welcome' }, secretariat);
  app.clock.advance(60_000);
  draft = (await p.create({ ...proposal, title: { zh: '第二份提案', en: 'A second proposal' } }, maintainer)).number;
  // Private data that must never reach a feed.
  const lina = app.store.users.ensure('linqing-sec', 'now');
  app.store.notifications.setPreferences(lina.id, 'lin.qing.private@example.org', 'en');
}, 180_000);
afterAll(() => app?.destroy());

describe('Atom feeds of proposals', () => {
  it('gives one proposal its whole history (every action and the ready revision), newest first, in the language asked', async () => {
    const { doc, res, xml } = await atom(`/proposals/${open}/feed.atom?lang=en`);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(doc.feed.id).toBe(`${app.url}/proposals/${open}/feed.atom`);
    expect(doc.feed.title).toBe(`${open} Nimbus placement request format: history`);
    const list = entries(doc);
    expect(list.map((e) => e.title['#text'])).toEqual([
      `linqing-sec took “Open public comment” on ${open} “Nimbus placement request format”: Working draft → Public comment`,
      `linqing-sec took “Start the working draft” on ${open} “Nimbus placement request format”: Approved, public notice → Working draft`,
      `linqing-sec took “Approve the project” on ${open} “Nimbus placement request format”: Project review → Approved, public notice`,
      `linqing-sec took “Accept for project review” on ${open} “Nimbus placement request format”: Submitted → Project review`,
      `chenyu-ct took “Submit” on ${open} “Nimbus placement request format”: Proposal draft → Submitted`,
      `Revision -00 (Proposal draft) of ${open} “Nimbus placement request format” is ready`,
      `chenyu-ct created proposal ${open} “Nimbus placement request format”`,
    ]);
    // The feed's updated is its newest entry's; entry ids are absolute URLs, unique, and the same next time.
    expect(doc.feed.updated).toBe(list[0]!.updated);
    expect(new Set(list.map((e) => e.id)).size).toBe(list.length);
    for (const e of list) expect(e.id).toMatch(new RegExp(`^${app.url}/proposals/${open}#(event|revision)-\\d+$`));
    const again = await atom(`/proposals/${open}/feed.atom?lang=zh-CN`);
    expect(entries(again.doc).map((e) => e.id)).toEqual(list.map((e) => e.id));
    expect(entries(again.doc)[0]!.title['#text']).toBe(
      `linqing-sec 对提案 ${open}《云工作负载放置请求格式》执行了“发布征求意见稿”：工作组讨论稿 → 征求意见`,
    );
    expect(xml).toContain('comments welcome');
    expect(xml).toContain('https://example.org/minutes/7');
    expect(xml).toContain(`<link rel="alternate" href="${app.url}/proposals/${open}"/>`);
  });

  it('lists every proposal event, or only the proposals open for public comment', async () => {
    const all = entries((await atom('/proposals/feed.atom?lang=en')).doc);
    expect(all).toHaveLength(8);
    expect(all[0]!.title['#text']).toBe(`chenyu-ct created proposal ${draft} “A second proposal”`);
    const { doc } = await atom('/proposals/feed.atom?stage=public-comment&lang=en');
    expect(doc.feed.title).toBe('Magnolia: open for public comment');
    expect(doc.feed.id).toBe(`${app.url}/proposals/feed.atom?stage=public-comment`);
    expect(entries(doc).map((e) => e.title['#text'])).toEqual([
      `linqing-sec took “Open public comment” on ${open} “Nimbus placement request format”: Working draft → Public comment`,
    ]);
    expect((await atom('/proposals/feed.atom?stage=published')).doc.feed.entry).toBeUndefined();
    expect((await fetch(`${app.url}/proposals/feed.atom?stage=nonsense`)).status).toBe(404);
    expect((await fetch(`${app.url}/proposals/MP-1999-999/feed.atom`)).status).toBe(404);
  });

  it('escapes text from people: a title with markup stays text in the reader', async () => {
    const hostile = (
      await app.services.proposals.create(
        { ...proposal, title: { zh: '<img src=x onerror=alert(1)>', en: '<script>alert(1)</script> & co' } },
        maintainer,
      )
    ).number;
    const { xml, doc } = await atom(`/proposals/${hostile}/feed.atom?lang=en`);
    expect(xml).not.toContain('<script>');
    expect(entries(doc)[0]!.title['#text']).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
  });

  it('carries only public data: no e-mail address, no inbox, no account', async () => {
    for (const path of ['/proposals/feed.atom', `/proposals/${open}/feed.atom`]) {
      const { xml } = await atom(path);
      expect(xml).not.toMatch(/@example\.org|private|notification|mgn_/);
      expect(xml).not.toContain('<email>');
    }
  });

  it('is announced in the head of the proposal list and of each proposal page', async () => {
    const list = await (await fetch(`${app.url}/proposals?lang=en`)).text();
    expect(list).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Magnolia: open for public comment" href="/proposals/feed.atom?stage=public-comment">',
    );
    expect(list).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Magnolia: proposal events" href="/proposals/feed.atom">',
    );
    const page = await (await fetch(`${app.url}/proposals/${open}?lang=zh-CN`)).text();
    expect(page).toContain(
      `<link rel="alternate" type="application/atom+xml" title="${open}：提案历程" href="/proposals/${open}/feed.atom">`,
    );
    expect(await (await fetch(`${app.url}/projects?lang=en`)).text()).not.toContain('application/atom+xml');
  });
});
