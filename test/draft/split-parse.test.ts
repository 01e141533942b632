import { describe, expect, it } from 'vitest';
import { appendAll } from '../../content/draft/append-all.ts';
import { PARSE_CHUNK_CHARS } from '../../content/draft/draft-limits.ts';
import { findSplitPoints } from '../../content/draft/find-split-points.ts';
import { generateDraft, prepareSpec } from '../../content/draft/generate-draft.ts';
import { parseMarkdown } from '../../content/draft/parse-markdown.ts';
import { makeInput } from './make-input.ts';

// Every construct a cut must not break: front matter and fences holding blank lines, HTML blocks of kinds 2
// and 1, loose lists with fenced code, lazy quote lines, tables, indented code, footnotes with continuations,
// references and footnotes used before (and far from) their definitions, a label broken over lines, a fake
// definition inside code (the guess of defined labels is wrong twice: the parse is redone), thematic breaks that
// would read as front matter at the start of a piece, an unclosed fence.
const section = (n: number): string => `## Section ${n} [see ${n}][late] and [^fn]

The peer MUST send [the frame][late] and ![logo][pic] and [shortcut], see [Section ${n}](#section-${n}).

\`\`\`js
const a = ${n};

// a blank line above: no cut here
[fake${n}]: /not-a-definition
\`\`\`

<!--
comment ${n}

still a comment
-->

- item one of ${n}

  continued item

- item two
  \`\`\`
  fence in a list

  still fence
  \`\`\`

> quote ${n}

> another quote
continues lazily

| field | rule |
| ----- | ---- |
| [x][late] | [^fn] REQUIRED |

    indented code ${n}

    more indented code

<pre>
pre block ${n}

still pre
</pre>

1. ordered ${n}

2. ordered two

Setext ${n}
==========

---

A thematic break above and below: a piece starting with one must not read front matter.

---

text with a note[^fn2] and <b>html</b>.

`;

const tail = `[^fn]: Footnote one.

    Footnote continued.

[^fn2]: Footnote two.

~~~~
tilde fence

~~~
still tilde
~~~~

[late]: https://example.org/late "Late"
[pic]: https://example.org/pic.png
[shortcut]: /short
[  Multi
  Line  ]: /multi

Use [multi line] at the end, and [late] again, and [not defined].

\`\`\`
unclosed fence to the end

[fake]: /fake
`;

const tricky = (sections: number, eol = '\n'): string =>
  `---\ntitle: Tricky\n\ndescription: a blank line in front matter\n---\n# Tricky spec\n\n${Array.from(
    { length: sections },
    (_, i) => section(i + 1),
  ).join('')}${tail}`.replace(/\n/g, eol);

