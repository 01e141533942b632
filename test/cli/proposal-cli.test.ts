import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDefaultWorkflowSource } from '../../sync/proposals/workflow/load-workflow.ts';
import { offlineEnv, temporaryDataDir } from '../support/offline-env.ts';
import { runCli } from '../support/run-cli.ts';
import { startTestInstance } from '../support/test-instance.ts';

describe('magnolia proposal', () => {
  const dataDir = temporaryDataDir('proposal-cli');
  const env = offlineEnv(dataDir);
  let number = '';

  // The demo community, with one proposal by the maintainer of its standard candidate.
  beforeAll(async () => {
    const app = await startTestInstance({ dataDir, env: { MAGNOLIA_DEMO: 'on' } });
    try {
      const chen = app.services.accounts.user('chenyu-ct');
      const me = app.services.accounts.me(app.services.accounts.actorOf(chen.id, 'session')!);
      const created = await app.services.proposals.create(
        {
          project: 'cloudtide/nimbus-placement',
          title: { zh: '放置请求格式', en: 'Placement request format' },
          ref: 'v1.0.0',
          sources: [{ path: 'spec/placement.md' }],
          scope: 'Placement requests.',
          rationale: 'Widely implemented.',
        },
        { login: me.login, roles: me.roles, maintainerOf: me.maintainerOf },
      );
      number = created.number;
    } finally {
      await app.close();
    }
  }, 120_000);

  it('lists proposals and shows what each action still lacks', async () => {
    const listed = await runCli(['proposal', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${number}\tdraft\tcloudtide/nimbus-placement\t放置请求格式`);
    const shown = await runCli(['proposal', 'show', number, '--as', 'chenyu-ct'], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/submit:\n {4}- the proposer has not given the IPR and patent statement/);
    expect(shown.stdout).toContain('- no draft revision has been generated yet');
  });

  it('shows a ballot, and refuses to open one outside the technical review with exit code 1', async () => {
    const none = await runCli(['proposal', 'ballot', 'show', number], env);
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toContain(`${number}: no ballot has been opened`);
    const early = await runCli(
      ['proposal', 'ballot', 'open', number, '--as', 'linqing-sec', '--voters', 'mkowalski,liuyang-dh,zhouhao'],
      env,
    );
    expect(early.code).toBe(1);
    expect(early.stderr).toContain(`${number} is in stage draft; a ballot is held in: technical-review`);
    const notSecretariat = await runCli(
      ['proposal', 'ballot', 'open', number, '--as', 'mkowalski', '--voters', 'liuyang-dh'],
      env,
    );
    expect(notSecretariat.stderr).toContain('only the secretariat opens a ballot');
  });

  it('takes an action as a person, and refuses one they may not take with exit code 1', async () => {
    const refused = await runCli(['proposal', 'act', number, 'withdraw', '--as', 'mkowalski', '--comment', 'x'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('"Withdraw" may be taken only by a maintainer of the project, the secretariat');
    const missing = await runCli(['proposal', 'act', number, 'withdraw', '--as', 'chenyu-ct'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('give the reason in the comment');
    const done = await runCli(
      ['proposal', 'act', number, 'withdraw', '--as', 'chenyu-ct', '--comment', 'superseded'],
      env,
    );
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain(`${number}: withdrawn (Withdrawn)`);
    const json = await runCli(['proposal', 'show', number, '--json'], env);
    expect((JSON.parse(json.stdout) as { history: { comment: string }[] }).history.at(-1)?.comment).toBe('superseded');
  });

  it('installs another workflow file only when it is valid, listing every problem', async () => {
    const bad = path.join(dataDir, 'bad-workflow.yml');
    writeFileSync(
      bad,
      readDefaultWorkflowSource()
        .replace('commentDays: 30', 'commentDays: 0')
        .replace('initial: draft', 'initial: idea'),
    );
    const refused = await runCli(['proposal', 'workflow', 'set', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('settings.commentDays: commentDays is a whole number of days, 1 or more');
    const good = path.join(dataDir, 'good-workflow.yml');
    writeFileSync(good, readDefaultWorkflowSource().replace('commentDays: 30', 'commentDays: 45'));
    const set = await runCli(['proposal', 'workflow', 'set', good], env);
    expect(set.code, set.stderr).toBe(0);
    expect((await runCli(['proposal', 'workflow', 'show'], env)).stdout).toContain('commentDays: 45');
  });
});
