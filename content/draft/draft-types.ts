import type { MessageParams } from '../../kernel/i18n/message.ts';
// The data that crosses the boundary of the draft generator: what goes in (spec texts with their blame, all
// plain and structured-cloneable so a worker thread can receive it) and what comes out (Markdown, manifest, lint).

/** Language of the fixed lead-in sentences (the spec text itself is never translated). */
export type DraftLang = 'zh' | 'en';

/** Kind of standard the draft is written for; decides the number placeholder. */
export type StandardType = 'association' | 'industry' | 'national';

/** Where provenance goes: `annex` keeps the body clean (clause-ID anchors only), `body` adds a source note per clause. */
export type ProvenanceMode = 'annex' | 'body';

/** What a source file contributes to the draft. */
export type SourceRole = 'clauses' | 'terms' | 'normative-annex' | 'informative-annex' | 'introduction';

/** One commit as blame reports it. */
export interface CommitInfo {
  sha: string;
  author: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  /** Committer time in seconds since the epoch; orders commits oldest to newest. */
  time: number;
}

/** One spec file read at the pinned commit, with the commit that last wrote each of its lines. */
export interface DraftSourceFile {
  /** Path inside the repository at the pinned commit. */
  path: string;
  /** Blob SHA of the file at the pinned commit. */
  blob: string;
  role: SourceRole;
  text: string;
  /** `lineCommits[i]` indexes `DraftInput.commits` for line i + 1; empty when blame is unknown. */
  lineCommits: number[];
}

/** Everything `generateDraft` needs; no I/O happens after this is built. */
export interface DraftInput {
  /** `owner/repo` (or a folder name) used in permalinks. */
  name: string;
  /** Where the source came from (path or clone URL), recorded as is. */
  repository: string;
  /** The pinned 40-hex commit SHA. */
  commit: string;
  /** Web base of permalinks without trailing slash, e.g. `https://github.com`. */
  permalinkBase: string;
  files: DraftSourceFile[];
  commits: CommitInfo[];
  lang: DraftLang;
  type: StandardType;
  titleZh?: string | undefined;
  titleEn?: string | undefined;
  /** SPDX identifier (or a short name) of the source's license, when known. */
  license?: string | undefined;
  /** Date of the draft, `YYYY-MM-DD` (injected: the core never reads a clock). */
  date: string;
  /** Default `annex`. */
  provenance?: ProvenanceMode | undefined;
  /** The committee's data for the cover and the Foreword (sources.yml and CLI options). */
  committee?: CommitteeData | undefined;
  /** The manifest of the previous revision's draft: clause IDs are carried forward from it. */
  previous?: PreviousManifest | undefined;
}

/** Who proposes, owns and drafts the standard, and its classification codes. */
export interface CommitteeData {
  /** 提出单位 */
  proposer?: string | undefined;
  /** 归口单位 */
  committee?: string | undefined;
  /** 起草单位 */
  draftingUnits?: string[] | undefined;
  /** 起草人 */
  drafters?: string[] | undefined;
  /** International Classification for Standards, e.g. `35.240.60`. */
  ics?: string | undefined;
  /** Chinese Classification for Standards, e.g. `L67`. */
  ccs?: string | undefined;
}

/** What carrying IDs forward reads of a previous manifest (older manifests lack `headingPath`). */
export interface PreviousManifest {
  commit?: string | undefined;
  clauses: PreviousClause[];
}

/** One block of the previous revision. */
export interface PreviousClause {
  id: string;
  kind: string;
  sourceText: string;
  headingPath?: string[] | undefined;
  title?: string | undefined;
}

/** Kinds of generated blocks that carry provenance. */
export type ClauseKind =
  | 'clause'
  | 'annex'
  | 'paragraph'
  | 'list-item'
  | 'table'
  | 'code'
  | 'note'
  | 'example'
  | 'quote'
  | 'term'
  | 'reference'
  | 'footnote';

/** A commit as cited in an origin. */
export interface CommitRef {
  sha: string;
  author: string;
  date: string;
}

