import type { DraftLang, DraftResult, ProvenanceMode } from '../../content/draft/draft-types.ts';
import { draftFromGit } from '../../content/draft/git/draft-from-git.ts';
import { parseSources } from '../../content/draft/parse-sources.ts';
import { runGit } from '../../kernel/git/run-git.ts';
import type { FixtureRepo } from './fixture-repo.ts';
import { SOURCES_YML } from './fixtures/widget-events-repo.ts';

/** Drafts the WidgetEvents fixture at `ref` the way `magnolia draft --sources sources.yml` does. */
export function draftWidgetEvents(
  repo: FixtureRepo,
  ref: string,
  lang: DraftLang,
  provenance: ProvenanceMode = 'annex',
): Promise<DraftResult> {
  const sources = parseSources(SOURCES_YML);
  return draftFromGit({
    runGit,
    repo: repo.dir,
    ref,
    sources: sources.files,
    titleZh: sources.titleZh,
    titleEn: sources.titleEn,
    committee: sources.committee,
    permalinkBase: 'https://github.com',
    lang,
    type: 'association',
    date: '2025-01-01',
    cwd: repo.dir,
    provenance,
  });
}

/** The part of a draft from the heading starting with `from` to the next heading of the same depth. */
export function part(markdown: string, from: string): string {
  const start = markdown.indexOf(`\n${from}`);
  if (start === -1) throw new Error(`no heading ${from}`);
  const depth = /^#+ /.exec(from)![0];
  const end = markdown.indexOf(`\n${depth}`, start + 1);
  return markdown.slice(start + 1, end === -1 ? undefined : end + 1);
}
