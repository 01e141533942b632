/** Top-level files a repository's license is usually in, most common first. */
export const LICENSE_CANDIDATES = [
  'LICENSE',
  'LICENSE.md',
  'LICENSE.txt',
  'LICENCE',
  'LICENCE.md',
  'COPYING',
  'COPYING.md',
  'LICENSE-APACHE',
  'LICENSE-MIT',
] as const;
