import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_HEADINGS_PER_FILE,
  MAX_NESTING_DEPTH,
  MAX_SPEC_FILE_BYTES,
  MAX_SPEC_SET_BYTES,
} from '../../content/draft/draft-limits.ts';
import { generateDraft } from '../../content/draft/generate-draft.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { runCli } from '../support/run-cli.ts';
import { ALICE, createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';
import { makeInput } from './make-input.ts';

/** The DomainError `generateDraft` throws for one spec file (and never a RangeError). */
function refusal(text: string, path = 'docs/spec.md'): DomainError {
  try {
    generateDraft(makeInput([{ text, path }]));
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the draft was generated');
}

const quote = (levels: number): string => `# T\n\n## A\n\n${'>'.repeat(levels)} deep\n`;
const list = (levels: number): string =>
  `# T\n\n## A\n\n${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')}\n`;

describe('limits of the draft generator', () => {
  it('refuses a 20,000-level block quote naming the file, the line and the limit, without overflowing the stack', () => {
    const error = refusal(quote(20_000));
    expect(error).toMatchObject({ kind: 'invalid', code: 'spec_too_deep' });
    expect(error.message).toBe(
      `docs/spec.md:5: block quotes, lists, emphasis or links are nested 20000 levels deep here; at most ${MAX_NESTING_DEPTH} are read: flatten the nesting`,
    );
    expect(error.params).toEqual({ path: 'docs/spec.md', line: 5, depth: 20_000, limit: MAX_NESTING_DEPTH });
    // Exactly at the limit is fine.
    expect(generateDraft(makeInput([{ text: quote(MAX_NESTING_DEPTH) }])).manifest.clauses.length).toBeGreaterThan(0);
  });

  it('refuses deeply nested lists, links and emphasis before parsing them (micromark slows down past cubically)', () => {
    expect(refusal(list(2_000)).message).toMatch(/^docs\/spec\.md:37: .* nested 33 levels deep here; at most 32/);
    expect(generateDraft(makeInput([{ text: list(MAX_NESTING_DEPTH) }])).markdown).toContain('level 32');
    expect(refusal(`# T\n\n${'!['.repeat(20_000)}a${'](u)'.repeat(20_000)}\n`).message).toMatch(
      /^docs\/spec\.md:3: .* nested 20000 levels deep/,
    );
    expect(refusal(`# T\n\n${'*'.repeat(20_000)}a${'*'.repeat(20_000)}\n`).message).toMatch(
      /:3: .* nested 10000 levels/,
    );
    expect(refusal(`# T\n\n${'*_'.repeat(10_000)}a${'_*'.repeat(10_000)}\n`).message).toMatch(
      /:3: .* nested 10000 levels/,
    );
    // Fill-in blanks are no emphasis, and code is not read for nesting.
    const blanks = `# T\n\n## A\n\nName: ${'_'.repeat(200)} Date: ${'_'.repeat(200)}\n\n\`\`\`\n${'>'.repeat(100)}\n\`\`\`\n`;
    expect(generateDraft(makeInput([{ text: blanks }])).manifest.clauses).toHaveLength(3);
  });

  it('checks the parsed tree too, for nesting the text scan cannot see', () => {
    // Emphasis nested one marker at a time, with words between: only the parse shows 40 levels.
    const words = Array.from({ length: 40 }, (_, i) => `${i % 2 ? '_' : '*'}w${i}`).join(' ');
    const closing = Array.from({ length: 40 }, (_, i) => `x${39 - i}${(39 - i) % 2 ? '_' : '*'}`).join(' ');
    const error = refusal(`# T\n\n## A\n\nText ${words} ${closing}.\n`);
    expect(error.code).toBe('spec_too_deep');
    expect(error.message).toMatch(/^docs\/spec\.md:5: .* nested 33 levels deep here; at most 32 are read/);
  });

  it('refuses a spec file larger than the limit, and a spec set larger than its limit', () => {
    const big = refusal('a'.repeat(MAX_SPEC_FILE_BYTES + 1), 'big.md');
    expect(big).toMatchObject({ kind: 'too-large', code: 'spec_file_too_large' });
    expect(big.message).toBe(
      'big.md is 8.0 MiB; a spec file may be at most 8.0 MiB: split it into several files and list them in draft order (or in a sources.yml)',
    );
    // Multi-byte text counts in bytes: 3 bytes a character.
    expect(refusal('规'.repeat(MAX_SPEC_FILE_BYTES / 3 + 1), 'zh.md').message).toMatch(/^zh\.md is 8\.0 MiB/);
    const part = 'a'.repeat(MAX_SPEC_FILE_BYTES - 1);
    const files = Array.from({ length: Math.ceil(MAX_SPEC_SET_BYTES / part.length) + 1 }, (_, i) => ({
      path: `part-${i}.md`,
      text: part,
    }));
    let error: unknown;
    try {
      generateDraft(makeInput(files));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ kind: 'too-large', code: 'spec_set_too_large' });
    expect((error as Error).message).toBe(
      'the 4 spec files come to 32.0 MiB; one draft reads at most 16.0 MiB: leave out files that are not part of the standard, or draft it in parts',
    );
  });

  it('refuses a file with more headings than the limit, naming the first one past it', () => {
    const text = `# T\n\n${Array.from({ length: MAX_HEADINGS_PER_FILE + 1 }, (_, i) => `## H${i}\n`).join('\n')}`;
    const error = refusal(text);
    expect(error).toMatchObject({ kind: 'too-large', code: 'spec_too_many_headings' });
    expect(error.message).toBe(
      `docs/spec.md has ${MAX_HEADINGS_PER_FILE + 2} headings (line ${2 * MAX_HEADINGS_PER_FILE + 1} is heading ${MAX_HEADINGS_PER_FILE + 1}); a spec file may have at most ${MAX_HEADINGS_PER_FILE}: split it into several files`,
    );
  });

  it('refuses a draft date that is no day of the calendar', () => {
    expect(() => generateDraft(makeInput([{ text: '# T\n' }], { date: '2025-02-30' }))).toThrow(
      'the draft date "2025-02-30" is not a date: February 2025 has 28 days: give a date such as 2025-01-31',
    );
  });
});

describe('magnolia draft past a limit', () => {
  let repo: FixtureRepo;
  beforeAll(async () => {
    repo = await createFixtureRepo();
    await repo.write('DEEP.md', quote(20_000));
    await repo.commit(ALICE, '2024-01-01T00:00:00Z', 'deep');
  });
  afterAll(() => repo.remove());

  it('prints what is wrong and what to do, exit code 1, no stack trace', async () => {
    const run = await runCli(['draft', '--repo', repo.dir, '--ref', 'main', 'DEEP.md'], {}, repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'magnolia: DEEP.md:5: block quotes, lists, emphasis or links are nested 20000 levels deep here; at most 32 are read: flatten the nesting\n',
    );
  });
});
