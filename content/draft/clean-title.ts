/**
 * Strips the spec's own manual numbering from a heading, since the draft numbers clauses itself.
 *
 * Before: `3.2. Message format`  /  `Appendix B: Examples`   After: `Message format`  /  `Examples`
 */
export function cleanTitle(title: string): string {
  return title
    .replace(/^\s*(?:(?:appendix|annex)\s+[A-Z](?:\.\d+)*[.:)]?\s*|附录\s*[A-Z]\s*[.:：]?\s*)/i, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*|[A-Z](?:\.\d+)+)[.)]?\s+/, '')
    .trim();
}
