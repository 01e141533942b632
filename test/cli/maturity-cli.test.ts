import { textReason } from '../maturity/in-english.ts';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDefaultModelSource } from '../../sync/maturity/model/load-active-model.ts';
import { addProject } from '../../sync/projects/add-project.ts';
import { createUpstreamWithHistory } from '../support/git-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { startTestInstance } from '../support/test-instance.ts';
import { createUser } from '../maturity/maturity-users.ts';
import { offlineEnv, temporaryDataDir } from '../support/offline-env.ts';

describe('magnolia maturity commands', () => {
  const dataDir = temporaryDataDir('maturity-cli');
  const env = offlineEnv(dataDir);

  // The instance is prepared in-process (cheaper than more child processes): one mirrored project, one reviewer.
  beforeAll(async () => {
    const app = await startTestInstance({ dataDir });
    const upstream = createUpstreamWithHistory(6, 'codec');
    const offline = async () => ({ kind: 'unknown' as const, reason: textReason('no API token') });
    const added = await addProject(
      { store: app.store, clock: app.clock, lookup: offline },
      { fullName: 'acme/codec', cloneUrl: upstream.url },
    );
    await app.sync.fetch(added.id);
    createUser(app.store, 'reviewer-wang', 'reviewer', app.clock);
    await app.close();
  });

  it('evaluates every project and prints one plain line each; shows the model in force', async () => {
    const evaluated = await runCli(['maturity', 'evaluate'], env);
    expect(evaluated.stderr).toBe('');
    expect(evaluated.code).toBe(0);
    // README present; no licence, no API metadata: sandbox, with the gaps to incubating.
    expect(evaluated.stdout).toMatch(
      /^acme\/codec\tsandbox\tnext incubating\t[a-z0-9.,-]*files\.license[a-z0-9.,-]*\n$/,
    );
    expect(evaluated.stdout).toContain('releases.recent');
    const shown = await runCli(['maturity', 'model', 'show'], env);
    expect(shown.stdout).toBe(readDefaultModelSource());
  });

  it('refuses an invalid model saying what is wrong, installs a valid one and re-evaluates', async () => {
    writeFileSync(path.join(dataDir, 'bad.yml'), 'name: { en: x, zh: y }\nlevels: []\n');
    const bad = await runCli(['maturity', 'model', 'set', 'bad.yml'], env, dataDir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('magnolia: bad.yml is not a valid maturity model; nothing was installed:\n');
    expect(bad.stderr).toContain('  - levels: a model needs at least one level\n');
    expect(bad.stdout).toBe('');

    // The licence becomes a sandbox requirement: acme/codec (no LICENSE) falls below sandbox.
    const stricter = readDefaultModelSource().replace(
      'weight: 3\n    requiredFor: incubating\n  - id: files.contributing',
      'weight: 3\n    requiredFor: sandbox\n  - id: files.contributing',
    );
    expect(stricter).not.toBe(readDefaultModelSource());
    writeFileSync(path.join(dataDir, 'strict.yml'), stricter);
    const set = await runCli(['maturity', 'model', 'set', path.join(dataDir, 'strict.yml')], env);
    expect(set.code).toBe(0);
    expect(set.stderr).toMatch(/^model version 1 \([0-9a-f]{16}\) installed; re-evaluating every project\n$/);
    expect(set.stdout).toBe('acme/codec\tnone\tnext sandbox\tfiles.license\n');
  });

  it('exempts a signal for a project (reviewer), re-evaluates it, and explains a bad exemption', async () => {
    const unknown = await runCli(
      [
        'maturity',
        'exempt',
        'acme/codec',
        'files.licence',
        '--reason',
        'x',
        '--until',
        '2099-01-01',
        '--by',
        'reviewer-wang',
      ],
      env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^magnolia: "files\.licence" is not a signal; one of: .*files\.license/);
    // Impossible days are refused (Date.parse would roll 2099-02-30 over to 2 March), and nothing is stored.
    for (const [until, problem] of [
      ['2099-02-30', '"2099-02-30" is not a date: February 2099 has 28 days'],
      ['2099-13-45', '"2099-13-45" is not a date: there is no month 13'],
      ['2099-01-01T10:00', '"2099-01-01T10:00" has no time zone: add Z (UTC) or an offset such as +08:00'],
    ]) {
      const bad = await runCli(
        [
          'maturity',
          'exempt',
          'acme/codec',
          'files.license',
          '--reason',
          'legal review',
          '--until',
          until!,
          '--by',
          'reviewer-wang',
        ],
        env,
      );
      expect(bad.code, until).toBe(1);
      expect(bad.stderr).toBe(
        `magnolia: the expiry ${problem}: give YYYY-MM-DD or an ISO-8601 date-time such as 2027-06-30T00:00:00Z\n`,
      );
    }
    const exempted = await runCli(
      [
        'maturity',
        'exempt',
        'acme/codec',
        'files.license',
        '--reason',
        'licence under legal review',
        '--until',
        '2099-01-01',
        '--by',
        'reviewer-wang',
      ],
      env,
    );
    expect(exempted.code).toBe(0);
    expect(exempted.stderr).toBe('acme/codec: files.license exempted until 2099-01-01T00:00:00.000Z (exemption 1)\n');
    expect(exempted.stdout).toMatch(/^acme\/codec\tsandbox\tnext incubating\t/);
  });
});
