import type { ProposalRow } from '../../db/proposals/proposal-queries.ts';
import type { RevisionSummary } from '../../db/proposals/revision-queries.ts';
import type { MaturityJson } from '../maturity/maturity-json.ts';
import type { ProposalFacts } from './workflow/proposal-facts.ts';

/** What the facts are gathered from: the proposal's row, its revisions and the project's maturity result. */
export interface FactSources {
  row: Pick<
    ProposalRow,
    | 'stage'
    | 'sources_yml'
    | 'ipr_statement'
    | 'implementations'
    | 'period_kind'
    | 'period_started_at'
    | 'period_ends_at'
    | 'last_comment_ended_at'
    | 'published_at'
  > & { commit_sha: string | null };
  project: string;
  sourceFiles: number;
  revisions: readonly RevisionSummary[];
  maturity: MaturityJson | null;
  /** The maturity model's level ids, lowest first. */
  levels: readonly string[];
  requiredLevel: string;
  /** The ballot facts (sync/review/ballots/ballot-facts.ts); none when absent. */
  ballot?: ProposalFacts['ballot'];
  /** Comments without a disposition (sync/review/comments). */
  openComments?: number;
}

/** The facts the workflow's guards read. */
export function gatherFacts(sources: FactSources): ProposalFacts {
  const { row, maturity, levels } = sources;
  const required = levels.indexOf(sources.requiredLevel);
  const gaps = (maturity?.gaps ?? []).filter(
    (gap) => gap.requiredFor === undefined || levels.indexOf(gap.requiredFor) <= required,
  ).length;
  const licence = maturity?.signals.find((s) => s.id === 'files.license')?.value;
  const ready = sources.revisions.filter((r) => r.status === 'ready');
  const implementations = JSON.parse(row.implementations) as unknown[];
  return {
    stage: row.stage,
    project: { name: sources.project, level: maturity?.level ?? null, gaps },
    sources: { files: sources.sourceFiles, commit: row.commit_sha },
    licence: typeof licence === 'string' ? licence : null,
    iprStatement: row.ipr_statement !== null && row.ipr_statement.trim() !== '',
    implementations: implementations.length,
    revisions: { ready: ready.length, lastReadyAt: ready.at(-1)?.ready_at ?? null },
    period:
      row.period_kind !== null && row.period_started_at !== null && row.period_ends_at !== null
        ? { kind: row.period_kind, startedAt: row.period_started_at, endsAt: row.period_ends_at }
        : null,
    lastCommentEndedAt: row.last_comment_ended_at,
    openComments: sources.openComments ?? 0,
    ballot: sources.ballot ?? null,
    publishedAt: row.published_at,
  };
}
