import type { DraftInput, SourceRole } from '../../content/draft/draft-types.ts';

const COMMIT = '1'.repeat(40);

/** A pure-core input for spec texts without git: every line blamed to one commit. */
export function makeInput(
  files: { path?: string; text: string; role?: SourceRole }[],
  overrides: Partial<DraftInput> = {},
): DraftInput {
  return {
    name: 'acme/widgets',
    repository: '/srv/widgets',
    commit: COMMIT,
    permalinkBase: 'https://github.com',
    files: files.map((f, i) => ({
      path: f.path ?? `spec-${i + 1}.md`,
      blob: String(i).repeat(40).slice(0, 40),
      role: f.role ?? 'clauses',
      text: f.text,
      lineCommits: f.text.split('\n').map(() => 0),
    })),
    commits: [{ sha: 'a'.repeat(40), author: 'Alice', date: '2024-01-01T00:00:00+00:00', time: 1704067200 }],
    lang: 'en',
    type: 'association',
    date: '2025-01-01',
    ...overrides,
  };
}
