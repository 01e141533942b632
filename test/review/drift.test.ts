// Upstream drift on real git repositories: a revision is built by the real pipeline at a pinned commit, upstream
// pushes, and the drift report says which pinned files changed, which clauses of the revision their lines touch and
// which requirements changed strength.
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftManifest, ManifestClause, SourceRole } from '../../content/draft/draft-types.ts';
import { runGit, type RunGit } from '../../kernel/git/run-git.ts';
import { buildRevision } from '../../sync/proposals/build-revision.ts';
import { detectDrift } from '../../sync/review/drift/detect-drift.ts';
import type { DriftReport } from '../../sync/review/drift/drift-report.ts';
import { parseDiff } from '../../sync/review/drift/parse-diff.ts';
import { ALICE, BOB, CAROL, createFixtureRepo, type FixtureRepo } from '../draft/fixture-repo.ts';

const EN_PATH = 'spec/protocol.md';
const ZH_PATH = 'spec/传输.md';
const EN = [
  '# Protocol',
  '',
  '## Wire',
  '',
  'A peer MUST send frames.',
  'A peer SHOULD retry',
  'after a failure.',
  '',
  '- Frames MUST be signed.',
  '- Frames SHOULD be short.',
  '',
  '## Streams',
  '',
  'Streams MAY be multiplexed.',
  '',
].join('\n');
const ZH = [
  '# 传输',
  '',
  '## 握手',
  '',
  '客户端必须（MUST）发送握手帧。接收方宜（SHOULD）校验签名。',
  '',
  '## 记录',
  '',
  '服务器可（MAY）记录握手结果。',
  '',
].join('\n');
const SOURCES: { path: string; role: SourceRole }[] = [
  { path: EN_PATH, role: 'clauses' },
  { path: ZH_PATH, role: 'clauses' },
];

interface Pinned {
  repo: FixtureRepo;
  commit: string;
  manifest: DraftManifest;
  /** The pinned clause whose source text starts so. */
  clause: (start: string) => ManifestClause;
}

const repos: FixtureRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((r) => r.remove()));
});

/** An upstream with two pinned spec files and two others, and the revision the real pipeline builds at its head. */
async function pinnedRevision(en = EN): Promise<Pinned> {
  const repo = await createFixtureRepo('magnolia-drift-test-');
  repos.push(repo);
  await repo.write(EN_PATH, en);
  await repo.write(ZH_PATH, ZH);
  await repo.write('README.md', '# Protocol\n\nSee spec/.\n');
  await repo.write('docs/notes.md', '# Notes\n\nImplementations SHOULD log.\n');
  const commit = await repo.commit(ALICE, '2024-01-01T00:00:00Z', 'specs');
  const built = await buildRevision({
    mirrorPath: repo.dir,
    ref: commit,
    sources: SOURCES,
    name: 'acme/protocol',
    repositoryUrl: 'https://github.com/acme/protocol',
    titleZh: '协议',
    titleEn: 'Protocol',
    permalinkBase: 'https://github.com',
    date: '2025-01-01',
    cwd: repo.dir,
  });
  const manifest = JSON.parse(built.manifestJson) as DraftManifest;
  const clause = (start: string): ManifestClause => {
    const found = manifest.clauses.find((c) => c.sourceText.startsWith(start));
    if (!found) throw new Error(`no pinned clause starts with ${start}`);
    return found;
  };
  return { repo, commit, manifest, clause };
}

/** Counts the git runs, and what they were. */
function countingGit(): { runGit: RunGit; runs: string[][] } {
  const runs: string[][] = [];
  return {
    runs,
    runGit: (args, options) => {
      runs.push([...args]);
      return runGit(args, options);
    },
  };
}

const drift = (pinned: Pinned, headCommit: string, git: RunGit = runGit): Promise<DriftReport> =>
  detectDrift({
    mirrorPath: pinned.repo.dir,
    pinnedCommit: pinned.commit,
    headCommit,
    sources: SOURCES,
    manifest: pinned.manifest,
    runGit: git,
  });

