import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../kernel/config/read-config.ts';

describe('readConfig', () => {
  it('applies the documented defaults', () => {
    const config = readConfig({}, '/srv/magnolia');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/magnolia/data',
      databaseFile: '/srv/magnolia/data/magnolia.sqlite',
      baseUrl: 'http://127.0.0.1:3000',
      webhookSecrets: [],
      githubToken: undefined,
      githubApiUrl: 'https://api.github.com',
      githubUrl: 'https://github.com',
      logLevel: 'info',
    });
  });

  it('accepts a GitHub Enterprise Server and a secret rotation', () => {
    const config = readConfig({
      GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
      GITHUB_URL: 'https://ghe.example.com',
      GITHUB_WEBHOOK_SECRET: 'new',
      GITHUB_WEBHOOK_SECRET_PREVIOUS: 'old',
      MAGNOLIA_BASE_URL: 'https://portal.example.org',
    });
    expect(config.githubApiUrl).toBe('https://ghe.example.com/api/v3');
    expect(config.webhookSecrets).toEqual(['new', 'old']);
    expect(config.baseUrl).toBe('https://portal.example.org');
  });

  it('says which variables to fix, all at once', () => {
    let error: unknown;
    try {
      readConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', GITHUB_API_URL: 'api.github.com' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT must be a number/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
    expect(problems.join('\n')).toMatch(/GITHUB_API_URL must be an http\(s\) URL/);
  });

  it('refuses a previous secret without a current one', () => {
    expect(() => readConfig({ GITHUB_WEBHOOK_SECRET_PREVIOUS: 'old' })).toThrow(/set the current secret too/);
  });
});
