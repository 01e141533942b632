import type { CommitteeData, SourceRole } from '../../content/draft/draft-types.ts';
import { draftFromGit } from '../../content/draft/git/draft-from-git.ts';
import { parsePreviousManifest } from '../../content/draft/parse-previous-manifest.ts';
import { renderDraftHtml } from '../../content/render/render-draft-html.ts';
import type { DraftManifest } from '../../content/draft/draft-types.ts';
import { diffRevisions } from '../review/diffs/diff-revisions.ts';
import { runGit } from '../../kernel/git/run-git.ts';

/** What a revision is made from: plain data, so that it crosses into the revision's background process. */
export interface RevisionBuildRequest {
  /** The project's git mirror on this machine (a local path: no credentials are needed to read it). */
  mirrorPath: string;
  /** The pinned commit (or the ref when none was pinned yet). */
  ref: string;
  sources: readonly { path: string; role: SourceRole }[];
  /** `owner/repo`. */
  name: string;
  /** The project's public repository, as the draft names it (never the mirror's path). */
  repositoryUrl: string;
  titleZh: string;
  titleEn: string;
  committee?: CommitteeData | undefined;
  /**
   * The latest ready revision (its number, manifest JSON and label `MP-2026-001-00`): clause IDs are carried from
   * it, and the new revision's clause diff is made against it.
   */
  previous?: { rev: number; manifestJson: string; label: string } | undefined;
  /** GITHUB_URL: the base of the provenance permalinks. */
  permalinkBase: string;
  /** `YYYY-MM-DD`, from the caller's clock. */
  date: string;
  cwd: string;
}

/** A generated revision as the rows store it: strings only, so that the thread that writes them does no work. */
export interface BuiltRevision {
  commitSha: string;
  clauses: number;
  markdown: string;
  manifestJson: string;
  lintJson: string;
  /** The draft page's sanitised HTML, rendered once here, never per request. */
  html: string;
  /** The clause diff against the previous revision (RevisionDiff JSON), or null for a first revision. */
  diffFrom: number | null;
  diffJson: string | null;
}

/**
 * Makes a revision's content from the mirror: reads the pinned files and their blame from git (at a lower
 * priority), generates the draft and its manifest, renders the draft page's HTML and serialises all of it. The
 * server runs this in one background process (`buildRevisionInProcess`), so the process that answers requests
 * never holds the manifest's objects: it receives four strings and writes them.
 */
export async function buildRevision(request: RevisionBuildRequest): Promise<BuiltRevision> {
  const result = await draftFromGit({
    runGit: (args, options) => runGit(args, { ...options, background: true }),
    repo: request.mirrorPath,
    ref: request.ref,
    sources: request.sources,
    name: request.name,
    repositoryUrl: request.repositoryUrl,
    permalinkBase: request.permalinkBase,
    lang: 'zh',
    type: 'association',
    titleZh: request.titleZh,
    titleEn: request.titleEn,
    date: request.date,
    cwd: request.cwd,
    committee: request.committee,
    previous: request.previous
      ? parsePreviousManifest(request.previous.manifestJson, request.previous.label)
      : undefined,
  });
  return {
    commitSha: result.manifest.source.commit,
    clauses: result.manifest.clauses.length,
    markdown: result.markdown,
    manifestJson: JSON.stringify(result.manifest),
    lintJson: JSON.stringify(result.lint),
    html: renderDraftHtml(result.markdown, result.manifest),
    diffFrom: request.previous?.rev ?? null,
    diffJson: request.previous
      ? JSON.stringify(diffRevisions(JSON.parse(request.previous.manifestJson) as DraftManifest, result.manifest))
      : null,
  };
}
