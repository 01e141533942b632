import { describe, expect, it } from 'vitest';
import { draftFromGit } from '../../content/draft/git/draft-from-git.ts';
import { renderDraftHtml } from '../../content/render/render-draft-html.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import { buildRevision } from '../../sync/proposals/build-revision.ts';
import { revisionRequest } from '../support/revision-request.ts';
import { buildRevisionInProcess } from '../../sync/proposals/build-revision-in-process.ts';
import { ALICE, BOB, createFixtureRepo } from '../draft/fixture-repo.ts';

async function upstream() {
  const repo = await createFixtureRepo();
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
  return repo;
}

const requestFor = (dir: string, files = ['spec/协议.md']) => revisionRequest(dir, files);

describe('a revision built in its background process', () => {
  it('is exactly the draft, manifest, lint and HTML of the pipeline run directly, as strings', async () => {
    const repo = await upstream();
    try {
      const request = requestFor(repo.dir);
      const inProcess = await buildRevisionInProcess(request);
      expect(inProcess).toEqual(await buildRevision(request));
      const { previous: _none, ...options } = request;
      const direct = await draftFromGit({ ...options, runGit, repo: repo.dir, lang: 'zh', type: 'association' });
      expect(inProcess.markdown).toBe(direct.markdown);
      expect(JSON.parse(inProcess.manifestJson)).toEqual(direct.manifest);
      expect(JSON.parse(inProcess.lintJson)).toEqual(direct.lint);
      expect(inProcess.html).toBe(renderDraftHtml(direct.markdown, direct.manifest));
      expect(inProcess.commitSha).toBe(direct.manifest.source.commit);
      expect(inProcess.clauses).toBe(direct.manifest.clauses.length);
      // Blame ran in the background process: the edited clause names its last author.
      const clause = direct.manifest.clauses.find((c) => c.sourceText.includes('small'))!;
      expect(clause.origin.lastChangedIn!.author).toBe(BOB.name);
    } finally {
      await repo.remove();
    }
  });

  it('carries the clause IDs of the previous revision it is given to an edited clause', async () => {
    const repo = await upstream();
    try {
      const first = await buildRevisionInProcess(requestFor(repo.dir));
      await repo.write(
        'spec/协议.md',
        '# P\n\n## Wire\n\nA peer MUST send frames first.\n\n## Frames\n\nFrames SHOULD be small, see <i>x</i>.\n',
      );
      await repo.commit(ALICE, '2024-03-01T00:00:00Z', 'three');
      const second = await buildRevisionInProcess({
        ...requestFor(repo.dir),
        previous: { rev: 0, manifestJson: first.manifestJson, label: 'MP-2026-001-00' },
      });
      const ids = (json: string, text: string) =>
        (JSON.parse(json) as { clauses: { id: string; sourceText: string }[] }).clauses.find((c) =>
          c.sourceText.includes(text),
        )!.id;
      // The edited requirement is the same clause (its text alone would hash to a new ID).
      expect(ids(second.manifestJson, 'MUST send frames first')).toBe(ids(first.manifestJson, 'MUST send'));
    } finally {
      await repo.remove();
    }
  });

  it('refuses with the same DomainError across the process boundary (kind, code, message)', async () => {
    const repo = await upstream();
    try {
      const refused = buildRevisionInProcess(requestFor(repo.dir, ['spec/gone.md']));
      await expect(refused).rejects.toBeInstanceOf(DomainError);
      const inProcess = await buildRevision(requestFor(repo.dir, ['spec/gone.md'])).catch((e: unknown) => e);
      await expect(refused).rejects.toMatchObject({
        kind: (inProcess as DomainError).kind,
        code: (inProcess as DomainError).code,
        message: (inProcess as DomainError).message,
      });
    } finally {
      await repo.remove();
    }
  });
});
