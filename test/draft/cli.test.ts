import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { ALICE, BOB, createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';
import { draft } from './run-draft-command.ts';

describe('magnolia draft (CLI)', () => {
  let repo: FixtureRepo;
  let work: string;

  beforeAll(async () => {
    repo = await createFixtureRepo();
    work = await mkdtemp(path.join(tmpdir(), 'magnolia-draft-cli-'));
    await repo.write(
      'SPEC.md',
      '# Widget Protocol\n\n## Wire\n\nA peer MUST send frames.\n\nOld text may vary.\n\n## Frames\n\nFrames SHOULD be small.\n',
    );
    await repo.write('docs/terms.md', '# Terms\n\n- **Frame**: a unit.\n');
    await repo.write('image.png', 'not really');
    await repo.commit(ALICE, '2024-01-01T00:00:00Z', 'first');
    await repo.git('tag', 'v1');
    await repo.write(
      'sources.yml',
      'title:\n  en: Widgets\n  zh: 小部件\nproposer: 开放标准协会\ncommittee: 开放标准协会标准化委员会\ndraftingUnits: [甲公司, 乙研究院]\ndrafters: [刘一, 王二]\nics: "35.240.60"\nccs: L67\nfiles:\n  - SPEC.md\n  - path: docs/terms.md\n    role: terms\n',
    );
    await repo.commit(BOB, '2024-02-01T00:00:00Z', 'sources');
  });
  afterAll(async () => {
    await repo.remove();
    await rm(work, { recursive: true, force: true });
  });

  // The committee's data, so that the lint report holds only what the spec itself causes.
  const COMMITTEE = [
    '--proposer',
    'Open Standards Association',
    '--committee',
    'OSA/TC 1',
    '--drafting-unit',
    'Acme',
    '--drafter',
    'Alice Liu',
    '--ics',
    '35.240.60',
    '--ccs',
    'L67',
  ];

  it('prints the draft to stdout and the lint report to stderr', async () => {
    const { code, stdout, stderr } = await draft(
      [
        '--repo',
        repo.dir,
        '--ref',
        'v1',
        '--lang',
        'en',
        '--date',
        '2025-03-01',
        '--name',
        'acme/widgets',
        ...COMMITTEE,
        'SPEC.md',
      ],
      work,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^---\nstandard:/);
    expect(stdout).toContain('## 4 Wire');
    expect(stdout).toContain('A peer shall send frames.');
    expect(stdout).toContain('date: 2025-03-01');
    expect(stderr).toContain('lint: SPEC.md:7 [ambiguous-keyword]');
    expect(stderr).toMatch(/draft: [\d,]+ clauses, 2 requirements, 1 lint issue from 1 file at [0-9a-f]{12}/);
    expect(stdout).toContain('https://github.com/acme/widgets/blob/');
  });

  it('refuses a repository without an origin remote and without --name, instead of guessing the project', async () => {
    // Before issue 11 the folder name became the project: https://github.com/<folder>/blob/… points nowhere.
    const { code, stdout, stderr } = await draft(['--repo', repo.dir, '--ref', 'v1', 'SPEC.md'], work);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `${repo.dir} has no origin remote, so the permalinks of the draft cannot be made: pass --name owner/repo`,
    );
  });

  it('writes --out and --manifest files, with --name, --permalink-base and roles from sources.yml in the repo', async () => {
    const { code, stdout } = await draft(
      [
        '--repo',
        repo.dir,
        '--ref',
        'main',
        '--sources',
        'sources.yml',
        '--name',
        'acme/widgets',
        '--permalink-base',
        'https://git.example.org/',
        '--out',
        'draft.md',
        '--manifest',
        'provenance.json',
      ],
      work,
    );
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const markdown = await readFile(path.join(work, 'draft.md'), 'utf8');
    expect(markdown).toContain('# 小部件');
    expect(markdown).toContain('## 前言');
    expect(markdown).toContain('### 3.1 Frame');
    const manifest = JSON.parse(await readFile(path.join(work, 'provenance.json'), 'utf8')) as DraftManifest;
    const head = (await repo.git('rev-parse', 'main')).trim();
    expect(manifest.source).toMatchObject({ name: 'acme/widgets', commit: head });
    expect(manifest.source.files.map((f) => [f.path, f.role])).toEqual([
      ['SPEC.md', 'clauses'],
      ['docs/terms.md', 'terms'],
    ]);
    expect(manifest.clauses[0]!.origin.permalink.startsWith(`https://git.example.org/acme/widgets/blob/${head}/`)).toBe(
      true,
    );
    expect(manifest.requirements.map((r) => r.id)).toEqual(['R-4-1', 'R-5-1']);
    expect(manifest.lint).toHaveLength(1);
  });

  it('takes the permalink base from GITHUB_URL, and the name from the origin remote', async () => {
    await repo.git('remote', 'add', 'origin', 'https://github.example.com/acme/widgets.git');
    try {
      const { stdout } = await draft(['--repo', repo.dir, '--ref', 'v1', 'SPEC.md'], work, {
        GITHUB_URL: 'https://github.example.com',
      });
      expect(stdout).toContain('https://github.example.com/acme/widgets/blob/');
    } finally {
      await repo.git('remote', 'remove', 'origin');
    }
  });

  it('clones a repository given by URL', async () => {
    const { code, stdout } = await draft(
      // A file:// URL names no owner/repository: --name says which.
      ['--repo', `file://${repo.dir}`, '--ref', 'v1', '--lang', 'en', '--name', 'acme/widgets', 'SPEC.md'],
      work,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('A peer shall send frames.');
  });

  it('says what is wrong: unknown ref, missing path, not Markdown, not a repository, no spec', async () => {
    const cases: [string[], RegExp][] = [
      [['--repo', repo.dir, '--ref', 'v9', 'SPEC.md'], /ref "v9" is not a branch, tag or commit/],
      [['--repo', repo.dir, '--ref', 'v1', 'MISSING.md'], /MISSING\.md does not exist at commit [0-9a-f]{12}/],
      [['--repo', repo.dir, '--ref', 'v1', 'sources.yml'], /sources\.yml is not Markdown/],
      [['--repo', repo.dir, '--ref', 'v1', 'docs'], /docs is not Markdown/],
      [['--repo', work, '--ref', 'v1', 'SPEC.md'], /is not a git repository/],
      [['--repo', path.join(work, 'nope'), '--ref', 'v1', 'SPEC.md'], /does not exist or is not a folder/],
      [['--repo', repo.dir, '--ref', 'v1'], /name at least one spec file/],
      [['--repo', repo.dir, '--ref', 'v1', '--lang', 'fr', 'SPEC.md'], /Allowed choices are zh, en/],
      [
        ['--repo', repo.dir, '--ref', 'v1', '--date', '2025-02-30', 'SPEC.md'],
        /--date "2025-02-30" is not a date: February 2025 has 28 days: give a real calendar date such as 2025-01-31/,
      ],
      [
        ['--repo', repo.dir, '--ref', 'v1', '--date', '2025-13-45', 'SPEC.md'],
        /--date "2025-13-45" is not a date: there is no month 13/,
      ],
      [
        ['--repo', repo.dir, '--ref', 'v1', '--date', '1 March 2025', 'SPEC.md'],
        /--date "1 March 2025" is not a date written YYYY-MM-DD/,
      ],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await draft(args, work);
      expect(code, args.join(' ')).toBe(1);
      expect(stderr, args.join(' ')).toMatch(message);
    }
  });

  it('refuses a sources.yml with an unknown role', async () => {
    await writeFile(path.join(work, 'bad.yml'), 'files:\n  - path: SPEC.md\n    role: preface\n');
    const { code, stderr } = await draft(['--repo', repo.dir, '--ref', 'v1', '--sources', 'bad.yml'], work);
    expect(code).toBe(1);
    expect(stderr).toContain('role must be one of clauses, terms, normative-annex, informative-annex, introduction');
  });
});
