// Accounts in a real headless Chromium: sign in through the fake GitHub's OAuth pages on loopback, see what one
// maintains, create and revoke an API token, sign out; and an administrator of the offline demo using the console.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAccountsFixture, type AccountsFixture } from '../accounts/accounts-fixture.ts';
import { launchChromium } from '../support/launch-chromium.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

let f: AccountsFixture;
let demo: TestInstance;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  [f, demo, browser] = await Promise.all([
    startAccountsFixture(),
    startTestInstance({ env: { MAGNOLIA_DEMO: 'on', MAGNOLIA_RATE_LIMIT_WRITES: '1000' } }),
    launchChromium(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await f?.close();
  await demo?.destroy();
});

beforeEach(async () => {
  context = await browser.newContext({ locale: 'en-GB' });
  page = await context.newPage();
  problems = [];
  page.on('console', (m) => {
    // A failed load is reported below with its address.
    if (/^Failed to load resource/.test(m.text())) return;
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    // Everything a page loads must load.
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
});
afterEach(async () => {
  await context.close();
  expect(problems).toEqual([]);
});

/** What the portal's /api/me answers this browser (its cookies), as a status. */
const meStatus = async (base: string): Promise<number> => (await page.request.get(`${base}/api/me`)).status();

describe('accounts in a browser', () => {
  it('signs in with GitHub, shows "maintainer of", creates and revokes a token, and signs out', async () => {
    const base = f.app.url;
    await page.goto(`${base}/projects`);
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/signin/);
    await page.getByRole('link', { name: 'Sign in with GitHub' }).click();
    // The fake GitHub's own authorize page, on its own origin.
    await page.waitForURL(`${f.fake.webUrl}/login/oauth/authorize?**`);
    await page.getByRole('button', { name: 'Authorize as alice' }).click();
    await page.waitForURL(`${base}/projects`);
    expect(await page.locator('.account-menu .account-name').textContent()).toBe('Alice Liddell');

    await page.goto(`${base}/account`);
    expect(await page.locator('li.maintained').first().textContent()).toMatch(/maintainer of\s+acme\/widget/);

    await page.getByLabel('Name').fill('ci');
    await page.getByRole('checkbox', { name: /proposals/ }).check();
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.waitForLoadState('load');
    const token = (await page.locator('code.token-value').textContent())!.trim();
    expect(token).toMatch(/^mgn_[0-9A-Za-z]{49}$/);
    const bearer = { authorization: `Bearer ${token}` };
    const asToken = await fetch(`${base}/api/me`, { headers: bearer });
    expect(asToken.status).toBe(200);
    expect(await asToken.json()).toMatchObject({ login: 'alice', maintainerOf: ['acme/widget'] });

    // The token shows once: reloading the page shows its prefix only.
    await page.goto(`${base}/account`);
    expect(await page.locator('code.token-value').count()).toBe(0);
    const row = page.locator('table.tokens tbody tr', { hasText: 'ci' });
    expect(await row.locator('td').first().textContent()).toContain(token.slice(0, 12));
    expect(await page.content()).not.toContain(token);
    await row.getByRole('button', { name: /^Revoke/ }).click();
    await page.waitForURL(/\/account/);
    expect(await page.getByRole('status').textContent()).toContain('The token is revoked.');
    expect(await row.locator('td').nth(6).textContent()).toBe('revoked');
    expect((await fetch(`${base}/api/me`, { headers: bearer })).status).toBe(401);

    expect(await meStatus(base)).toBe(200);
    await page.locator('.account-menu').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('link', { name: 'Sign in', exact: true }).count()).toBe(1);
    expect(await meStatus(base)).toBe(401);
  });

  it('lets the demo administrator grant a role in the console and see it in the audit log', async () => {
    const base = demo.url;
    await page.goto(`${base}/signin`);
    await page.getByRole('button', { name: 'Sign in as Han Mei' }).click();
    await page.waitForLoadState('load');
    await page.locator('.account-menu').getByRole('link', { name: 'Admin console' }).click();
    await page.waitForURL(`${base}/admin`);
    await page.getByRole('link', { name: 'People and roles' }).first().click();
    await page.waitForURL(/\/admin\/users/);
    await page.getByLabel('Grant zhouhao').selectOption('reviewer');
    await page.locator('tr', { hasText: 'zhouhao' }).getByRole('button', { name: 'Grant', exact: true }).click();
    await page.waitForURL(/done=role-granted/);
    expect(await page.getByRole('status').textContent()).toContain('The role is granted.');
    expect(await page.locator('tr', { hasText: 'zhouhao' }).locator('td').nth(1).textContent()).toMatch(/Reviewer/);

    await page.goto(`${base}/admin/audit`);
    const first = page.locator('table tbody tr').first();
    expect(await first.textContent()).toMatch(/role\.grant[\s\S]*zhouhao/);
    expect(await first.textContent()).toContain('hanmei-admin');
  });
});
