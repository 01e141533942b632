import { historyDays } from '../../sync/maturity/model/history-days.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGit, type RunGit } from '../../kernel/git/run-git.ts';
import { gatherInputs, type GatherMemory } from '../../sync/maturity/adapter/gather-inputs.ts';
import { createMaturityEngine } from '../../sync/maturity/create-maturity-engine.ts';
import { openCatFileSession } from '../../kernel/git/cat-file-session.ts';
import { createTreeMemory } from '../../sync/maturity/git/tree-memory.ts';
import type { SignalInputs } from '../../sync/maturity/signals/signal-inputs.ts';
import { ALICE, BOB, createUpstream, type Upstream } from '../support/git-fixture.ts';
import { startTestInstance, type TestInstance } from '../support/test-instance.ts';
import { daysAgo, mirrorProject } from './maturity-fixture.ts';

const BOILERPLATE =
  'The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD", "SHOULD NOT", "RECOMMENDED", "MAY", and "OPTIONAL" in this document are to be interpreted as described in BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all capitals, as shown here.';
const spec = (title: string, n: number) =>
  `# ${title}\n\n${BOILERPLATE}\n\n${Array.from({ length: n }, (_x, i) => `Rule ${i}: a peer MUST obey.`).join('\n')}\n`;

describe('incremental re-evaluation after a push equals an evaluation from scratch', () => {
  let app: TestInstance;
  let upstream: Upstream;
  let id: number;
  const calls: string[] = [];
  const counting: RunGit = (args, options) => {
    calls.push(args.join(' '));
    return runGit(args, options);
  };
  const memory: GatherMemory = { facts: new Map(), paths: new Map(), ...createTreeMemory() };

  /** The inputs gathered with the remembering memory, and the git commands they ran. */
  const incremental = async (): Promise<{ inputs: SignalInputs; commands: string[] }> => {
    calls.length = 0;
    const inputs = await gatherInputs(
      { store: app.store, runGit: counting, githubUrl: app.config.githubUrl, memory },
      app.store.repositories.get(id)!,
      app.clock.now(),
      historyDays(app.sync.maturity.model()),
    );
    return { inputs, commands: [...calls] };
  };
  /** The inputs gathered from scratch: no memory, so a full `ls-tree` listing. */
  const scratch = (): Promise<SignalInputs> =>
    gatherInputs(
      { store: app.store, runGit, githubUrl: app.config.githubUrl },
      app.store.repositories.get(id)!,
      app.clock.now(),
      historyDays(app.sync.maturity.model()),
    );

  const pushAndFetch = async (commit: () => void) => {
    commit();
    upstream.push('main', '--tags');
    await app.sync.fetch(id);
  };

  beforeAll(async () => {
    app = await startTestInstance();
    upstream = createUpstream('incremental');
    upstream.commit(
      {
        'README.md': '# Project\n',
        'CONTRIBUTING.md': '# Contributing\n\nSign off.\n',
        LICENSE: 'SPDX-License-Identifier: Apache-2.0\n',
        'spec/core.md': spec('Core', 4),
        'spec/extra/notes.md': '# Notes\n\nNothing normative.\n',
        'docs/guide/intro.md': '# Intro\n',
        'docs/guide/deep/more.md': '# More\n\nIt MUST.\n',
        'vendor/x/SPEC.md': spec('Vendored', 5),
        'tools/run.sh': '#!/bin/sh\necho hi\n',
      },
      ALICE,
      daysAgo(app, 50),
    );
    upstream.git('tag', 'v1.0.0');
    upstream.push('main', '--tags');
    id = await mirrorProject(app, 'acme/incremental', upstream);
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('lists the tree and reads the blobs in one process after pushes that add, modify, rename and delete files', async () => {
    const first = await incremental();
    expect(first.commands.map((c) => c.split(' ').slice(0, 2).join(' '))).toEqual([
      'ls-tree -r',
      'cat-file --batch',
      'cat-file --batch-check=%(objectname)',
    ]);
    expect(first.inputs).toEqual(await scratch());
    // The same head again: nothing to run.
    expect((await incremental()).commands).toEqual([]);

    await pushAndFetch(() => {
      upstream.git('mv', 'spec/core.md', 'spec/protocol.md'); // rename a spec document
      upstream.git('mv', 'docs/guide', 'docs/handbook'); // rename a directory (same tree id, new path)
      upstream.git('rm', '--quiet', 'CONTRIBUTING.md'); // delete a community file
      upstream.git('rm', '--quiet', 'tools/run.sh'); // delete the only file of a directory
      upstream.commit(
        {
          'SECURITY.md': '# Security\n\nReport a vulnerability to security@acme.example.\n', // add a community file
          'README.md': '# Project\n\nNow with a specification.\n', // modify
          'spec/wire.md': spec('Wire', 7), // add a spec document
          'spec/extra/notes.md': spec('Notes', 3), // a document becomes normative
          'docs/中文 说明.md': '# 说明\n\nIt MUST. It MUST. It MUST.\n', // non-ASCII name with a space
        },
        BOB,
        daysAgo(app, 2),
      );
    });
    const second = await incremental();
    // The tree listing and the blob reads go through the injected runner, in one cat-file process.
    expect(second.commands).toEqual(['cat-file --batch-command']);
    const fromScratch = await scratch();
    expect(second.inputs).toEqual(fromScratch);
    expect(second.inputs.git.available && second.inputs.git.tree.map((e) => e.path)).toEqual([
      'LICENSE',
      'README.md',
      'SECURITY.md',
      'docs/handbook/deep/more.md',
      'docs/handbook/intro.md',
      'docs/中文 说明.md',
      'spec/extra/notes.md',
      'spec/protocol.md',
      'spec/wire.md',
      'vendor/x/SPEC.md',
    ]);

    await pushAndFetch(() => {
      upstream.git('rm', '--quiet', '-r', 'spec/extra');
      upstream.commit(
        { 'spec/protocol.md': spec('Protocol', 9), 'CONTRIBUTING.md': '# Contributing again\n' },
        ALICE,
        daysAgo(app, 1),
      );
      upstream.git('tag', 'v2.0.0');
    });
    const third = await incremental();
    expect(third.inputs).toEqual(await scratch());
    // The new tag's spec paths are asked in the same cat-file process.
    expect(third.commands).toEqual(['cat-file --batch-command']);
  });

  it('gives the engine the same result as a new engine evaluating from scratch', async () => {
    await app.sync.maturity.evaluate(id);
    await pushAndFetch(() => {
      upstream.git('mv', 'spec/wire.md', 'spec/wire-format.md');
      upstream.commit(
        { 'GOVERNANCE.md': '# Governance\n\nLazy consensus.\n', 'spec/new.md': spec('New', 3) },
        BOB,
        daysAgo(app, 0, -1),
      );
    });
    const again = await app.sync.maturity.evaluate(id);
    app.store.maturity.blobFacts.clear();
    const fresh = await createMaturityEngine({
      store: app.store,
      clock: app.clock,
      runGit,
      githubUrl: app.config.githubUrl,
    }).evaluate(id);
    expect(again).toEqual(fresh);
  });

  it('answers pipelined cat-file requests in order, missing names included, and refuses requests once closed', async () => {
    const session = openCatFileSession(runGit, app.store.repositories.get(id)!.mirror_path!);
    const head = app.store.repositories.get(id)!.head_sha!;
    const [missing, readme, spaced] = await Promise.all([
      session.info(`${head}:no such file.md`),
      session.contents(`${head}:README.md`),
      session.info(`${head}:docs/中文 说明.md`),
    ]);
    session.close();
    session.close();
    expect(missing).toBeUndefined();
    expect(readme?.content?.toString('utf8')).toBe('# Project\n\nNow with a specification.\n');
    expect(spaced).toMatchObject({ type: 'blob', size: Buffer.byteLength('# 说明\n\nIt MUST. It MUST. It MUST.\n') });
    await expect(session.info(head)).rejects.toThrow(/cat-file/);
  });
});
