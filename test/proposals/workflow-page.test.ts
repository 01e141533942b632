import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDefaultWorkflowSource } from '../../sync/proposals/workflow/load-workflow.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');

describe('the workflow page', () => {
  let app: TestInstance;
  beforeAll(async () => {
    app = await startTestInstance();
  });
  afterAll(() => app.destroy());
  const page = async (lang: string) => {
    const res = await fetch(`${app.url}/workflow?lang=${lang}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    return text(html.slice(html.indexOf('<main'), html.indexOf('</main>')));
  };

  it('shows the stages, who acts, what must hold and the periods, in Chinese', async () => {
    const zh = await page('zh-CN');
    expect(zh).toContain('团体标准制定程序');
    expect(zh).toContain('征求意见期：30 天');
    expect(zh).toMatch(/提交 \| 提案草稿 → 已提交|提交 提案草稿 → 已提交 项目维护者/);
    expect(zh).toContain('征求意见稿');
    // No English sentence on the Chinese page (SPDX ids aside).
    expect(zh.replace(/[A-Za-z0-9.-]+-\d[\w.-]*|MIT|ISC|GB\/T/g, '')).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{3,}/);
  });

  it('shows them in English, and follows an installed workflow file', async () => {
    expect(await page('en')).toContain('Public comment period: 30 days');
    app.services.proposals.installWorkflow(
      readDefaultWorkflowSource().replace('commentDays: 30', 'commentDays: 45'),
      'admin',
    );
    expect(await page('en')).toContain('Public comment period: 45 days');
  });
});