describe('upstream drift', () => {
  it('reports the clauses a push edits and a SHOULD → MUST and a 宜 → 应 as should → shall', async () => {
    const pinned = await pinnedRevision();
    const { repo } = pinned;
    // The pinned draft, as the pipeline numbered it (the assertions below rely on it).
    expect(pinned.manifest.requirements.map((r) => [r.id, r.form, r.text])).toEqual([
      ['R-4-1', 'shall', 'A peer shall send frames.'],
      ['R-4-2', 'should', 'A peer should retry after a failure.'],
      ['R-4-3', 'shall', 'Frames shall be signed.'],
      ['R-4-4', 'should', 'Frames should be short.'],
      ['R-5-1', 'may', 'Streams may be multiplexed.'],
      ['R-6.1-1', 'shall', '客户端应发送握手帧。'],
      ['R-6.1-2', 'should', '接收方宜校验签名。'],
      ['R-6.2-1', 'may', '服务器可记录握手结果。'],
    ]);
    await repo.write(
      EN_PATH,
      EN.replace('A peer SHOULD retry', 'A peer MUST retry').replace('## Streams', '## Stream'),
    );
    await repo.write(ZH_PATH, ZH.replace('接收方宜（SHOULD）', '接收方应（MUST）'));
    const head = await repo.commit(BOB, '2024-02-01T00:00:00Z', 'stronger');
    const git = countingGit();
    const report = await drift(pinned, head, git.runGit);
    expect(report).toEqual({
      pinnedCommit: pinned.commit,
      headCommit: head,
      drifted: true,
      changedFiles: [
        { path: EN_PATH, status: 'modified', newPath: EN_PATH, linesAdded: 2, linesRemoved: 2 },
        { path: ZH_PATH, status: 'modified', newPath: ZH_PATH, linesAdded: 1, linesRemoved: 1 },
      ],
      clauses: [
        {
          clauseId: pinned.clause('A peer MUST send').id,
          number: '4',
          title: 'Wire',
          path: EN_PATH,
          startLine: 6,
          endLine: 6,
          change: 'edited',
        },
        {
          clauseId: pinned.clause('## Streams').id,
          number: '5',
          title: 'Streams',
          path: EN_PATH,
          startLine: 12,
          endLine: 12,
          change: 'edited',
        },
        {
          clauseId: pinned.clause('客户端').id,
          number: '6.1',
          title: '握手',
          path: ZH_PATH,
          startLine: 5,
          endLine: 5,
          change: 'edited',
        },
      ],
      strengthChanges: [
        {
          requirementId: 'R-4-2',
          clauseId: pinned.clause('A peer MUST send').id,
          from: 'should',
          to: 'shall',
          oldText: 'A peer should retry after a failure.',
          newText: 'A peer shall retry after a failure.',
        },
        {
          requirementId: 'R-6.1-2',
          clauseId: pinned.clause('客户端').id,
          from: 'should',
          to: 'shall',
          oldText: '接收方宜校验签名。',
          newText: '接收方应校验签名。',
        },
      ],
    });
    // One diff over the pinned paths and one cat-file run for the two changed files, nothing per commit.
    expect(git.runs.map((args) => args.find((a) => a === 'diff' || a === 'cat-file'))).toEqual(['diff', 'cat-file']);
    expect(git.runs[0]!.slice(-3)).toEqual(['--', EN_PATH, ZH_PATH]);
  });

  it('reports every clause and requirement of a deleted pinned file as removed', async () => {
    const pinned = await pinnedRevision();
    await pinned.repo.git('rm', '--quiet', '--', ZH_PATH);
    const head = await pinned.repo.commit(CAROL, '2024-02-01T00:00:00Z', '删除传输');
    const report = await drift(pinned, head);
    const removed = (start: string, number: string, title: string, line: number) => ({
      clauseId: pinned.clause(start).id,
      number,
      title,
      path: ZH_PATH,
      startLine: line,
      endLine: line,
      change: 'removed',
    });
    expect(report).toEqual({
      pinnedCommit: pinned.commit,
      headCommit: head,
      drifted: true,
      changedFiles: [{ path: ZH_PATH, status: 'deleted', newPath: null, linesAdded: 0, linesRemoved: 9 }],
      clauses: [
        removed('# 传输', '6', '传输', 1),
        removed('## 握手', '6.1', '握手', 3),
        removed('客户端', '6.1', '握手', 5),
        removed('## 记录', '6.2', '记录', 7),
        removed('服务器', '6.2', '记录', 9),
      ],
      strengthChanges: [
        {
          requirementId: 'R-6.1-1',
          clauseId: pinned.clause('客户端').id,
          from: 'shall',
          to: null,
          oldText: '客户端应发送握手帧。',
          newText: null,
        },
        {
          requirementId: 'R-6.1-2',
          clauseId: pinned.clause('客户端').id,
          from: 'should',
          to: null,
          oldText: '接收方宜校验签名。',
          newText: null,
        },
        {
          requirementId: 'R-6.2-1',
          clauseId: pinned.clause('服务器').id,
          from: 'may',
          to: null,
          oldText: '服务器可记录握手结果。',
          newText: null,
        },
      ],
    });
  });

  it('sums a push of several commits: a weaker item, a new requirement, a removed paragraph, a rename', async () => {
    const pinned = await pinnedRevision();
    const { repo } = pinned;
    let en = EN.replace('- Frames SHOULD be short.', '- Frames SHOULD NOT be short.');
    await repo.write(EN_PATH, en);
    await repo.commit(ALICE, '2024-02-01T00:00:00Z', 'weaker');
    en = `${en}\nStreams MUST NOT be reset.\n`;
    await repo.write(EN_PATH, en);
    await repo.commit(BOB, '2024-02-02T00:00:00Z', 'new requirement');
    await repo.write('README.md', '# Protocol\n\nSee spec/ and docs/.\n');
    await repo.commit(BOB, '2024-02-03T00:00:00Z', 'readme');
    await repo.git('mv', '--', ZH_PATH, 'spec/transport.md');
    await repo.commit(CAROL, '2024-02-04T00:00:00Z', '改名');
    await repo.write('spec/transport.md', ZH.replace('\n## 记录\n\n服务器可（MAY）记录握手结果。\n', ''));
    const head = await repo.commit(CAROL, '2024-02-05T00:00:00Z', '删去记录');
    expect((await repo.git('rev-list', '--count', `${pinned.commit}..${head}`)).trim()).toBe('5');
    const report = await drift(pinned, head);
    expect(report).toEqual({
      pinnedCommit: pinned.commit,
      headCommit: head,
      drifted: true,
      changedFiles: [
        { path: EN_PATH, status: 'modified', newPath: EN_PATH, linesAdded: 3, linesRemoved: 1 },
        { path: ZH_PATH, status: 'renamed', newPath: 'spec/transport.md', linesAdded: 0, linesRemoved: 4 },
      ],
      clauses: [
        {
          clauseId: pinned.clause('- Frames SHOULD').id,
          number: '4',
          title: 'Wire',
          path: EN_PATH,
          startLine: 10,
          endLine: 10,
          change: 'edited',
        },
        {
          clauseId: pinned.clause('## 记录').id,
          number: '6.2',
          title: '记录',
          path: ZH_PATH,
          startLine: 7,
          endLine: 7,
          change: 'removed',
        },
        {
          clauseId: pinned.clause('服务器').id,
          number: '6.2',
          title: '记录',
          path: ZH_PATH,
          startLine: 9,
          endLine: 9,
          change: 'removed',
        },
      ],
      strengthChanges: [
        {
          requirementId: 'R-4-4',
          clauseId: pinned.clause('- Frames SHOULD').id,
          from: 'should',
          to: 'should not',
          oldText: 'Frames should be short.',
          newText: 'Frames should not be short.',
        },
        // Written after the last clause of the file: it has no ID yet, and belongs with the clause before it.
        {
          requirementId: null,
          clauseId: pinned.clause('Streams MAY').id,
          from: null,
          to: 'shall not',
          oldText: null,
          newText: 'Streams shall not be reset.',
        },
        {
          requirementId: 'R-6.2-1',
          clauseId: pinned.clause('服务器').id,
          from: 'may',
          to: null,
          oldText: '服务器可记录握手结果。',
          newText: null,
        },
      ],
    });
  });

  it('reports no drift after a push that touches only files the revision did not pin', async () => {
    const pinned = await pinnedRevision();
    const { repo } = pinned;
    await repo.write('README.md', '# Protocol\n\nThe specifications MUST be read in order.\n');
    await repo.write('docs/notes.md', '# Notes\n\nImplementations MUST log.\n');
    await repo.commit(BOB, '2024-02-01T00:00:00Z', 'docs');
    await repo.write('docs/more.md', '# More\n');
    const head = await repo.commit(BOB, '2024-02-02T00:00:00Z', 'more docs');
    const git = countingGit();
    const none = {
      pinnedCommit: pinned.commit,
      headCommit: head,
      drifted: false,
      changedFiles: [],
      clauses: [],
      strengthChanges: [],
    };
    expect(await drift(pinned, head, git.runGit)).toEqual(none);
    // Only the diff: no file is read when none of the pinned ones changed.
    expect(git.runs.filter((args) => args.includes('cat-file'))).toEqual([]);
    expect(git.runs).toHaveLength(1);
    // Nor when the head is the pinned commit itself (no git at all).
    const same = countingGit();
    expect(await drift(pinned, pinned.commit, same.runGit)).toEqual({ ...none, headCommit: pinned.commit });
    expect(same.runs).toEqual([]);
  });

  it('reports an edit that keeps every keyword as touched clauses with no strength change', async () => {
    const pinned = await pinnedRevision();
    await pinned.repo.write(EN_PATH, EN.replace('after a failure.', 'after a failure, waiting 1 s.'));
    const head = await pinned.repo.commit(ALICE, '2024-02-01T00:00:00Z', 'wait');
    const report = await drift(pinned, head);
    expect(report.clauses.map((c) => [c.clauseId, c.startLine, c.endLine, c.change])).toEqual([
      [pinned.clause('A peer MUST send').id, 7, 7, 'edited'],
    ]);
    expect(report.strengthChanges).toEqual([]);
  });
  it('follows a label: its list items take its strength, when the label or only an item changes', async () => {
    const LABELLED = `${EN}\n## Parameters\n\nREQUIRED parameters:\n\n- \`name\`: the stream name.\n- \`size\`: the frame size.\n`;
    const pinned = await pinnedRevision(LABELLED);
    const { repo } = pinned;
    const labelled = pinned.manifest.requirements.filter((r) => r.keyword === 'REQUIRED');
    expect(labelled.map((r) => [r.form, r.text])).toEqual([
      ['shall', 'name: the stream name.'],
      ['shall', 'size: the frame size.'],
    ]);
    // The label weakens: every item under it changes strength, though no item's line changed.
    await repo.write(EN_PATH, LABELLED.replace('REQUIRED parameters:', 'RECOMMENDED parameters:'));
    const weaker = await drift(pinned, await repo.commit(BOB, '2024-02-01T00:00:00Z', 'weaker label'));
    expect(weaker.strengthChanges.map((c) => [c.requirementId, c.from, c.to])).toEqual(
      labelled.map((r) => [r.id, 'shall', 'should']),
    );
    // Only an item is edited and one is added under the unchanged label: the edit keeps its strength, the new item
    // is a new requirement of the label's strength.
    await repo.write(
      EN_PATH,
      LABELLED.replace('the frame size.', 'the largest frame size.').replace(
        '- `size`',
        '- `mode`: the transfer mode.\n- `size`',
      ),
    );
    const items = await drift(pinned, await repo.commit(BOB, '2024-02-02T00:00:00Z', 'items'));
    expect(items.strengthChanges.map((c) => [c.requirementId, c.from, c.to, c.newText])).toEqual([
      [null, null, 'shall', 'mode: the transfer mode.'],
    ]);
  });
});

