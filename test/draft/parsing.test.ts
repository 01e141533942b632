import { describe, expect, it } from 'vitest';
import { createCommitTable, parseLinePorcelain } from '../../content/draft/git/parse-line-porcelain.ts';
import { parseMarkdown } from '../../content/draft/parse-markdown.ts';
import { parseSources, SourcesError } from '../../content/draft/parse-sources.ts';
import { projectNameFromUrl } from '../../content/draft/project-name-from-url.ts';

describe('parsing helpers', () => {
  it('parses GFM tables, strikethrough, footnotes and task lists, but leaves bare URLs as text', () => {
    const tree = parseMarkdown(
      'See https://x.org and www.y.org.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~[^1]\n\n[^1]: note\n\n- [x] done\n',
    );
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'table', 'paragraph', 'footnoteDefinition', 'list']);
    expect(tree.children[0]).toMatchObject({ children: [{ type: 'text', value: 'See https://x.org and www.y.org.' }] });
    expect(tree.children[2]).toMatchObject({ children: [{ type: 'delete' }, { type: 'footnoteReference' }] });
    expect(tree.children[4]).toMatchObject({ children: [{ checked: true }] });
  });

  it('reads git blame --line-porcelain, commits once, lines by their final number', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const header = (sha: string, author: string, time: number, tz: string) =>
      `author ${author}\nauthor-mail <x@y>\nauthor-time ${time}\nauthor-tz ${tz}\ncommitter C\ncommitter-mail <c@y>\ncommitter-time ${time + 60}\ncommitter-tz +0000\nsummary s\nfilename old name.md\n`;
    const out =
      `${b} 1 2 1\n${header(b, 'Bob', 1_700_000_000, '-0130')}\tsecond\n` +
      `${a} 1 1 1\n${header(a, '陈', 1_600_000_000, '+0800')}\tfirst\n` +
      `${b} 2 3 1\n${header(b, 'Bob', 1_700_000_000, '-0130')}\t\tthird, with a tab\n`;
    const table = createCommitTable();
    expect(parseLinePorcelain(out, table)).toEqual([1, 0, 0]);
    expect(table.commits).toEqual([
      { sha: b, author: 'Bob', date: '2023-11-14T20:43:20-01:30', time: 1_700_000_060 },
      { sha: a, author: '陈', date: '2020-09-13T20:26:40+08:00', time: 1_600_000_060 },
    ]);
  });

  it('reads sources.yml with string shorthand and roles, and says what is wrong', () => {
    expect(parseSources('title: { zh: 标题 }\nfiles:\n  - a.md\n  - { path: b.md, role: terms }\n')).toEqual({
      files: [
        { path: 'a.md', role: 'clauses' },
        { path: 'b.md', role: 'terms' },
      ],
      titleZh: '标题',
      titleEn: undefined,
    });
    expect(() => parseSources('files: []\n')).toThrow(SourcesError);
    expect(() => parseSources('files: []\n')).toThrow(/list at least one file/);
    expect(() => parseSources(': : :\n- [')).toThrow(/it is not YAML/);
  });

  it('names projects from clone URLs and paths', () => {
    expect(projectNameFromUrl('git@github.com:acme/widgets.git')).toBe('acme/widgets');
    expect(projectNameFromUrl('https://github.example.com/acme/widgets')).toBe('acme/widgets');
    expect(projectNameFromUrl('ssh://git@host:22/acme/widgets.git')).toBe('acme/widgets');
    expect(projectNameFromUrl('/srv/git/widgets.git')).toBe('widgets');
    expect(projectNameFromUrl('file:///srv/git/widgets.git')).toBe('widgets');
  });
});
