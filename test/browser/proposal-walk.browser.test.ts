// A proposal walked from creation to publication in a real headless Chromium, by the demo people, through the
// pages only: the maintainer proposes from the mirror's tree and asks for a revision, the secretariat carries it
// through review, notice and public comment (a member comments on a clause, the maintainer records the
// disposition, the resolution table is complete), the review panel votes, and the secretariat publishes.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launch-chromium.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

let app: TestInstance;
let browser: Browser;
const problems: string[] = [];
const contexts: BrowserContext[] = [];
const DAY = 86_400_000;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_RATE_LIMIT_WRITES: '1000' } }),
    launchChromium(),
  ]);
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await app?.destroy();
});

/** A fresh browser signed in as one of the demo people (sessions do not outlive the weeks this test skips). */
async function as(name: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    // A refused step answers 409 on purpose below; anything else failing is a problem.
    if (r.status() >= 400 && r.status() !== 409) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${app.url}/signin?lang=en`);
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
  await page.waitForLoadState();
  return page;
}

/** Takes a step from the proposal page's "Next steps", with its comment (and decision, when it records one). */
async function step(page: Page, action: string, comment = '', decision = ''): Promise<void> {
  const form = page.locator('form.step-form', { has: page.locator(`input[name="action"][value="${action}"]`) });
  if (comment) await form.locator('textarea[name="comment"]').fill(comment);
  if (decision) await form.locator('input[name="decision"]').fill(decision);
  await form.getByRole('button').click();
  await page.waitForLoadState();
}

const stage = (page: Page) => page.locator('.stage-line').innerText();

describe('a proposal from creation to publication, in the browser', () => {
  let proposalUrl = '';

  it('is proposed by the maintainer from the files of the mirror, with a generated revision, and submitted', async () => {
    const page = await as('Chen Yu');
    await page.goto(`${app.url}/proposals?lang=en`);
    await page.getByRole('link', { name: 'Propose a specification' }).click();
    await page.getByLabel('Tag, branch or commit (empty: the default branch)').fill('v1.0.0');
    await page.getByRole('button', { name: 'Show its files' }).click();
    expect(await page.locator('input[name="source"][value="spec/placement.md"]').count()).toBe(1);
    await page.locator('input[name="source"][value="spec/placement.md"]').check();
    await page.getByLabel('Title in Chinese').fill('多云工作负载放置请求格式');
    await page.getByLabel('Title in English').fill('Multi-cloud workload placement request format');
    await page.getByLabel('Scope: what the standard covers').fill('The placement request a scheduler accepts.');
    await page.getByLabel('Rationale: why a standard, and who needs it').fill('Three engines implement it.');
    await page
      .getByLabel('Independent implementations, one per line: the name, then its URL')
      .fill('Nimbus engine https://example.org/nimbus\nEdgeHive placer');
    await page.getByLabel('IPR and patent statement').fill('No patent is known to be essential.');
    await page.getByRole('button', { name: 'Create the proposal' }).click();
    await page.waitForURL(/\/proposals\/MP-\d{4}-\d{3}\?done=created/);
    proposalUrl = page.url().replace(/\?.*$/, '');
    expect(await page.getByRole('status').first().innerText()).toContain('The proposal is made');

    // Submitting before a revision exists is refused on the page, with what is missing.
    expect(await page.locator('form.step-form input[value="submit"]').count()).toBe(0);
    expect(await page.locator('.next-steps').innerText()).toContain('no draft revision has been generated yet');

    await page.getByLabel('Why (kept in the revision)').fill('First proposal draft');
    await page.getByRole('button', { name: 'Generate the revision' }).click();
    await page.waitForLoadState();
    expect(await page.locator('body').innerText()).toContain('A revision is being generated');
    await app.worker.drain();
    await page.goto(`${proposalUrl}?lang=en`);
    expect(await page.locator('#revisions ~ .table-scroll').first().innerText()).toMatch(/-00\s+ready/);
    await step(page, 'submit', 'Ready for the secretariat.');
    expect(await stage(page)).toContain('Submitted');
  });

  it('is carried by the secretariat through project review, public notice and public comment', async () => {
    const page = await as('Lin Qing');
    await page.goto(`${proposalUrl}?lang=en`);
    await step(page, 'accept-for-review');
    expect(await stage(page)).toContain('Project review');
    await step(page, 'approve-project', 'Approved by the review meeting.', 'Resolution 2026-11/4');
    expect(await stage(page)).toContain('Approved, public notice');
    // The notice runs five days: starting the draft now is not offered, and says why.
    expect(await page.locator('.next-steps').innerText()).toMatch(/notice/i);
    expect(await page.locator('form.step-form input[value="start-drafting"]').count()).toBe(0);

    app.clock.advance(6 * DAY);
    const later = await as('Lin Qing');
    await later.goto(`${proposalUrl}?lang=en`);
    await step(later, 'start-drafting');
    expect(await stage(later)).toContain('Working draft');
    await step(later, 'open-comment', 'Open for comment for 30 days.');
    expect(await stage(later)).toContain('Public comment');
    expect(await later.locator('form.step-form input[value="send-to-review"]').count()).toBe(0);

    // A member comments on a clause from the draft page: the clause's provenance popover leads to the form.
    const reader = await as('Peng Tao');
    await reader.goto(`${proposalUrl}/00?lang=en`);
    const control = reader.locator('.draft-page .prov-btn').nth(4);
    const clauseId = (await control.getAttribute('popovertarget'))!.replace(/^p-/, '');
    await control.focus();
    await reader.keyboard.press('Enter');
    const link = reader.locator(`#p-${clauseId} .prov-comment a`);
    await link.focus();
    await reader.keyboard.press('Enter');
    await reader.waitForURL(new RegExp(`/00/comments\\?clause=${clauseId}#new-comment$`));
    await reader.locator('input[name="kind"][value="technical"]').check();
    await reader.getByLabel('Comment (Markdown)').fill('The unit of **weight** is not stated.');
    await reader.getByLabel('Proposed change (optional)').fill('State that weights are integers from 0 to 100.');
    await reader.getByRole('button', { name: 'Send the comment' }).click();
    await reader.waitForURL(/\/comments\?saved=1#comment-\d+$/);
    const thread = reader.locator('.comment-thread').first();
    expect(await thread.innerText()).toContain('The unit of weight is not stated.');
    expect(await thread.locator('strong').first().innerText()).toBe('weight');
    expect(await thread.innerText()).toContain('peng' + 'tao-eh（EdgeHive）');
    // The draft page now counts it on the clause.
    await reader.goto(`${proposalUrl}/00?lang=en`);
    expect(await reader.locator(`[popovertarget="p-${clauseId}"] + a.clause-comments`).innerText()).toBe('1');

    app.clock.advance(31 * DAY);
    const after = await as('Lin Qing');
    await after.goto(`${proposalUrl}?lang=en`);
    // The period is over but the comment has no disposition: the step is not offered, and the page says why.
    expect(await after.locator('form.step-form input[value="send-to-review"]').count()).toBe(0);
    expect(await after.locator('.next-steps').innerText()).toMatch(/1 comment/);
    const editor = await as('Chen Yu');
    await editor.goto(`${proposalUrl}/00/comments?lang=en`);
    await editor.locator('summary', { hasText: 'Record a disposition' }).click();
    await editor.locator('input[name="disposition"][value="accepted"]').check();
    await editor.getByLabel('Reason (required for a rejection)').fill('Weights are now stated in 5.2.');
    await editor.getByRole('button', { name: 'Record' }).click();
    await editor.waitForURL(/saved=1#comment-\d+$/);
    expect(await editor.locator('.disposition-accepted').innerText()).toContain('Accepted');
    await editor.goto(`${proposalUrl}/00/resolution?lang=zh-CN`);
    expect(await editor.locator('.notice').innerText()).toContain('已完成');
    expect(await editor.locator('.resolution-table tbody tr').count()).toBe(1);
    expect(await editor.locator('.resolution-table tbody td').nth(6).innerText()).toBe('采纳');

    await after.goto(`${proposalUrl}?lang=en`);
    await step(after, 'send-to-review', 'The comment period is over.');
    expect(await stage(after)).toContain('Technical review');
  });

  it("passes the review panel's ballot and is published by the secretariat", async () => {
    const secretariat = await as('Lin Qing');
    await secretariat.goto(`${proposalUrl}?lang=en`);
    await secretariat.getByLabel('Voters (logins)').fill('mkowalski\nliuyang-dh\nhanmei-admin');
    await secretariat.getByRole('button', { name: 'Open the ballot' }).click();
    await secretariat.waitForURL(/#ballot$/);
    // While the ballot is open the step that records it is not offered.
    expect(await secretariat.locator('form.step-form input[value="pass-review"]').count()).toBe(0);

    for (const [name, position] of [
      ['Marta Kowalski', 'yes'],
      ['Liu Yang', 'yes'],
      ['Han Mei', 'no-objection'],
    ] as const) {
      const voter = await as(name);
      await voter.goto(`${proposalUrl}?lang=en#ballot`);
      await voter.locator(`input[name="position"][value="${position}"]`).check();
      await voter.getByRole('button', { name: 'Record my position' }).click();
      await voter.waitForURL(/#ballot$/);
    }

    const closing = await as('Lin Qing');
    await closing.goto(`${proposalUrl}?lang=en`);
    await closing.getByRole('button', { name: 'Close the ballot now' }).click();
    await closing.waitForURL(/#ballot$/);
    await step(closing, 'pass-review', '', 'Technical review meeting, ballot 3 of 3 in favour');
    expect(await stage(closing)).toContain('Approval');
    await step(closing, 'publish', 'Published as an association standard.', 'Announcement 2026-12');
    expect(await stage(closing)).toContain('Published');

    // The history shows the whole path, in Chinese as well.
    await closing.goto(`${proposalUrl}?lang=zh-CN`);
    const history = await closing.locator('.proposal-history').innerText();
    for (const action of [
      '提出提案',
      '提交',
      '批准立项',
      '发布征求意见稿',
      '提交技术审查',
      '发起投票',
      '结束投票',
      '确认审查通过',
      '发布',
    ])
      expect(history).toContain(action);
    const api = (await (await fetch(`${proposalUrl.replace('/proposals/', '/api/proposals/')}`)).json()) as {
      state: string;
      publishedAt: string | null;
    };
    expect(api.state).toBe('published');
    expect(api.publishedAt).not.toBeNull();
  });

  it('has no console error, failed load or script error on any page it went through', () => {
    expect(problems).toEqual([]);
  });
});
