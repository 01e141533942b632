import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftResult } from '../../content/draft/draft-types.ts';
import { draftFromGit } from '../../content/draft/git/draft-from-git.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { ALICE, BOB, CAROL, createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';

const SPEC_V1 = `---
title: Widget Exchange Protocol
---
# Widget Exchange Protocol

## Overview

Widgets are exchanged between peers.

## Terminology

- **Widget**: a unit of exchange.
- **Peer**: a party exchanging widgets.

## Protocol

### Handshake

A peer MUST send a hello frame first.
The hello frame SHOULD carry a version.

### Frames

1. A frame MUST NOT exceed 16 KiB.
2. Peers MAY batch frames.

| Field | Rule     |
| ----- | -------- |
| id    | REQUIRED |

## 安全

对端 MUST 校验签名。
`;

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('draft provenance on a real repository', () => {
  let repo: FixtureRepo;
  const sha: Record<string, string> = {};
  let result: DraftResult;
  const path = 'docs/规范/协议.md';

  beforeAll(async () => {
    repo = await createFixtureRepo();
    await repo.git('remote', 'add', 'origin', 'git@github.com:acme/widgets.git');
    await repo.write('docs/spec.md', SPEC_V1);
    sha.c1 = await repo.commit(ALICE, '2024-01-01T10:00:00+08:00', 'spec: first version');
    await repo.write(path, SPEC_V1);
    await repo.git('rm', '--quiet', 'docs/spec.md');
    sha.c2 = await repo.commit(BOB, '2024-02-01T10:00:00+00:00', 'move the spec');
    await repo.write(
      path,
      SPEC_V1.replace('carry a version.', 'carry a version and a nonce.').replace(
        '2. Peers MAY batch frames.',
        '2. Peers MAY batch frames.\n3. Peers SHOULD NOT reorder frames.',
      ),
    );
    sha.c3 = await repo.commit(CAROL, '2024-03-01T10:00:00+08:00', 'nonce and ordering');
    await repo.write('docs/glossary.md', '# Glossary\n\n- **Nonce**: a number used once.\n');
    await repo.write(
      'LICENSE',
      'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n',
    );
    sha.c4 = await repo.commit(ALICE, '2024-04-01T10:00:00+08:00', 'glossary and license');
    await repo.git('tag', 'v1.0');
    await repo.write(
      path,
      (await repo.git('show', `HEAD:${path}`)).replace('hello frame first.', 'hello frame first and wait.'),
    );
    sha.c5 = await repo.commit(BOB, '2024-05-01T10:00:00+00:00', 'after the tag');
    result = await draftFromGit({
      runGit,
      repo: repo.dir,
      ref: 'v1.0',
      sources: [
        { path, role: 'clauses' },
        { path: 'docs/glossary.md', role: 'terms' },
      ],
      permalinkBase: 'https://github.com',
      lang: 'en',
      type: 'association',
      date: '2025-01-01',
      cwd: repo.dir,
    });
  });
  afterAll(() => repo.remove());

  it('pins the ref to its 40-hex commit and records the blobs read at it', async () => {
    expect(result.manifest.source.commit).toBe(sha.c4);
    expect(result.manifest.source.name).toBe('acme/widgets');
    for (const file of result.manifest.source.files) {
      expect(file.blob).toBe((await repo.git('rev-parse', `v1.0:${file.path}`)).trim());
    }
    expect(result.markdown).not.toContain('and wait');
    expect(result.markdown).toContain('commit: ' + sha.c4);
  });

  it('points every clause at source lines that hold exactly the text it was made from', async () => {
    const files = new Map<string, string[]>();
    for (const f of result.manifest.source.files)
      files.set(f.path, (await repo.git('show', `${sha.c4}:${f.path}`)).split('\n'));
    expect(result.manifest.clauses.length).toBeGreaterThan(10);
    for (const clause of result.manifest.clauses) {
      const lines = files.get(clause.origin.path)!;
      expect(clause.origin.startLine).toBeGreaterThanOrEqual(1);
      expect(clause.origin.endLine).toBeLessThanOrEqual(lines.length);
      const excerpt = normalise(lines.slice(clause.origin.startLine - 1, clause.origin.endLine).join('\n'));
      expect(excerpt, `${clause.id} ${clause.kind}`).toContain(normalise(clause.sourceText).split(' <http')[0]);
      expect(clause.origin.commit).toBe(sha.c4);
      const encoded = clause.origin.path.split('/').map(encodeURIComponent).join('/');
      expect(clause.origin.permalink).toBe(
        `https://github.com/acme/widgets/blob/${sha.c4}/${encoded}#L${clause.origin.startLine}-L${clause.origin.endLine}`,
      );
    }
  });

  it('follows the rename and attributes each line to the commit that wrote it', () => {
    const find = (text: string) => result.manifest.clauses.find((c) => c.sourceText.includes(text))!;
    const handshake = find('hello frame first');
    expect(handshake.kind).toBe('paragraph');
    expect(handshake.origin.introducedIn).toEqual({
      sha: sha.c1,
      author: ALICE.name,
      date: '2024-01-01T10:00:00+08:00',
    });
    expect(handshake.origin.lastChangedIn).toEqual({
      sha: sha.c3,
      author: CAROL.name,
      date: '2024-03-01T10:00:00+08:00',
    });
    expect(handshake.origin.commits).toEqual([sha.c1, sha.c3]);
    const batch = find('Peers MAY batch');
    expect(batch.kind).toBe('list-item');
    expect(batch.origin.commits).toEqual([sha.c1]);
    expect(batch.origin.lastChangedIn?.author).toBe(ALICE.name);
    const reorder = find('reorder frames');
    expect(reorder.origin.commits).toEqual([sha.c3]);
    const nonce = result.manifest.clauses.find((c) => c.kind === 'term' && c.title === 'Nonce')!;
    expect(nonce.origin.path).toBe('docs/glossary.md');
    expect(nonce.origin.commits).toEqual([sha.c4]);
    // Bob only moved the file: git blame follows the rename, so no line is his.
    expect(result.manifest.clauses.flatMap((c) => c.origin.commits)).not.toContain(sha.c2);
  });

  it('reads the license at the commit and numbers the parts of the standard', () => {
    expect(result.markdown).toContain('under the license MIT');
    expect(result.markdown).toContain('## Introduction');
    expect(result.markdown).toContain('### 3.1 Widget');
    expect(result.markdown).toContain('### 3.3 Nonce');
    expect(result.markdown).toContain('## 4 Protocol');
    expect(result.markdown).toContain('### 4.1 Handshake');
    expect(result.markdown).toContain('### 4.2 Frames');
    expect(result.markdown).toContain('## 5 安全');
    expect(result.markdown).toContain('对端应校验签名。');
    expect(result.manifest.requirements.map((r) => `${r.id} ${r.form}`)).toEqual([
      'R-4.1-1 shall',
      'R-4.1-2 should',
      'R-4.2-1 shall not',
      'R-4.2-2 may',
      'R-4.2-3 should not',
      'R-4.2-4 shall',
      'R-5-1 shall',
    ]);
  });
});