/** Where a generated block came from. Lines are 1-based and inclusive. */
export interface ClauseOrigin {
  path: string;
  startLine: number;
  endLine: number;
  commit: string;
  permalink: string;
  introducedIn: CommitRef | null;
  lastChangedIn: CommitRef | null;
  /** Every commit that wrote these lines, oldest first. */
  commits: string[];
  /**
   * The lines' SWHID (ISO/IEC 18670): `swh:1:rev:<commit>;origin=<url>;path=/<path>;lines=<a>-<b>`. Absent in
   * manifests made before it was recorded, and for commits that are not SHA-1.
   */
  swhid?: string;
}

/** How a block relates to the previous revision (with `--previous`). */
export type ClauseChange = 'unchanged' | 'edited' | 'moved' | 'new';

/** One generated block in the manifest. */
export interface ManifestClause {
  /** Stable ID derived from the block's kind and source text, never from its number. */
  id: string;
  /** Number of the clause it is in (`4.2`, `3.1`, `A.1`), `0` for the introduction. */
  number: string;
  kind: ClauseKind;
  /** Title of the clause it is in (or the term, for a term entry). */
  title: string;
  /** Plain text as it appears in the draft. */
  text: string;
  /** Plain text as written in the source. */
  sourceText: string;
  /** Titles of the spec headings the block sits under (source order, without numbers): what IDs are matched on. */
  headingPath: string[];
  origin: ClauseOrigin;
  /** With a previous manifest: the ID this block had there (null for a new block), and how it changed. */
  previousId?: string | null;
  change?: ClauseChange;
}

/** Forms a BCP 14 keyword maps to. */
export type RequirementForm = 'shall' | 'shall not' | 'should' | 'should not' | 'may';

/** One requirement of the conformance checklist. */
export interface ManifestRequirement {
  /** `R-<clause number>-<n>`: follows the numbering, so it is for reading; `clauseId` is the stable link. */
  id: string;
  clauseId: string;
  /** The keyword as written (`MUST NOT`). */
  keyword: string;
  form: RequirementForm;
  /** The sentence holding the requirement, as it appears in the draft. */
  text: string;
}

/** Names of the lint rules. */
export type LintRule =
  | 'requirement-in-informative'
  | 'ambiguous-keyword'
  | 'hanging-paragraph'
  | 'lone-subclause'
  | 'depth-over-five'
  | 'unresolved-link'
  | 'duplicate-term'
  | 'dropped-html'
  | 'table-of-contents'
  | 'conventions-replaced'
  | 'declared-keywords'
  | 'term-group'
  | 'terms-lead-in'
  | 'stage-label'
  | 'self-reference'
  | 'scope-drafted'
  | 'missing-committee-data'
  | 'reference-not-document'
  | 'reference-untitled'
  | 'reference-unidentified'
  | 'reference-dropped';

/** One content problem; reported, never thrown. */
export interface LintIssue {
  rule: LintRule;
  /** What is wrong and what to do, in the draft's language; `code` and `params` render it in any language. */
  message: string;
  code: string;
  params: MessageParams;
  clauseId: string | null;
  /** The spec file, or `''` for an issue of the whole draft (missing committee data). */
  path: string;
  /** 1-based; 0 with an empty path. */
  line: number;
}

/** The provenance manifest (`--manifest`). */
export interface DraftManifest {
  source: {
    name: string;
    repository: string;
    commit: string;
    files: { path: string; blob: string; role: SourceRole }[];
  };
  generator: { name: string; version: string };
  lang: DraftLang;
  type: StandardType;
  date: string;
  provenance: ProvenanceMode;
  /** The revision IDs were carried forward from (`--previous`), or null. */
  previous: { commit: string | null; clauses: number } | null;
  clauses: ManifestClause[];
  requirements: ManifestRequirement[];
  lint: LintIssue[];
}

/** What `generateDraft` returns. */
export interface DraftResult {
  markdown: string;
  manifest: DraftManifest;
  lint: LintIssue[];
}
