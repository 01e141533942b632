import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../content/draft/generate-draft.ts';
import { runDraftInWorker } from '../../content/draft/run-draft-in-worker.ts';
import { draftFromGit } from '../../content/draft/git/draft-from-git.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { ALICE, BOB, createFixtureRepo } from './fixture-repo.ts';
import { makeInput } from './make-input.ts';

describe('draft generation in a worker thread', () => {
  it('gives exactly the result of the in-process call', async () => {
    const input = makeInput([
      {
        text: '---\ntitle: W\n---\n# W\n\n## Overview\n\nAbout <b>w</b>.\n\n## Terminology\n\n- **Frame**: a unit.\n\n## Wire\n\nA peer MUST send [frames](#terminology).\n\n| a | b |\n| - | - |\n| 1 | OPTIONAL |\n',
      },
      { text: '# 附录\n\n客户端 SHOULD 重试。\n', role: 'informative-annex', path: '规范/附录.md' },
    ]);
    const inWorker = await runDraftInWorker(input);
    expect(inWorker).toEqual(generateDraft(structuredClone(input)));
    expect(inWorker.manifest.requirements).toHaveLength(2);
  });
});

describe('draftFromGit through a worker', () => {
  it('matches the in-process path (which parses while git blames)', async () => {
    const repo = await createFixtureRepo();
    try {
      await repo.write(
        'spec/协议.md',
        '# P\n\n## Wire\n\nA peer MUST send frames.\n\n## Frames\n\nFrames SHOULD be small.\n',
      );
      await repo.commit(ALICE, '2024-01-01T00:00:00Z', 'one');
      await repo.write(
        'spec/协议.md',
        '# P\n\n## Wire\n\nA peer MUST send frames.\n\n## Frames\n\nFrames SHOULD be small, see <i>x</i>.\n',
      );
      await repo.commit(BOB, '2024-02-01T00:00:00Z', 'two');
      const options = {
        runGit,
        repo: repo.dir,
        ref: 'main',
        sources: [{ path: 'spec/协议.md', role: 'clauses' as const }],
        name: 'acme/p',
        permalinkBase: 'https://github.com',
        lang: 'zh' as const,
        type: 'industry' as const,
        date: '2025-01-01',
        cwd: repo.dir,
      };
      const inProcess = await draftFromGit(options);
      const viaWorker = await draftFromGit({ ...options, generate: runDraftInWorker });
      expect(viaWorker).toEqual(inProcess);
      expect(inProcess.manifest.clauses.find((c) => c.sourceText.includes('small'))!.origin.lastChangedIn!.author).toBe(
        BOB.name,
      );
    } finally {
      await repo.remove();
    }
  });
});
