import { describe, expect, it } from 'vitest';
import type { LintIssue, LintRule } from '../../content/draft/draft-types.ts';
import { generateDraft } from '../../content/draft/generate-draft.ts';
import { makeInput } from './make-input.ts';

const lintOf = (text: string, rule: LintRule): LintIssue[] =>
  generateDraft(makeInput([{ text, path: 'spec.md' }])).lint.filter((l) => l.rule === rule);
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('lint rules', () => {
  it('requirement-in-informative: notes, examples, informative annexes, definitions', () => {
    const text =
      '# S\n\n## A\n\nFine text.[^1]\n\n> Note: servers MUST cache.\n\nExample: a client SHOULD retry.\n\n[^1]: Footnotes MUST NOT require.\n\n## B\n\nOther.\n\n## Terminology\n\n- **Frame**: a unit that MUST be small.\n\n## Appendix A: Hints\n\nHints MAY help.\n';
    const issues = lintOf(text, 'requirement-in-informative');
    expect(new Set(issues.map((i) => i.line))).toEqual(
      new Set([
        lineOf(text, 'servers MUST'),
        lineOf(text, 'client SHOULD'),
        lineOf(text, 'Footnotes MUST'),
        lineOf(text, 'Hints MAY'),
        lineOf(text, 'Frame'),
      ]),
    );
    expect(issues.every((i) => i.path === 'spec.md' && i.clauseId?.startsWith('c-'))).toBe(true);
    const result = generateDraft(makeInput([{ text }]));
    expect(result.manifest.requirements).toHaveLength(0);
  });

  it('requirements in the introduction are moved out of it, into clause 4 General', () => {
    const result = generateDraft(
      makeInput(
        [{ text: '# S\n\nThis spec is about frames.\n\nImplementations MUST support frames.\n\n## Wire\n\nBytes.\n' }],
        { provenance: 'body' },
      ),
    );
    const intro = result.markdown.slice(
      result.markdown.indexOf('## Introduction'),
      result.markdown.indexOf('## 1 Scope'),
    );
    expect(intro).toContain('This spec is about frames.');
    expect(intro).not.toContain('support frames');
    expect(result.markdown).toMatch(/## 4 General\n\nImplementations shall support frames\./);
    expect(result.markdown).toContain('## 5 Wire');
    expect(result.manifest.requirements[0]!.id).toBe('R-4-1');
  });

  it('hanging-paragraph: text before subclauses', () => {
    const text = '# S\n\n## A\n\nHanging text.\n\n### A1\n\nx\n\n### A2\n\ny\n\n## B\n\n### B1\n\nz\n\n### B2\n\nw\n';
    const issues = lintOf(text, 'hanging-paragraph');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.line).toBe(lineOf(text, '## A'));
    expect(issues[0]!.message).toContain('4 has text before its subclauses');
  });

  it('lone-subclause: a clause with a single subclause', () => {
    const text = '# S\n\n## A\n\n### Only child\n\nx\n\n## B\n\n### B1\n\ny\n\n### B2\n\nz\n';
    const issues = lintOf(text, 'lone-subclause');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('4 has a single subclause 4.1');
  });

  it('depth-over-five: deeper levels are flattened into the fifth and reported', () => {
    const five = '# S\n\n## L1\n\n### L2\n\n#### L3\n\n##### L4\n\n###### L5\n\nfive\n';
    expect(lintOf(five, 'depth-over-five')).toHaveLength(0);
    // Markdown has six heading levels; with a title heading taken, a spec reaches depth six when its
    // top level is `#` repeated (two `#` headings, so neither is the title). Each level has a second subclause,
    // since a lone subclause is merged into its parent (issue 11, item 6).
    const six =
      '# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F\n\nsix deep\n\n##### E2\n\ne2\n\n#### D2\n\nd2\n\n### C2\n\nc2\n\n## B2\n\nb2\n\n# Z\n\nz\n';
    const issues = lintOf(six, 'depth-over-five');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.line).toBe(lineOf(six, '###### F'));
    const md = generateDraft(makeInput([{ text: six }])).markdown;
    expect(md).toContain('###### 4.1.1.1.1 E');
    expect(md).toContain('**F**');
    expect(md).toContain('six deep');
  });

  it('unresolved-link: anchors and files that do not resolve; resolved ones point into the draft', () => {
    const text =
      '# S\n\n## Frames\n\nSee [frames](#frames), [other](other.md#wire), [gone](#gone), [up](../../outside.md) and [schema](schema.json).\n\n## B\n\nx\n';
    // Two subclauses: a lone one would be merged into "6 Other" (issue 11, item 6).
    const other = '# Other\n\n## Wire\n\nBytes.\n\n## Framing\n\nFrames.\n';
    const result = generateDraft(
      makeInput(
        [
          { text, path: 'docs/spec.md' },
          { text: other, path: 'docs/other.md' },
        ],
        // Headings keep GitHub's anchors in body mode (annex mode anchors them by clause ID: provenance-modes.test.ts).
        { provenance: 'body' },
      ),
    );
    const issues = result.lint.filter((l) => l.rule === 'unresolved-link');
    expect(issues.map((i) => i.message.match(/"([^"]+)"/)![1])).toEqual(['#gone', '../../outside.md']);
    expect(result.markdown).toContain('[frames](#4-frames)');
    expect(result.markdown).toContain('[other](#61-wire)');
    expect(result.markdown).toContain(
      `[schema](https://github.com/acme/widgets/blob/${'1'.repeat(40)}/docs/schema.json)`,
    );
  });

  it('duplicate-term: the same term defined twice', () => {
    const text =
      '# S\n\n## Terms and definitions\n\n- **Frame**: one.\n- **Stream**: two.\n- **frame**: three.\n\n## A\n\nx\n';
    const issues = lintOf(text, 'duplicate-term');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe('Term "frame" is defined in 3.1 and again in 3.3: keep one definition.');
  });
});
