import type { DraftManifest, SourceRole } from '../../../content/draft/draft-types.ts';
import type { RunGit } from '../../../kernel/git/run-git.ts';
import { computeDrift } from './compute-drift.ts';
import type { DriftReport } from './drift-report.ts';
import { readSourceChanges } from './read-source-changes.ts';

/** A revision's pin and the new head of the default branch, in one local mirror. */
export interface DetectDriftOptions {
  mirrorPath: string;
  pinnedCommit: string;
  headCommit: string;
  /** The revision's pinned source files. */
  sources: readonly { path: string; role: SourceRole }[];
  /** The revision's manifest (generated at `pinnedCommit`). */
  manifest: DraftManifest;
  runGit: RunGit;
}

/** What changed under a pinned revision after a push: reads the changes from the mirror, then `computeDrift`. */
export async function detectDrift(options: DetectDriftOptions): Promise<DriftReport> {
  const { mirrorPath, pinnedCommit, headCommit, manifest, runGit } = options;
  const changes = await readSourceChanges({
    runGit,
    mirrorPath,
    pinnedCommit,
    headCommit,
    paths: options.sources.map((s) => s.path),
  });
  return computeDrift({ manifest, pinnedCommit, headCommit, changes });
}
