import { describe, expect, it } from 'vitest';
import { swhidOfLines } from '../../content/draft/swhid.ts';
import { formattersFor } from '../../content/i18n/formatters.ts';
import { messagesFor } from '../../content/i18n/messages.ts';
import { sourceViewHref } from '../../content/render/source-view-href.ts';
import { markedLines } from '../../server/pages/source/marked-lines.ts';
import { sourceModel } from '../../server/pages/source/source-model.ts';
import { parseBlamePorcelain } from '../../sync/sources/parse-blame-porcelain.ts';
import { checkSourcePath } from '../../sync/sources/source-path.ts';
import type { SourceFile } from '../../sync/sources/sources-service.ts';
import { upstreamWebBase } from '../../sync/sources/upstream-web-base.ts';

const SHA = '1f'.repeat(20);
const OLD = 'ab'.repeat(20);

describe('SWHIDs of source lines', () => {
  it('qualify the revision with origin, path from the root and lines (one line as one number)', () => {
    expect(swhidOfLines(SHA, 'https://github.com/acme/p', 'spec/a.md', 3, 5)).toBe(
      `swh:1:rev:${SHA};origin=https://github.com/acme/p;path=/spec/a.md;lines=3-5`,
    );
    expect(swhidOfLines(SHA, 'https://github.com/acme/p', 'spec/a.md', 7, 7)).toMatch(/;lines=7$/);
  });

  it('percent-encode what would break the qualifiers, leave out a local origin, and need a SHA-1', () => {
    expect(swhidOfLines(SHA, 'https://git.example/a;b c', 'docs/规范 v1;%.md', 1, 2)).toBe(
      `swh:1:rev:${SHA};origin=https://git.example/a%3Bb%20c;path=/docs/%E8%A7%84%E8%8C%83%20v1%3B%25.md;lines=1-2`,
    );
    expect(swhidOfLines(SHA, '/srv/mirrors/p.git', 'a.md', 1, 1)).toBe(`swh:1:rev:${SHA};path=/a.md;lines=1`);
    expect(swhidOfLines('f'.repeat(64), 'https://github.com/acme/p', 'a.md', 1, 1)).toBeUndefined();
  });
});

describe('source addresses', () => {
  it('link the portal view with the lines marked by the server and the fragment', () => {
    expect(sourceViewHref('acme/p', SHA, 'spec/a b.md', [3, 5])).toBe(
      `/source/acme/p/blob/${SHA}/spec/a%20b.md?lines=3-5#L3-L5`,
    );
    expect(sourceViewHref('acme/p', SHA, 'a.md', [4, 4])).toBe(`/source/acme/p/blob/${SHA}/a.md?lines=4#L4`);
    expect(sourceViewHref('/srv/local', SHA, 'a.md')).toBeUndefined();
    expect(sourceViewHref('acme/p', 'main', 'a.md')).toBeUndefined();
  });

  it('take marked lines as 10-20, L10-L20 or 10, cut to the file', () => {
    expect(markedLines('10-20', 100)).toEqual({ start: 10, end: 20 });
    expect(markedLines('L10-L20', 15)).toEqual({ start: 10, end: 15 });
    expect(markedLines('7', 100)).toEqual({ start: 7, end: 7 });
    for (const bad of ['20-10', '0-3', '200', 'x', undefined, ['1-2']]) expect(markedLines(bad, 100)).toBeUndefined();
  });

  it('refuse paths with .., ., empty segments or control characters', () => {
    expect(checkSourcePath('spec/protocol.md')).toBe('spec/protocol.md');
    for (const bad of ['', '../x', 'a/../b', 'a/./b', 'a//b', '/abs', 'a\u0000b', 'a\nb', 'a/'])
      expect(() => checkSourcePath(bad), JSON.stringify(bad)).toThrow(/relative to the repository root/);
  });

  it('find the upstream on GitHub only: no clone URL, or one on GITHUB_URL', () => {
    const gh = 'https://github.com';
    expect(upstreamWebBase(gh, { clone_url: null, full_name: 'acme/p' })).toBe('https://github.com/acme/p');
    expect(upstreamWebBase(gh, { clone_url: 'https://x:tok@github.com/acme/p.git', full_name: 'acme/p' })).toBe(
      'https://github.com/acme/p',
    );
    expect(upstreamWebBase(gh, { clone_url: '/srv/p.git', full_name: 'acme/p' })).toBeNull();
    expect(upstreamWebBase(gh, { clone_url: 'https://gitlab.example/acme/p.git', full_name: 'acme/p' })).toBeNull();
    expect(upstreamWebBase('file:///srv', { clone_url: null, full_name: 'acme/p' })).toBeNull();
  });
});

