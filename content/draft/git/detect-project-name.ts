import path from 'node:path';
import type { RunGit } from '../../../kernel/git/run-git.ts';
import { projectNameFromUrl } from '../project-name-from-url.ts';

/** The project's `owner/repo`: from the `origin` remote, else the clone URL, else the folder name. */
export async function detectProjectName(
  runGit: RunGit,
  gitDir: string,
  cloneUrl: string | undefined,
  repo: string,
): Promise<string> {
  const origin = await runGit(['config', '--get', 'remote.origin.url'], { cwd: gitDir, okCodes: [0, 1] });
  const fromOrigin = origin.code === 0 ? projectNameFromUrl(origin.stdout.toString('utf8')) : undefined;
  return (
    fromOrigin ??
    (cloneUrl ? projectNameFromUrl(cloneUrl) : undefined) ??
    projectNameFromUrl(path.basename(path.resolve(repo))) ??
    'project'
  );
}
