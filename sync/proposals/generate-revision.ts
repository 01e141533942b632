import type { Store } from '../../db/store.ts';
import type { JobRow } from '../../db/jobs/job-queries.ts';
import { parsePreviousManifest } from '../../content/draft/parse-previous-manifest.ts';
import { renderDraftHtmlInWorker } from '../../content/render/render-draft-html-in-worker.ts';
import { isoNow, type Clock } from '../../kernel/clock.ts';
import { DomainError, isDomainError } from '../../kernel/errors/domain-error.ts';
import { msg, storeMessage } from '../../kernel/i18n/message.ts';
import type { Logger } from '../../kernel/log/create-logger.ts';
import { LOCAL_REPOSITORY, publicCloneUrl } from '../../kernel/git/public-clone-url.ts';
import type { DraftsService } from '../drafts/drafts-service.ts';
import type { JobHandler } from '../queue/job-handler.ts';
import type { ProposalEventSink } from '../notifications/proposal-event.ts';

export interface RevisionJobDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  drafts: DraftsService;
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
 * sanitised HTML (rendered once, here, never per request) and the lint report, written in one update that makes
 * the revision immutable. A restart finds the job still pending in the durable queue and runs it again.
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
      const previous = store.revisions.latestReady(number);
      const generating = drafts.generate({
        repo: repo.mirror_path,
        ref: revision.commit_sha ?? revision.ref,
        sources: sources.files,
        name: repo.full_name,
        // The draft names the project's public repository, never the mirror's path on this machine.
        repositoryUrl: publicRepository(repo.clone_url, githubUrl, repo.full_name),
        lang: 'zh',
        type: 'association',
        titleZh: proposal.title_zh,
        titleEn: proposal.title_en,
        cwd: process.cwd(),
        committee: sources.committee,
        previous: previous?.manifest_json
          ? parsePreviousManifest(previous.manifest_json, `${number}${previous.rev}`)
          : undefined,
        inWorker: true,
      });
      let result: Awaited<typeof generating>;
      try {
        result = await generating;
      } catch (error) {
        // The sources themselves are refused (too large, not Markdown, gone from the commit): trying again cannot help.
        if (isDomainError(error, 'invalid', 'too-large', 'unsupported', 'not-found')) {
          store.revisions.markFailed(number, rev, storeMessage(msg('text', { text: error.message }))!, isoNow(clock));
          log.warn({ proposal: number, rev, code: error.code }, 'revision refused by the draft generator');
          return;
        }
        throw error;
      }
      const commitSha = result.manifest.source.commit;
      // The draft page's HTML, rendered once here (in a worker thread: a large draft takes seconds), never per request.
      const draftHtml = await renderDraftHtmlInWorker(result.markdown, result.manifest);
      store.transaction(() => {
        const same = store.revisions.findReady(number, commitSha, revision.sources_digest);
        if (same) {
          // Another revision of the same sources at the same commit was generated meanwhile: this one repeats it.
          store.revisions.dropQueued(number, rev);
          return;
        }
        store.revisions.markReady(number, rev, {
          commitSha,
          draftMd: result.markdown,
          manifestJson: JSON.stringify(result.manifest),
          draftHtml,
          lintJson: JSON.stringify(result.lint),
          at: isoNow(clock),
        });
        deps.notify?.({ kind: 'revision', number, actor: revision.requested_by, rev });
      });
      log.info({ proposal: number, rev, clauses: result.manifest.clauses.length }, 'revision generated');
    },
    failed(job, error, final) {
      if (!final) return;
      const [number, revText] = job.subject.split('/');
      if (number === undefined) return;
      store.revisions.markFailed(number, Number(revText), storeMessage(msg('text', { text: error }))!, isoNow(clock));
    },
  };
}
