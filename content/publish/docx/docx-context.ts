import type { DraftLang, ManifestClause } from '../../draft/draft-types.ts';
import type { LeadIns } from '../../draft/lead-ins.ts';
import type { DraftImageFile } from '../../figures/image-facts.ts';
import type { CaptionKind, CaptionNumbering } from '../caption-numbering.ts';

/** What laying out the draft's blocks reads: the language and its wording, the clauses, and the bookmarks so far. */
export interface DocxContext {
  lang: DraftLang;
  L: LeadIns;
  /** The manifest's clauses by ID. */
  clauses: ReadonlyMap<string, ManifestClause>;
  /** The clause IDs that anchor a block of the draft (each gets one bookmark), for links to them. */
  anchored: ReadonlySet<string>;
  /** The clause IDs bookmarked so far (a clause is bookmarked once, on its first block). */
  bookmarked: Set<string>;
  /** The number of the chapter being laid out (`3` for the terms). */
  chapter: string;
  /** Numbers the tables and figures (`createCaptionNumbering`). */
  numbering: CaptionNumbering;
  /** The kinds the draft numbers: those its source captions none of. */
  numbered: Record<CaptionKind, boolean>;
  /** The draft's images read from the mirror, by their address in the draft (the others show their text). */
  images: ReadonlyMap<string, DraftImageFile>;
}