describe('parseDiff', () => {
  it('reads C-quoted paths, renames and hunks without a count', () => {
    const patch = [
      'diff --git "a/spec/a\\tb.md" "b/spec/a\\tb.md"',
      'index 1111111..2222222 100644',
      '--- "a/spec/a\\tb.md"',
      '+++ "b/spec/a\\tb.md"',
      '@@ -3 +3,2 @@ ## Wire',
      '-A peer SHOULD retry.',
      '+A peer MUST retry.',
      '+--- not a header',
      'diff --git a/spec/old.md b/spec/new.md',
      'similarity index 100%',
      'rename from spec/old.md',
      'rename to "spec/\\344\\274\\240.md"',
      '',
    ].join('\n');
    expect(parseDiff(patch)).toEqual([
      {
        oldPath: 'spec/a\tb.md',
        newPath: 'spec/a\tb.md',
        status: 'modified',
        hunks: [
          {
            oldStart: 3,
            oldCount: 1,
            newStart: 3,
            newCount: 2,
            oldLines: ['A peer SHOULD retry.'],
            newLines: ['A peer MUST retry.', '--- not a header'],
          },
        ],
      },
      { oldPath: 'spec/old.md', newPath: 'spec/传.md', status: 'renamed', hunks: [] },
    ]);
  });
});
