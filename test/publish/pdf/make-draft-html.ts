import { draftFromGit } from '../../../content/draft/git/draft-from-git.ts';
import type { DraftLang } from '../../../content/draft/draft-types.ts';
import { renderDraftHtml } from '../../../content/render/render-draft-html.ts';
import { runGit } from '../../../kernel/git/run-git.ts';
import { ALICE, BOB, CAROL, createFixtureRepo } from '../../draft/fixture-repo.ts';

/** A real draft revision's page HTML: the spec committed to a fixture repository, drafted by the generator. */
export async function makeDraftHtml(spec: { path: string; text: string; lang: DraftLang }): Promise<string> {
  const repo = await createFixtureRepo('magnolia-pdf-test-');
  try {
    await repo.git('remote', 'add', 'origin', 'https://github.com/acme/widgets.git');
    // Two authors: the first half of the file, then the whole of it.
    const lines = spec.text.split('\n');
    await repo.write(spec.path, lines.slice(0, Math.ceil(lines.length / 2)).join('\n'));
    await repo.commit(spec.lang === 'zh' ? CAROL : ALICE, '2024-03-01T10:00:00+08:00', 'first half');
    await repo.write(spec.path, spec.text);
    await repo.commit(BOB, '2024-04-01T10:00:00+08:00', 'the rest');
    const result = await draftFromGit({
      runGit,
      repo: repo.dir,
      ref: 'main',
      sources: [{ path: spec.path, role: 'clauses' }],
      permalinkBase: 'https://github.com',
      lang: spec.lang,
      type: 'association',
      date: '2025-01-01',
      cwd: repo.dir,
      concurrency: 1,
    });
    return renderDraftHtml(result.markdown, result.manifest);
  } finally {
    await repo.remove();
  }
}
