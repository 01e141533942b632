import type { Lang } from '../../../kernel/i18n/languages.ts';

/** What a printed draft says about itself: in its title, its running header and its language. */
export interface PrintMeta {
  /** The proposal's number, e.g. `MP-2026-001`. */
  proposalNumber: string;
  /** The revision's label, e.g. `MP-2026-001-02`. */
  revisionLabel: string;
  /** The stage's draft name in the draft's language: `征求意见稿`, `Draft for comment`. */
  draftName: string;
  /** The draft's language: it picks the interface words of the draft HTML and the fonts. */
  lang: Lang;
}
