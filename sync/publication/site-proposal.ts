import type { HistoryRow, ProposalRow } from '../../db/proposals/proposal-queries.ts';
import type { RevisionSummary } from '../../db/proposals/revision-queries.ts';
import type { Lang } from '../../kernel/i18n/languages.ts';
import type { Workflow } from '../proposals/workflow/workflow-schema.ts';
import type { PublicRevision } from './public-revisions.ts';

/** One proposal as the site shows it: its row, its history and the revisions the build includes. */
export interface SiteProposal {
  row: ProposalRow;
  history: HistoryRow[];
  revisions: ReadonlyMap<number, RevisionSummary>;
  /** The revisions the site publishes, oldest first (never empty). */
  shown: PublicRevision[];
  /** Whether some revision is the published standard's text. */
  published: boolean;
  /** The full name of its repository (empty when the repository is gone). */
  project: string;
}

/** A revision's number in addresses: 1 → `01` (as the portal's pages). */
export const revPath = (rev: number): string => String(rev).padStart(2, '0');
/** The output path of a proposal's page `rest` (`MP-2026-001/01/index.html`), before its language folder. */
export const proposalPath = (number: string, rest: string): string => `${number}/${rest}`;
/** A revision's label: `MP-2026-001-01`. */
export const revisionLabel = (number: string, rev: number): string => `${number}-${revPath(rev)}`;

/** The text of a `{ en, zh }` pair in `lang`. */
export const local = (text: { en: string; zh: string }, lang: Lang): string => (lang === 'en' ? text.en : text.zh);
/** The title in `lang`, the other title and the other title's language. */
export const titlesOf = (row: ProposalRow, lang: Lang) =>
  lang === 'en'
    ? { title: row.title_en, otherTitle: row.title_zh, otherLang: 'zh-CN' }
    : { title: row.title_zh, otherTitle: row.title_en, otherLang: 'en' };

/** The name of a stage in `lang` (its id when the workflow no longer has it). */
export function stageName(workflow: Workflow, stage: string, lang: Lang): string {
  const found = workflow.stages.find((s) => s.id === stage);
  return found ? local(found.name, lang) : stage;
}

/** What a revision is called on the site: the draft name of the stage it became public in (征求意见稿 …). */
export function draftNameOf(workflow: Workflow, revision: PublicRevision, lang: Lang): string {
  const found = workflow.stages.find((s) => s.id === revision.stage);
  if (found?.draftName) return local(found.draftName, lang);
  return found ? local(found.name, lang) : revision.stage;
}

/** `2026-05-01T09:30:00.000Z` → `2026-05-01`. */
export const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '');
/** `2026-05-01T09:30:00.000Z` → `2026-05-01 09:30 UTC`. */
export const minute = (iso: string | null): string => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '');
