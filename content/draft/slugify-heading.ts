/**
 * GitHub-style anchor of a heading text, so `#anchors` written against the spec on GitHub can be resolved.
 *
 * Before: `4.2 Retry & back-off`   After: `42-retry--back-off`
 */
export function slugifyHeading(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}
