import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../kernel/log/redact-secrets.ts';

describe('redactSecrets', () => {
  it('redacts the whole user info of a URL, a raw @ in the password included', () => {
    expect(redactSecrets('https://x-access-token:ghs_abc@github.com/o/r.git')).toBe('https://***@github.com/o/r.git');
    expect(redactSecrets("fatal: unable to access 'https://bob:p@ss@w0rd@git.example/o/r.git/'")).toBe(
      "fatal: unable to access 'https://***@git.example/o/r.git/'",
    );
    expect(redactSecrets('https://u:p?ss#x@git.example/r.git')).toBe('https://***@git.example/r.git');
    expect(redactSecrets('ssh://git@host.example/r.git and https://host.example/a')).toBe(
      'ssh://***@host.example/r.git and https://host.example/a',
    );
  });

  it('redacts token-like query parameters and keeps the others', () => {
    expect(redactSecrets('https://git.example/r.git?access_token=s3cr3t&ref=main')).toBe(
      'https://git.example/r.git?access_token=***&ref=main',
    );
    expect(redactSecrets('GET /x?private_token=abc;password=hunter2&Token=QQQ')).toBe(
      'GET /x?private_token=***;password=***&Token=***',
    );
    expect(redactSecrets('https://h.example/r?api_key=k1&sig=zz#frag')).toBe(
      'https://h.example/r?api_key=***&sig=***#frag',
    );
  });

  it('redacts GitHub tokens and authorization values, basic ones included', () => {
    const token = 'ghp_' + 'A'.repeat(36);
    expect(redactSecrets(`token is ${token}`)).toBe('token is ***');
    expect(redactSecrets('Authorization: Basic eC1hY2Nlc3MtdG9rZW46c2VjcmV0dmFsdWU=')).toBe('Authorization: ***');
    expect(redactSecrets('authorization: bearer abcdefghijklmnopqrstuvwxyz')).toBe('authorization: ***');
  });

  it('redacts extra secrets verbatim and leaves plain text alone', () => {
    expect(redactSecrets('the hook said hunter22', ['hunter22'])).toBe('the hook said ***');
    expect(redactSecrets('fatal: repository not found (see https://github.com/acme/spec)')).toBe(
      'fatal: repository not found (see https://github.com/acme/spec)',
    );
  });
});
