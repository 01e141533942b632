import type { DraftLang } from '../../draft/draft-types.ts';

/** What the Word file of a revision shows beside the draft: who it belongs to, its stage, dates and codes. */
export interface RevisionDocxMeta {
  /** The proposal's number, e.g. `MP-2026-001`. */
  proposal: string;
  /** The revision's label, e.g. `MP-2026-001-02`. */
  revision: string;
  /** The name of the stage's draft in both languages, e.g. 征求意见稿 / Draft for comment. */
  stage: { zh: string; en: string };
  /** The draft's language: the cover and the fixed words are written in it. */
  lang: DraftLang;
  /** 发布 and 实施 dates; `XXXX-XX-XX` (as GB/T drafts print them) when not given. */
  issueDate?: string | undefined;
  implementationDate?: string | undefined;
  /** ICS and CCS codes when the front matter has none. */
  ics?: string | undefined;
  ccs?: string | undefined;
  /** The issuing body; a placeholder when not given. */
  issuer?: string | undefined;
}

/** How a GB/T draft prints a date not yet fixed. */
export const DATE_PLACEHOLDER = 'XXXX-XX-XX';
