import type { Store } from '../../db/store.ts';
import type { JobRow } from '../../db/jobs/job-queries.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError, isDomainError } from '../../kernel/errors/domain-error.ts';
import { msg, storeMessage } from '../../kernel/i18n/message.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';
import { keepCommitReachable } from '../sources/keep-commit-reachable.ts';
import { LOCAL_REPOSITORY, publicCloneUrl } from '../../kernel/git/public-clone-url.ts';
import type { DraftsService } from '../drafts/drafts-service.ts';
import type { JobHandler } from '../queue/job-handler.ts';
import type { ProposalEventSink } from '../notifications/proposal-event.ts';
import type { BuiltRevision } from './build-revision.ts';
import { buildRevisionInProcess } from './build-revision-in-process.ts';
import { revLabel } from './proposal-json.ts';

export interface RevisionJobDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  drafts: DraftsService;
  /** Keeps the revision's commit in the mirror (`refs/magnolia/pinned/<sha>`). */
  runGit: RunGit;
  /** GITHUB_URL: where a project registered without a clone URL lives. */
  githubUrl: string;
  /** Told of a revision that became ready, inside the transaction that makes it so (the notifications). */
  notify?: ProposalEventSink;
}

function publicRepository(cloneUrl: string | null, githubUrl: string, fullName: string): string {
  const shown = cloneUrl === null ? null : publicCloneUrl(cloneUrl);
  return shown === null || shown === LOCAL_REPOSITORY ? `${githubUrl.replace(/\/+$/, '')}/${fullName}` : shown;
}

/** The job subject of a revision: `MP-2026-001/3`. */
export const revisionSubject = (number: string, rev: number) => `${number}/${rev}`;

/**
 * Generates a queued revision: the draft, its manifest (clause IDs carried from the latest ready revision), the
 * sanitised HTML (rendered once, never per request) and the lint report, all made in one background process and
 * written here in one update that makes the revision immutable. A restart finds the job still pending in the
 * durable queue and runs it again.
 */
export function createRevisionJobHandler(deps: RevisionJobDeps): JobHandler {
  const { store, clock, log, drafts, githubUrl } = deps;
  return {
    async run(job: JobRow) {
      const [number, revText] = job.subject.split('/');
      const rev = Number(revText);
      const revision = number === undefined ? undefined : store.revisions.get(number, rev);
      if (number === undefined || revision === undefined || revision.status !== 'queued') return;
      const proposal = store.proposals.get(number);
      const repo = proposal ? store.repositories.get(proposal.repository_id) : undefined;
      if (!proposal || !repo?.mirror_path)
        throw new DomainError('unavailable', 'mirror_not_ready', `the project of ${number} has no mirror yet`);
      const sources = drafts.parseSources(revision.sources_yml, `${number} sources.yml`);
      const previous = store.revisions.latestReadyManifest(number);
      let built: BuiltRevision;
      try {
        built = await buildRevisionInProcess({
          mirrorPath: repo.mirror_path,
          ref: revision.commit_sha ?? revision.ref,
          sources: sources.files,
          name: repo.full_name,
          // The draft names the project's public repository, never the mirror's path on this machine.
          repositoryUrl: publicRepository(repo.clone_url, githubUrl, repo.full_name),
          titleZh: proposal.title_zh,
          titleEn: proposal.title_en,
          committee: sources.committee,
          previous: previous && {
            rev: previous.rev,
            manifestJson: previous.manifest_json,
            label: `${number}${revLabel(previous.rev)}`,
          },
          permalinkBase: githubUrl.replace(/\/+$/, ''),
          date: isoNow(clock).slice(0, 10),
          cwd: process.cwd(),
        });
      } catch (error) {
        // The sources themselves are refused (too large, not Markdown, gone from the commit): trying again cannot help.
        if (isDomainError(error, 'invalid', 'too-large', 'unsupported', 'not-found')) {
          store.revisions.markFailed(number, rev, storeMessage(msg('text', { text: error.message }))!, isoNow(clock));
          log.warn({ proposal: number, rev, code: error.code }, 'revision refused by the draft generator');
          return;
        }
        throw error;
      }
      await keepCommitReachable(deps.runGit, repo.mirror_path, built.commitSha);
      // Only strings arrive here: writing them is all this process does for a revision.
      store.transaction(() => {
        const same = store.revisions.findReady(number, built.commitSha, revision.sources_digest);
        if (same) {
          // Another revision of the same sources at the same commit was generated meanwhile: this one repeats it.
          store.revisions.dropQueued(number, rev);
          return;
        }
        store.revisions.markReady(number, rev, {
          commitSha: built.commitSha,
          draftMd: built.markdown,
          manifestJson: built.manifestJson,
          draftHtml: built.html,
          lintJson: built.lintJson,
          diffFrom: built.diffFrom,
          diffJson: built.diffJson,
          at: isoNow(clock),
        });
        deps.notify?.({ kind: 'revision', number, actor: revision.requested_by, rev });
      });
      log.info({ proposal: number, rev, clauses: built.clauses }, 'revision generated');
    },
    failed(job, error, final) {
      if (!final) return;
      const [number, revText] = job.subject.split('/');
      if (number === undefined) return;
      store.revisions.markFailed(number, Number(revText), storeMessage(msg('text', { text: error }))!, isoNow(clock));
    },
  };
}
