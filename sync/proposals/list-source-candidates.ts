import { resolveCommit } from './resolve-commit.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';

/** The files of a tree a proposal may take as sources, with the commit the ref named. */
export interface SourceCandidates {
  ref: string;
  commit: string;
  /** Markdown files, specification folders first, at most `MAX_CANDIDATES`. */
  files: string[];
  /** True when the tree holds more Markdown files than are listed. */
  truncated: boolean;
}

const MAX_CANDIDATES = 500;
const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
// Folders where specifications usually live are listed first; the rest keep git's order.
const SPEC_FOLDER = /(^|\/)(spec|specs|specification|docs?|standard|rfcs?)\//i;

/**
 * Lists the Markdown files of `ref` in a mirror (`git ls-tree -r --name-only`), for the picker of the proposal
 * form: `docs/spec.md`, `spec/terms.md`, `README.md` …
 */
export async function listSourceCandidates(runGit: RunGit, gitDir: string, ref: string): Promise<SourceCandidates> {
  const commit = await resolveCommit(runGit, gitDir, ref);
  const listed = await runGit(['ls-tree', '-r', '--name-only', '-z', commit], { cwd: gitDir, timeoutMs: 30_000 });
  const markdown = listed.stdout
    .toString('utf8')
    .split('\0')
    .filter((path) => MARKDOWN.test(path));
  const ordered = [...markdown.filter((p) => SPEC_FOLDER.test(p)), ...markdown.filter((p) => !SPEC_FOLDER.test(p))];
  return {
    ref,
    commit,
    files: ordered.slice(0, MAX_CANDIDATES),
    truncated: ordered.length > MAX_CANDIDATES,
  };
}
