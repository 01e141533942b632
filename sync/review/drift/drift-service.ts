import type { DraftManifest } from '../../../content/draft/draft-types.ts';
import type { ProposalRow } from '../../../db/proposals/proposal-queries.ts';
import type { Store } from '../../../db/store.ts';
import { JOB } from '../../../db/jobs/job-kinds.ts';
import { isoNow, type Clock } from '../../../kernel/clock.ts';
import type { RunGit } from '../../../kernel/git/run-git.ts';
import { findProposal } from '../../proposals/find-proposal.ts';
import type { JobHandler } from '../../queue/job-handler.ts';
import { parseSources } from '../../../content/draft/parse-sources.ts';
import type { ProposalEventSink } from '../../notifications/proposal-event.ts';
import { detectDrift } from './detect-drift.ts';
import type { DriftReport } from './drift-report.ts';

/** A proposal's drift report as stored and answered: the engine's report, for which revision, branch and when. */
export type ProposalDrift = DriftReport & { number: string; rev: number; branch: string; computedAt: string };

/** Stages in which a proposal is closed: its drift is no longer followed. */
const CLOSED = new Set(['withdrawn', 'rejected', 'abolished']);

/** Upstream drift of proposals: computed from the mirror after each fetch, read by the page and the API. */
export interface DriftService {
  /** The proposal's drift report (computed now when none is stored yet); null before its first ready revision. */
  get(number: string): Promise<ProposalDrift | null>;
  /** The stored report of the proposal's current revision, if the mirror has been compared since it was made. */
  stored(number: string): ProposalDrift | null;
  /** Recomputes the reports of a repository's open proposals whose head or revision moved; returns how many. */
  refreshRepository(repositoryId: number): Promise<number>;
  handlers: Record<string, JobHandler>;
}

export interface DriftDeps {
  store: Store;
  clock: Clock;
  runGit: RunGit;
  /** Tells the editors when a proposal's drift appears or changes (inside the transaction that stores it). */
  notify?: ProposalEventSink;
}

/** What a drift report says, without when and against which head: equal signatures need no new notice. */
const driftSignature = (r: ProposalDrift): string =>
  JSON.stringify([
    r.rev,
    r.drifted,
    r.changedFiles.map((f) => [f.path, f.status, f.newPath]),
    r.clauses.map((c) => [c.clauseId, c.change]),
    r.strengthChanges.map((c) => [c.requirementId, c.clauseId, c.from, c.to, c.newText]),
  ]);

/** The drift service over one store and the mirrors. */
export function createDriftService(deps: DriftDeps): DriftService {
  const { store, clock, runGit } = deps;

  /** The head of the mirror's default branch, or null when the mirror has none yet. */
  const headOf = async (mirrorPath: string, branch: string): Promise<string | null> => {
    const { stdout, code } = await runGit(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], {
      cwd: mirrorPath,
      okCodes: [0, 1],
    });
    return code === 0 ? stdout.toString('utf8').trim() : null;
  };

  /** Computes and stores one proposal's report; `force` ignores a stored one for the same head and revision. */
  const refresh = async (row: ProposalRow, force: boolean): Promise<ProposalDrift | null> => {
    const repo = store.repositories.get(row.repository_id);
    const ready = store.revisions.latestReady(row.number);
    if (!repo?.mirror_path || !ready?.commit_sha) return null;
    const branch = repo.default_branch ?? 'main';
    const head = await headOf(repo.mirror_path, branch);
    if (head === null) return null;
    const stored = store.drift.get(row.number);
    if (!force && stored && stored.head_commit === head && stored.rev === ready.rev)
      return JSON.parse(stored.report_json) as ProposalDrift;
    const manifest = JSON.parse(store.revisions.manifest(row.number, ready.rev)!) as DraftManifest;
    const revision = store.revisions.get(row.number, ready.rev)!;
    const found = await detectDrift({
      mirrorPath: repo.mirror_path,
      pinnedCommit: ready.commit_sha,
      headCommit: head,
      sources: parseSources(revision.sources_yml).files,
      manifest,
      runGit,
    });
    const report: ProposalDrift = { ...found, number: row.number, rev: ready.rev, branch, computedAt: isoNow(clock) };
    const before = stored ? (JSON.parse(stored.report_json) as ProposalDrift) : null;
    store.transaction(() => {
      store.drift.put({
        number: row.number,
        rev: ready.rev,
        head_commit: head,
        drifted: report.drifted ? 1 : 0,
        report_json: JSON.stringify(report),
        computed_at: report.computedAt,
      });
      // The editors are told once per change of what drifted, not at every push that leaves it as it was.
      if (report.drifted && (before === null || driftSignature(before) !== driftSignature(report)))
        deps.notify?.({
          kind: 'drift',
          number: row.number,
          rev: ready.rev,
          headCommit: head,
          files: report.changedFiles.length,
          clauses: report.clauses.length,
          strengthChanges: report.strengthChanges.length,
        });
    });
    return report;
  };

  const service: DriftService = {
    async get(number) {
      const row = findProposal(store, number);
      const stored = store.drift.get(row.number);
      const ready = store.revisions.latestReady(row.number);
      if (stored && ready && stored.rev === ready.rev) return JSON.parse(stored.report_json) as ProposalDrift;
      return refresh(row, false);
    },
    stored(number) {
      const stored = store.drift.get(number.toUpperCase());
      const ready = store.revisions.latestReady(number.toUpperCase());
      return stored && ready && stored.rev === ready.rev ? (JSON.parse(stored.report_json) as ProposalDrift) : null;
    },
    async refreshRepository(repositoryId) {
      let made = 0;
      for (const row of store.proposals.listForRepository(repositoryId)) {
        if (CLOSED.has(row.stage)) continue;
        if (await refresh(row, false)) made += 1;
      }
      return made;
    },
    handlers: {
      [JOB.drift]: {
        async run(job) {
          await service.refreshRepository(Number(job.subject));
        },
      },
    },
  };
  return service;
}
