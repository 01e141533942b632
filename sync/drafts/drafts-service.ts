import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';
import { createDraftCache } from '../../content/draft/cache/draft-cache.ts';
import type { DraftResult } from '../../content/draft/draft-types.ts';
import { draftFromGit, type DraftFromGitOptions } from '../../content/draft/git/draft-from-git.ts';
import { openRepository } from '../../content/draft/git/open-repository.ts';
import { readBlobs } from '../../content/draft/git/read-blobs.ts';
import { resolveCommit } from '../../content/draft/git/resolve-commit.ts';
import { parseSources, SourcesError, type SourceList } from '../../content/draft/parse-sources.ts';

/** What to draft: the generator's options, with the permalink base and the date defaulted by the service. */
export interface DraftRequest extends Omit<DraftFromGitOptions, 'runGit' | 'permalinkBase' | 'date' | 'cache'> {
  /** Web base of permalinks; default GITHUB_URL. */
  permalinkBase?: string | undefined;
  /** `YYYY-MM-DD`; default today by the service's clock. */
  date?: string | undefined;
  /** Keep parsed files and blames here by blob id, so the next draft redoes only what changed. */
  cacheDir?: string | undefined;
}

/** Drafts from a project's spec files at a ref: `magnolia draft` and the proposals' revisions both call this. */
export interface DraftsService {
  generate(request: DraftRequest): Promise<DraftResult>;
  /** Reads and checks a sources.yml text; `name` says where it came from in the error. */
  parseSources(text: string, name: string): SourceList;
  /** The text of a file of the repository at `ref`, or undefined when it has no such file. */
  fileAt(repo: string, ref: string, file: string, cwd: string): Promise<string | undefined>;
}

export interface DraftsDeps {
  runGit: RunGit;
  clock: Clock;
  /** GITHUB_URL: the default base of permalinks. */
  githubUrl: string;
}

/** The drafts service; it needs no store (a draft can be made without an instance). */
export function createDraftsService(deps: DraftsDeps): DraftsService {
  const { runGit, clock } = deps;
  return {
    async generate(request) {
      const permalinkBase = (request.permalinkBase ?? deps.githubUrl).replace(/\/+$/, '');
      if (!/^https?:\/\/\S+$/i.test(permalinkBase))
        throw new DomainError(
          'invalid',
          'invalid_permalink_base',
          `the permalink base must be an http(s) URL, for example https://github.com (got ${permalinkBase})`,
        );
      const { cacheDir, ...options } = request;
      const cache = cacheDir !== undefined ? createDraftCache({ dir: cacheDir }) : undefined;
      const result = await draftFromGit({
        ...options,
        runGit,
        permalinkBase,
        date: request.date ?? isoNow(clock).slice(0, 10),
        cache,
      });
      await cache?.flush();
      return result;
    },

    parseSources(text, name) {
      try {
        return parseSources(text);
      } catch (error) {
        if (error instanceof SourcesError)
          throw new DomainError('invalid', 'invalid_sources', `${name}: ${error.message}`);
        throw error;
      }
    },

    async fileAt(repo, ref, file, cwd) {
      const repository = await openRepository(runGit, repo, cwd);
      try {
        const commit = await resolveCommit(runGit, repository.gitDir, ref);
        const read = await readBlobs(runGit, repository.gitDir, commit, [file], { requireMarkdown: false }).catch(
          () => undefined,
        );
        return read?.files[0]?.text;
      } finally {
        await repository.close();
      }
    },
  };
}