describe('parsing a large file in pieces', () => {
  it('proposes cuts only after a blank line, before a line in column 1 that opens no container', () => {
    expect(findSplitPoints('# A\n\ntext\n- item\n\n  more\n\n## B\n')).toEqual([5, 26]);
    expect(findSplitPoints('- a\n\n- b\n\n> c\n\n1. d\n\n\tcode\n\n    code\n\ne\n')).toEqual([38]);
    // Nothing inside front matter, even after a blank line in its YAML.
    expect(findSplitPoints('---\na: 1\n\nb: 2\n---\n\nbody\n')).toEqual([20]);
    // Without a closing fence the first line is a thematic break, not front matter.
    expect(findSplitPoints('---\na: 1\n\nb: 2\n')).toEqual([10]);
    // Nor before `---`: a piece starting with it would read front matter up to the next `---`.
    expect(findSplitPoints('a\n\n---\n\nb\n\n+++\n')).toEqual([8]);
  });

  it('gives exactly the tree of one parse, positions included, for any piece size and line ending', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = tricky(6, eol);
      const whole = parseMarkdown(text, { chunkChars: Number.POSITIVE_INFINITY });
      expect(whole.children.filter((n) => n.type === 'definition')).toHaveLength(4);
      for (const chunkChars of [1, 64, 500, 2_000, 5_000]) {
        expect(parseMarkdown(text, { chunkChars }), `${JSON.stringify(eol)} ${chunkChars}`).toEqual(whole);
      }
    }
  });

  it('generates the same draft and manifest from a file parsed in pieces as from one parse', () => {
    const text = tricky(8);
    const input = makeInput([{ text, path: 'docs/tricky.md' }]);
    const whole = generateDraft(input, [
      prepareSpec(text, 0, true, 'docs/tricky.md', { chunkChars: Number.POSITIVE_INFINITY }),
    ]);
    const pieces = generateDraft(input, [prepareSpec(text, 0, true, 'docs/tricky.md', { chunkChars: 700 })]);
    expect(pieces.markdown).toBe(whole.markdown);
    expect(pieces.manifest).toEqual(whole.manifest);
    // References resolved across pieces: the draft links to the definitions at the end of the file.
    expect(whole.markdown).toContain('[the frame](https://example.org/late "Late")');
    expect(whole.manifest.clauses.length).toBeGreaterThan(100);
  });

  it('keeps exact source lines and permalinks for blocks after the cuts, with the default piece size', () => {
    const text = tricky(160);
    expect(text.length).toBeGreaterThan(5 * PARSE_CHUNK_CHARS);
    const lines = text.split('\n');
    const result = generateDraft(makeInput([{ text, path: 'docs/tricky.md' }]));
    const base = `https://github.com/acme/widgets/blob/${'1'.repeat(40)}/docs/tricky.md`;
    // Section 150 sits well past the fifth cut: its heading, a paragraph and a table, line by line.
    const headingLine = lines.indexOf('## Section 150 [see 150][late] and [^fn]') + 1;
    expect(headingLine).toBeGreaterThan(8_000);
    const byText = (start: string) => result.manifest.clauses.find((c) => c.sourceText.startsWith(start))!;
    expect(byText('## Section 150 ').origin).toMatchObject({
      startLine: headingLine,
      endLine: headingLine,
      permalink: `${base}#L${headingLine}-L${headingLine}`,
    });
    expect(
      byText('The peer MUST send [the frame][late] and ![logo][pic] and [shortcut], see [Section 150]').origin,
    ).toMatchObject({ startLine: headingLine + 2, endLine: headingLine + 2 });
    const table = lines.indexOf('| field | rule |', headingLine) + 1;
    const tableClause = result.manifest.clauses.filter((c) => c.kind === 'table')[149]!;
    expect(tableClause.origin).toMatchObject({
      startLine: table,
      endLine: table + 2,
      permalink: `${base}#L${table}-L${table + 2}`,
    });
    // Every block: its source text (whitespace collapsed in the manifest) starts on its first line, ends on its last.
    const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();
    for (const clause of result.manifest.clauses.filter((c) => c.kind !== 'reference')) {
      const { startLine, endLine } = clause.origin;
      const where = `${clause.kind} ${clause.sourceText.slice(0, 40)} at ${startLine}-${endLine}`;
      expect(squash(lines.slice(startLine - 1, endLine).join('\n')), where).toContain(clause.sourceText);
      expect(squash(lines[startLine - 1]!), where).toContain(clause.sourceText.split(' ')[0]);
      expect(squash(lines[endLine - 1]!), where).toContain(clause.sourceText.split(' ').pop());
    }
  });

  it('appends more blocks than fit in the arguments of one call (the plan and render of a file of 200,000 paragraphs)', () => {
    const blocks = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [0].push(...blocks)).toThrow(RangeError);
    const all = appendAll([-1], blocks, [7]);
    expect(all).toHaveLength(1_000_002);
    expect([all[0], all[1], all[1_000_000], all[1_000_001]]).toEqual([-1, 0, 999_999, 7]);
  });

  it('reads an unclosed fence on the first line as a thematic break, with the lists and quotes after it', () => {
    // micromark-extension-frontmatter's failed attempt used to turn every later list and quote into a paragraph.
    const text = `---\nnot: front matter\n\n1. first\n2. second\n\n> quoted\n\n[^n]: note\n\nSee [^n].\n`;
    const tree = parseMarkdown(text);
    expect(tree.children.map((n) => n.type)).toEqual([
      'thematicBreak',
      'paragraph',
      'list',
      'blockquote',
      'footnoteDefinition',
      'paragraph',
    ]);
    expect(parseMarkdown(text, { chunkChars: 1 })).toEqual(tree);
    expect(parseMarkdown(`---\ntitle: x\n---\n\n- a\n`).children.map((n) => n.type)).toEqual(['yaml', 'list']);
  });

  it('gives the tree of one parse for random documents of tricky blocks (deterministic)', () => {
    let seed = 42;
    const rand = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const inline = [
      'a',
      '*em*',
      '`c`',
      '[r]',
      '[t][r1]',
      '[^n1]',
      '![i][r2]',
      '<b>x</b>',
      '[x](#y)',
      '\\[e]',
      '[Multi label]',
    ];
    const line = (): string => Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(inline)).join(' ');
    const blocks: (() => string)[] = [
      () => line(),
      () => `# ${line()}`,
      () => `${line()}\n===`,
      () => `${line()}\n---`,
      () => `- ${line()}\n\n  ${line()}\n- b`,
      () => `3) ${line()}`,
      () => `- a\n  - b\n    - ${line()}`,
      () => `> ${line()}\n${line()}`,
      () => '```\ncode\n\n[r3]: /in-code\n```',
      () => '```\nunclosed\n\nmore',
      () => '  ```\n  list-like fence\n\n  x\n  ```',
      () => '    indented\n\n    code',
      () => '<!--\nc\n\nc\n-->',
      () => '<script>\nvar a;\n\nb\n</script>',
      () => '<div>\n\n*x*\n</div>',
      () => `| a | b |\n| - | - |\n| ${line()} | 2 |`,
      () => pick(['---', '***', '+++', '* * *', '===']),
      () => pick(['[r1]: https://r1.example', '[r2]: /i.png "t"', '[Multi\nlabel]: /m', '- [r4]: /in-list']),
      () => `[^n1]: note ${line()}\n\n    more`,
      () => '\tTab start',
    ];
    for (let doc = 0; doc < 60; doc++) {
      const parts = rand() < 0.3 ? [pick(['---\nt: x\n\ny: 2\n---', '+++\na = 1\n+++', '---\nunclosed: 1'])] : [];
      for (let i = 0; i < 5 + Math.floor(rand() * 30); i++) parts.push(pick(blocks)());
      const text = parts.join(pick(['\n\n', '\n', '\n\n\n'])).replace(/\n/g, pick(['\n', '\n', '\r\n', '\r']));
      const whole = parseMarkdown(text, { chunkChars: Number.POSITIVE_INFINITY });
      for (const chunkChars of [1, 40])
        expect(parseMarkdown(text, { chunkChars }), JSON.stringify(text)).toEqual(whole);
    }
  });
});