describe('blame porcelain', () => {
  it('gives every line its commit, original line and path, the details said once per commit', () => {
    const text = [
      `${OLD} 1 1 2`,
      'author Ann',
      'author-time 1700000000',
      'summary First',
      'filename old/a.md',
      '\tone',
      `${OLD} 2 2`,
      '\ttwo',
      `${SHA} 3 3 1`,
      'author Bo',
      'author-time 1710000000',
      'summary Second',
      'previous ' + OLD + ' old/a.md',
      'filename a.md',
      '\tthree',
      `${OLD} 3 4 1`,
      '\tfour',
      '',
    ].join('\n');
    const blame = parseBlamePorcelain(text);
    expect(blame.lines).toEqual([
      { line: 1, sha: OLD, originalLine: 1, originalPath: 'old/a.md' },
      { line: 2, sha: OLD, originalLine: 2, originalPath: 'old/a.md' },
      { line: 3, sha: SHA, originalLine: 3, originalPath: 'a.md' },
      { line: 4, sha: OLD, originalLine: 3, originalPath: 'old/a.md' },
    ]);
    expect(blame.commits.get(SHA)).toEqual({
      sha: SHA,
      author: 'Bo',
      date: '2024-03-09T16:00:00.000Z',
      summary: 'Second',
    });
  });
});

describe('the source view model', () => {
  const file: SourceFile = {
    repository: 'acme/p',
    commit: { sha: SHA, author: 'Bo', date: '2026-03-05T09:30:00+08:00', message: 'Second' },
    path: 'spec/a.md',
    size: 20,
    kind: 'text',
    lines: ['one', 'two', 'three', 'four'],
    blame: parseBlamePorcelain(
      [
        `${OLD} 1 1 2`,
        'author Ann',
        'author-time 1700000000',
        'summary First',
        'filename spec/a.md',
        '\tone',
        `${OLD} 2 2`,
        '\ttwo',
        `${SHA} 3 3 2`,
        'author Bo',
        'author-time 1710000000',
        'summary Second',
        'filename spec/a.md',
        '\tthree',
        `${SHA} 4 4`,
        '\tfour',
      ].join('\n'),
    ),
    upstream: 'https://github.com/acme/p',
  };
  const t = messagesFor('en');
  const fmt = formattersFor('en');

  it('links the upstream permalink with the marked lines, and cuts the rows around them', () => {
    const model = sourceModel({ file, marked: { start: 2, end: 3 }, t, fmt });
    expect(model.upstreamHref).toBe(`https://github.com/acme/p/blob/${SHA}/spec/a.md#L2-L3`);
    expect(model.rawHref).toBe(`/source/acme/p/raw/${SHA}/spec/a.md`);
    expect(model.segments.map((s) => [s.id, s.marked, s.rows.map((r) => r.n)])).toEqual([
      [null, false, [1]],
      ['L2-L3', true, [2, 3]],
      [null, false, [4]],
    ]);
    // Blame on the first row of each run, and again where a segment starts.
    expect(model.segments.flatMap((s) => s.rows.map((r) => r.blame?.short ?? null))).toEqual([
      OLD.slice(0, 7),
      OLD.slice(0, 7),
      SHA.slice(0, 7),
      SHA.slice(0, 7),
    ]);
    // Without a mark, one run of Bo's lines shows him once.
    const plain = sourceModel({ file, marked: undefined, t, fmt });
    expect(plain.segments).toHaveLength(1);
    expect(plain.segments[0]!.rows.map((r) => r.blame?.author ?? null)).toEqual(['Ann', null, 'Bo', null]);
    expect(model.segments[0]!.rows[0]!.blame).toMatchObject({
      author: 'Ann',
      href: `/source/acme/p/blob/${OLD}/spec/a.md#L1`,
    });
    expect(model.remarks).toEqual(['Lines 2–3 are marked.']);
  });

  it('offers the download instead of the lines of a file over 1 MB, in Chinese too', () => {
    const big = { ...file, kind: 'too-large' as const, lines: [], blame: null, upstream: null, size: 2_000_000 };
    const model = sourceModel({ file: big, marked: undefined, t: messagesFor('zh-CN'), fmt: formattersFor('zh-CN') });
    expect(model.notice).toBe('此文件大于 1 MB，不在此显示各行：请下载后阅读。');
    expect(model.segments).toEqual([]);
    expect(model.upstreamHref).toBeNull();
    expect(model.facts).toEqual([{ label: '大小', value: '2,000,000 字节' }]);
  });
});
