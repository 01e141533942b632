import type { RevisionBuildRequest } from '../../sync/proposals/build-revision.ts';

/** A revision of `files` (all `clauses`) at `main` of a fixture repository, as the revision job would ask for it. */
export const revisionRequest = (
  dir: string,
  files: readonly string[],
  extra: Partial<RevisionBuildRequest> = {},
): RevisionBuildRequest => ({
  mirrorPath: dir,
  ref: 'main',
  sources: files.map((path) => ({ path, role: 'clauses' as const })),
  name: 'acme/p',
  repositoryUrl: 'https://github.com/acme/p',
  titleZh: '协议',
  titleEn: 'Protocol',
  permalinkBase: 'https://github.com',
  date: '2025-01-01',
  cwd: dir,
  ...extra,
});
