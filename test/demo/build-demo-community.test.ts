import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCommunity } from '../../sync/demo/build/build-demo-community.ts';
import type { DemoProject } from '../../sync/demo/build/demo-project.ts';
import { runGit, type RunGit } from '../../kernel/git/run-git.ts';

const referenceDate = Date.parse('2026-10-01T00:00:00Z');
const day = 86_400_000;
let dirs: string[] = [];
let first: DemoProject[] = [];
let second: DemoProject[] = [];
const gitCalls: (readonly string[])[] = [];

// Records every git invocation so the test can prove nothing but local paths and file:// URLs were used.
const recordingRunGit: RunGit = (args, options) => {
  gitCalls.push(args);
  return runGit(args, options);
};

async function git(project: DemoProject, args: string[]): Promise<string> {
  const result = await runGit(args, { cwd: project.gitDir });
  return result.stdout.toString('utf8').trim();
}

function byName(projects: DemoProject[], repo: string): DemoProject {
  const project = projects.find((p) => p.repo === repo);
  if (!project) throw new Error(`demo project ${repo} is missing`);
  return project;
}

beforeAll(async () => {
  dirs = await Promise.all([1, 2].map((n) => mkdtemp(join(tmpdir(), `magnolia-demo-${n}-`))));
  first = await buildDemoCommunity(dirs[0]!, { runGit: recordingRunGit });
  second = await buildDemoCommunity(dirs[1]!);
});

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('buildDemoCommunity', () => {
  it('builds at least seven projects in several domains with every intended maturity', () => {
    expect(first.length).toBeGreaterThanOrEqual(7);
    expect(new Set(first.map((p) => p.domain)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(first.map((p) => p.intendedMaturity))).toEqual(
      new Set(['mature', 'incubating', 'sandbox', 'archived']),
    );
    for (const p of first) {
      expect(p.gitDir).toBe(join(dirs[0]!, p.owner, `${p.repo}.git`));
      expect(p.domainNames.zh.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic: two builds give identical refs, metadata and SHAs', async () => {
    for (const [a, b] of first.map((p, i) => [p, second[i]!] as const)) {
      expect(b.headSha).toBe(a.headSha);
      expect(b.tags).toEqual(a.tags);
      expect(await git(b, ['for-each-ref', '--format=%(refname) %(objectname)'])).toBe(
        await git(a, ['for-each-ref', '--format=%(refname) %(objectname)']),
      );
      const { gitDir: _a, cloneUrl: _ca, ...restA } = a;
      const { gitDir: _b, cloneUrl: _cb, ...restB } = b;
      expect(restB).toEqual(restA);
    }
  });

  it('gives every project at least 20 commits by at least 3 authors over at least 2 months', async () => {
    for (const p of first) {
      const log = (await git(p, ['log', '--format=%aE %at', p.repository.default_branch])).split('\n');
      const authors = new Set(log.map((line) => line.split(' ')[0]));
      const times = log.map((line) => Number(line.split(' ')[1]) * 1000);
      expect(log.length, p.repo).toBeGreaterThanOrEqual(20);
      expect(authors.size, p.repo).toBeGreaterThanOrEqual(3);
      expect(Math.max(...times) - Math.min(...times), p.repo).toBeGreaterThanOrEqual(59 * day);
      expect(Math.max(...times), p.repo).toBeLessThan(referenceDate);
      expect(await git(p, ['rev-parse', 'HEAD']), p.repo).toBe(p.headSha);
    }
  });

  it('covers the age edges: several projects over a year old, one younger than 90 days, one archived', async () => {
    const firstCommit = async (p: DemoProject): Promise<number> =>
      Number((await git(p, ['log', '--reverse', '--format=%at', p.headSha])).split('\n')[0]) * 1000;
    const ages = await Promise.all(first.map(async (p) => referenceDate - (await firstCommit(p))));
    expect(ages.filter((age) => age > 365 * day).length).toBeGreaterThanOrEqual(3);
    expect(ages.filter((age) => age < 90 * day).length).toBe(1);
    const archived = first.filter((p) => p.repository.archived);
    expect(archived.map((p) => p.intendedMaturity)).toEqual(['archived']);
  });

  it('publishes releases only for tags that exist in git, dated by the tagged commit', async () => {
    for (const p of first) {
      for (const release of p.releases) {
        expect(p.tags, `${p.repo} ${release.tag_name}`).toContain(release.tag_name);
        const committed = Number(await git(p, ['log', '-1', '--format=%ct', `${release.tag_name}^{commit}`])) * 1000;
        expect(Date.parse(release.created_at)).toBe(committed);
      }
    }
    expect(byName(first, 'nimbus-placement').releases.length).toBeGreaterThanOrEqual(6);
    expect(byName(first, 'modelcard-cn').releases).toEqual([]);
    const tableTags = byName(first, 'tablestream').tags;
    expect(tableTags).toContain('spec-1.0');
  });

  it('keeps contributors consistent with the default branch history', async () => {
    for (const p of first) {
      const count = Number(await git(p, ['rev-list', '--count', p.headSha]));
      expect(
        p.contributors.reduce((sum, c) => sum + c.contributions, 0),
        p.repo,
      ).toBe(count);
    }
    expect(byName(first, 'nimbus-placement').contributors.some((c) => c.type === 'Bot')).toBe(true);
  });

  it('carries normative specifications with BCP 14 keywords, in English and in Chinese', async () => {
    const nimbus = byName(first, 'nimbus-placement');
    const spec = await git(nimbus, ['show', `${nimbus.headSha}:spec/placement.md`]);
    expect(spec).toMatch(/BCP 14/);
    for (const keyword of ['MUST', 'MUST NOT', 'SHOULD', 'SHOULD NOT', 'MAY']) expect(spec).toContain(` ${keyword} `);
    expect(spec).toMatch(/^#### 5\.2\.1 /m);
    const zh = byName(first, 'idlink-resolver');
    expect(await git(zh, ['show', `${zh.headSha}:spec/resolution-protocol.md`])).toMatch(/必须（MUST）/);
    // Spec lines are changed later by people other than the first author.
    const specAuthors = await git(nimbus, ['log', '--format=%an', nimbus.headSha, '--', 'spec/placement.md']);
    expect(new Set(specAuthors.split('\n')).size).toBeGreaterThanOrEqual(4);
  });

  it('follows the renamed spec file of the monorepo with git log --follow', async () => {
    const table = byName(first, 'tablestream');
    const path = 'spec/tablestream-format.md';
    const followed = (await git(table, ['log', '--follow', '--format=%H', table.headSha, '--', path])).split('\n');
    const plain = (await git(table, ['log', '--format=%H', table.headSha, '--', path])).split('\n');
    const root = await git(table, ['rev-list', '--max-parents=0', table.headSha]);
    expect(followed.length).toBeGreaterThan(plain.length);
    expect(followed).toContain(root);
    expect(await git(table, ['log', '--follow', '--name-status', '--format=', table.headSha, '--', path])).toMatch(
      /^R\d+\tspec\/format\.md\tspec\/tablestream-format\.md$/m,
    );
  });

  it('merges two addresses through .mailmap and signs off every commit of the DCO project', async () => {
    const zh = byName(first, 'idlink-resolver');
    const raw = new Set((await git(zh, ['log', '--no-use-mailmap', '--format=%ae', zh.headSha])).split('\n'));
    const mapped = new Set((await git(zh, ['log', '--use-mailmap', '--format=%aE', zh.headSha])).split('\n'));
    expect(raw.has('wanglei.dev@163.com')).toBe(true);
    expect(mapped.has('wanglei.dev@163.com')).toBe(false);
    expect(mapped.size).toBe(raw.size - 1);

    const nimbus = byName(first, 'nimbus-placement');
    const commits = (await git(nimbus, ['log', '--format=%H', nimbus.headSha])).split('\n');
    const signed = (await git(nimbus, ['log', '--format=%(trailers:key=Signed-off-by,valueonly)%x00', nimbus.headSha]))
      .split('\0')
      .filter((entry) => entry.trim() !== '');
    expect(signed.length).toBe(commits.length);
  });

  it('lists two implementations and a conformance suite for the mature projects', async () => {
    const nimbus = byName(first, 'nimbus-placement');
    const implementations = await git(nimbus, ['show', `${nimbus.headSha}:IMPLEMENTATIONS.md`]);
    expect(implementations.split('\n').filter((line) => line.startsWith('| [')).length).toBeGreaterThanOrEqual(2);
    const tree = await git(nimbus, ['ls-tree', '-r', '--name-only', nimbus.headSha, 'conformance/']);
    expect(tree.split('\n').length).toBeGreaterThanOrEqual(3);
  });

  it('generates issues and pull requests with one number sequence and consistent times', () => {
    for (const p of first) {
      const items = [...p.issues, ...p.pullRequests];
      const numbers = items.map((i) => i.number).sort((a, b) => a - b);
      expect(numbers, p.repo).toEqual(numbers.map((_, i) => i + 1));
      expect(p.repository.open_issues_count).toBe(items.filter((i) => i.state === 'open').length);
      for (const item of items) {
        const created = Date.parse(item.created_at);
        if (item.closed_at) expect(Date.parse(item.closed_at)).toBeGreaterThanOrEqual(created);
        for (const comment of item.comment_list) expect(Date.parse(comment.created_at)).toBeGreaterThan(created);
      }
      for (const pull of p.pullRequests) {
        if (pull.merged_at) expect(pull.merged_by).not.toBeNull();
        for (const review of pull.reviews) expect(review.user.login).not.toBe(pull.user.login);
      }
    }
    const mature = byName(first, 'nimbus-placement');
    expect(mature.pullRequests.some((pr) => pr.user.login === 'dependabot[bot]')).toBe(true);
    expect(mature.pullRequests.filter((pr) => pr.check_runs.length > 0).length).toBeGreaterThan(
      mature.pullRequests.length * 0.9,
    );
  });

  it('uses only local paths and file:// URLs', () => {
    for (const p of first) expect(p.cloneUrl).toBe(`file://${p.gitDir}`);
    const urls = gitCalls.flat().filter((arg) => /^[a-z+]+:\/\//i.test(arg) || /^[\w.-]+@[\w.-]+:/.test(arg));
    expect(urls).toEqual([]);
  });
});
