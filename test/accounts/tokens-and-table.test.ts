// The token format (prefix, random part, checksum; the older format still read), scopes and expiry parsing, and
// the authorisation table: pure decisions, and the README prints the table the code has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashToken, mintToken, tokenShape } from '../../sync/accounts/api-token.ts';
import { ACTION_NAMES, can, permissionTable, type Actor } from '../../sync/accounts/authorize.ts';
import { parseExpiry, parseScopes } from '../../sync/accounts/token-options.ts';
import { safeNext } from '../../server/auth/safe-next.ts';

const NOW = Date.parse('2026-11-01T08:00:00Z');

describe('API token format', () => {
  it('mints mgn_ + 43 base62 characters + a 6-character checksum, each one different', () => {
    const tokens = Array.from({ length: 200 }, () => mintToken());
    for (const t of tokens) {
      expect(t.token).toMatch(/^mgn_[0-9A-Za-z]{49}$/);
      expect(tokenShape(t.token)).toBe('current');
      expect(t.hash).toBe(hashToken(t.token));
      expect(t.prefix).toBe(t.token.slice(0, 12));
    }
    expect(new Set(tokens.map((t) => t.token)).size).toBe(200);
  });

  it('tells a damaged token from a token, and still reads the older format', () => {
    const { token } = mintToken();
    for (let i = 4; i < token.length; i += 7) {
      const swapped = token.slice(0, i) + (token[i] === 'x' ? 'y' : 'x') + token.slice(i + 1);
      expect(tokenShape(swapped), `change at ${i}`).toBe('bad-checksum');
    }
    expect(tokenShape(token.slice(0, -1))).toBe('not-a-token');
    expect(tokenShape('mgn_' + 'A_b-'.repeat(10) + 'xyz')).toBe('legacy');
    expect(tokenShape('ghp_0123456789abcdef0123456789abcdef0123')).toBe('not-a-token');
  });

  it('parses scopes and expiries, saying what is wrong', () => {
    expect(parseScopes('proposals, reviews')).toEqual(['read', 'proposals', 'reviews']);
    expect(parseScopes([])).toEqual(['read']);
    expect(() => parseScopes('read,write')).toThrow(/unknown scope "write": use read, proposals, reviews, admin/);
    expect(parseExpiry('30d', NOW, false)).toBe('2026-12-01T08:00:00.000Z');
    expect(parseExpiry('2027-01-31', NOW, false)).toBe('2027-01-31T00:00:00.000Z');
    expect(parseExpiry('never', NOW, true)).toBeNull();
    expect(() => parseExpiry('never', NOW, false)).toThrow(/must expire/);
    expect(() => parseExpiry('2026-02-30', NOW, true)).toThrow(/February 2026 has 28 days/);
    expect(() => parseExpiry('2020-01-01', NOW, true)).toThrow(/in the future/);
    expect(() => parseExpiry('400d', NOW, false)).toThrow(/within 366 days/);
  });
});

describe('authorisation table', () => {
  const actor = (granted: string[], extra: Partial<Actor> = {}): Actor => ({
    userId: 1,
    login: 'someone',
    name: null,
    granted: new Set(granted) as Actor['granted'],
    maintainerOf: new Set([7]),
    via: 'session',
    ...extra,
  });

  it('decides from roles, the target project, the credential and its scopes', () => {
    expect(can(null, 'account.read')).toMatchObject({ allowed: false, reason: 'unauthenticated' });
    expect(can(actor([]), 'account.read').allowed).toBe(true);
    expect(can(actor([]), 'projects.refresh', { repositoryId: 7 })).toMatchObject({
      allowed: true,
      as: ['maintainer'],
    });
    expect(can(actor([]), 'projects.refresh', { repositoryId: 8 })).toMatchObject({ allowed: false, reason: 'role' });
    expect(can(actor(['secretariat']), 'projects.refresh', { repositoryId: 8 }).allowed).toBe(true);
    expect(can(actor(['reviewer']), 'model.replace').allowed).toBe(false);
    const token = (scopes: string[]) => actor(['admin'], { via: 'token', scopes: new Set(scopes) as Actor['scopes'] });
    expect(can(token(['read']), 'deliveries.read')).toMatchObject({ allowed: false, reason: 'scope' });
    expect(can(token(['read', 'admin']), 'deliveries.read').allowed).toBe(true);
    expect(can(token(['read']), 'account.read').allowed).toBe(true);
    expect(can(token(['read', 'proposals']), 'projects.refresh', { repositoryId: 7 }).allowed).toBe(true);
    expect(can(token(['read', 'admin']), 'token.create')).toMatchObject({ allowed: false, reason: 'session-only' });
  });

  it('is printed in the README exactly as the code has it', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(permissionTable());
    expect(ACTION_NAMES.length).toBeGreaterThanOrEqual(15);
  });
});

describe('where to go after signing in', () => {
  it('is a path of this portal, or /', () => {
    expect(safeNext('/projects?level=mature#x')).toBe('/projects?level=mature#x');
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/\t/evil',
      '',
      42,
      undefined,
    ])
      expect(safeNext(bad), String(bad)).toBe('/');
  });
});
