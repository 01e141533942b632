import { describe, expect, it } from 'vitest';
import { publicCloneUrl } from '../../kernel/git/public-clone-url.ts';
import { publicGitMessage } from '../../kernel/git/public-git-message.ts';
import { validateCloneUrl } from '../../kernel/git/validate-clone-url.ts';

const refusal = (url: string): string => {
  try {
    validateCloneUrl(url);
  } catch (error) {
    return `${(error as { code: string }).code}: ${(error as Error).message}`;
  }
  throw new Error(`${url} was accepted`);
};

describe('validateCloneUrl', () => {
  it('accepts the allowed transports, scp-like addresses and local paths', () => {
    expect(validateCloneUrl('https://github.com/acme/spec.git')).toEqual({
      url: 'https://github.com/acme/spec.git',
      kind: 'remote',
    });
    expect(validateCloneUrl('http://git.example:8080/spec.git').kind).toBe('remote');
    expect(validateCloneUrl('ssh://git@git.example/acme/spec.git').kind).toBe('remote');
    expect(validateCloneUrl('git://git.example/spec.git').kind).toBe('remote');
    expect(validateCloneUrl('git@github.com:acme/spec.git').kind).toBe('remote');
    expect(validateCloneUrl('file:///srv/git/spec.git')).toEqual({ url: 'file:///srv/git/spec.git', kind: 'local' });
    expect(validateCloneUrl('/srv/git/spec.git')).toEqual({ url: '/srv/git/spec.git', kind: 'local' });
    expect(validateCloneUrl('  ./spec.git ', { cwd: '/srv/git' })).toEqual({ url: '/srv/git/spec.git', kind: 'local' });
  });

  it('refuses what git would read as an option or run as a command', () => {
    expect(refusal('--upload-pack=touch /tmp/x; true')).toMatch(/^bad_clone_url: .*starts with "-"/);
    expect(refusal('-oProxyCommand=touch x')).toMatch(/starts with "-"/);
    expect(refusal('ext::sh -c touch% /tmp/x')).toMatch(/remote helper/);
    expect(refusal('fd::3')).toMatch(/remote helper/);
    expect(refusal('ftp://git.example/spec.git')).toMatch(/"ftp:", which is not allowed: use https:\/\//);
    expect(refusal('ssh://-oProxyCommand=x/spec.git')).toMatch(/no valid host name/);
    expect(refusal('-host:spec.git')).toMatch(/starts with "-"/);
    expect(refusal('https://git.example/spec.git\n--upload-pack=x')).toMatch(/control character/);
    expect(refusal('')).toMatch(/empty/);
  });

  it('refuses credentials in the URL, says what to use instead, and never repeats them', () => {
    for (const url of [
      'https://bob:p@ss@git.example/acme/spec.git',
      'https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/spec.git',
      'https://git.example/acme/spec.git?access_token=s3cr3tvalue',
      'ssh://git:hunter2@git.example/spec.git',
      'bob:hunter2@git.example:spec.git',
    ]) {
      const message = refusal(url);
      expect(message).toMatch(/^credential_in_url: /);
      expect(message).toContain('GITHUB_TOKEN');
      expect(message).toContain('credential helper');
      for (const secret of ['p@ss', 'hunter2', 's3cr3tvalue', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'])
        expect(message).not.toContain(secret);
    }
  });
});

describe('public forms of clone URLs and git messages', () => {
  it('never shows a path of this machine or a credential', () => {
    expect(publicCloneUrl('/srv/git/spec.git')).toBe('local repository');
    expect(publicCloneUrl('file:///srv/git/spec.git')).toBe('local repository');
    expect(publicCloneUrl('https://u:p@ss@git.example/o/r.git?access_token=x')).toBe('https://git.example/o/r.git');
    expect(publicCloneUrl('git@github.com:acme/spec.git')).toBe('github.com:acme/spec.git');
  });

  it('replaces local paths in git messages and keeps URLs', () => {
    expect(
      publicGitMessage(
        "git clone --mirror --quiet --no-local -- file:///tmp/up/spec.git /data/mirrors/a.git.partial-1 failed (exit 128): fatal: '/tmp/up/spec.git' does not appear to be a git repository",
      ),
    ).toBe(
      "git clone --mirror --quiet --no-local -- local repository local repository failed (exit 128): fatal: 'local repository' does not appear to be a git repository",
    );
    expect(publicGitMessage("fatal: unable to access 'https://bob:x@git.example/o/r.git/': 403")).toBe(
      "fatal: unable to access 'https://***@git.example/o/r.git/': 403",
    );
  });
});
