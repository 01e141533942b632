// Defence in depth for the secrets scan (secrets.test.ts): should the configuration, the environment, or an error
// carrying either ever be logged, the logger writes `***` instead of the token and the webhook secrets.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../kernel/config/read-config.ts';
import { captureLog } from '../support/capture-log.ts';

const env = {
  GITHUB_TOKEN: 'ghp_L0gRedact1onT3stT0kenValue0123456789',
  GITHUB_WEBHOOK_SECRET: 'whsec-log/Redaction+Test',
  GITHUB_WEBHOOK_SECRET_PREVIOUS: 'whsec-log/Previous+Test',
  MAGNOLIA_SESSION_SECRET: 'sess-log/Redaction+Test',
  GITHUB_OAUTH_CLIENT_ID: 'Iv1.l0gRedactionId',
  GITHUB_OAUTH_CLIENT_SECRET: 'oauth-log/Redaction+Secret0123',
};
const SECRETS = Object.entries(env)
  .filter(([name]) => name !== 'GITHUB_OAUTH_CLIENT_ID')
  .map(([, value]) => value);

describe('log redaction', () => {
  it('never writes the configured secrets when the configuration or the environment is logged', () => {
    const { log, text } = captureLog('debug');
    const config = readConfig(env, '/tmp');
    log.info({ config }, 'config');
    log.info(config, 'config spread');
    log.info({ env }, 'environment');
    log.info(env, 'environment spread');
    log.error({ err: Object.assign(new Error('failed'), { config }) }, 'with an error');
    const written = text();
    expect(written).toContain('"githubToken":"***"');
    for (const secret of SECRETS) expect(written).not.toContain(secret);
  });
});
