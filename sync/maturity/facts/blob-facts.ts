/** What the signals need to know about one file's content, independent of its path (so it is cached by blob id). */
export interface BlobFacts {
  lines: number;
  /** BCP 14 keywords used normatively (upper case, outside code and outside the BCP 14 boilerplate). */
  bcp14: { count: number; byKeyword: Record<string, number>; lines: number[] };
  /** Lines of the paragraph that cites BCP 14 / RFC 2119 / RFC 8174, when there is one. */
  boilerplate: { from: number; to: number } | null;
  headings: { depth: number; text: string; line: number }[];
  /** List items and table rows that contain links, with the heading they sit under. */
  linkedItems: { line: number; urls: string[]; heading: string | null }[];
  /** First line that says how to report a vulnerability (an address, a form, private advisories). */
  reportingLine: number | null;
  /** Licence recognised from the text, with the line that identifies it. */
  license: { spdx: string; line: number } | null;
}

/** Bumped whenever the readers change, so cached facts of an older reader are not reused. */
export const BLOB_FACTS_VERSION = 3;

/** Markdown files are parsed; other text files only get the line-based facts. */
export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown|mdown|mkd)$/i.test(path);
}
