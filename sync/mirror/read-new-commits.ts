import { StringDecoder } from 'node:string_decoder';
import type { CommitRecord } from '../../db/commits/commit-queries.ts';
import type { RunGit } from '../../kernel/git/run-git.ts';

// Fields separated by NUL, records by RS (0x1e). %aN/%aE apply .mailmap (in a bare mirror git reads HEAD:.mailmap).
const FIELDS = [
  '%H',
  '%P',
  '%aN',
  '%aE',
  '%an',
  '%ae',
  '%aI',
  '%at',
  '%cn',
  '%ce',
  '%cI',
  '%s',
  '%(trailers:key=Signed-off-by,valueonly,separator=%x1f)',
];
const FORMAT = FIELDS.join('%x00') + '%x1e';

/** Parses the output of `git log --format=FORMAT` (records end with RS, fields are NUL-separated). */
export function parseCommitLog(output: string): CommitRecord[] {
  const commits: CommitRecord[] = [];
  let start = 0;
  for (;;) {
    const end = output.indexOf('\x1e', start);
    if (end === -1) break;
    // git puts a newline between records; skip it without copying the record.
    const from = output.charCodeAt(start) === 10 ? start + 1 : start;
    const f = output.slice(from, end).split('\0');
    start = end + 1;
    if (f.length < FIELDS.length) continue;
    const trailers = f[12]!;
    commits.push({
      sha: f[0]!,
      parents: f[1] ? f[1].split(' ') : [],
      authorName: f[2]!,
      authorEmail: f[3]!.toLowerCase(),
      rawAuthorName: f[4]!,
      rawAuthorEmail: f[5]!,
      authorDate: f[6]!,
      authorTime: Number(f[7]),
      committerName: f[8]!,
      committerEmail: f[9]!,
      committerDate: f[10]!,
      subject: f[11]!,
      signedOffBy: trailers
        ? trailers
            .split('\x1f')
            .map((t) => t.trim())
            .filter(Boolean)
        : [],
    });
  }
  return commits;
}

/**
 * Streams the commits reachable from `tips` but not from `known` (the tips indexed before this fetch), so a fetch
 * costs what it brought, never a walk of the whole history. Batches arrive while git is still walking, so parsing
 * and storing overlap with git's own work on a first backfill. Returns how many were read.
 */
export async function streamNewCommits(
  runGit: RunGit,
  gitDir: string,
  tips: readonly string[],
  known: readonly string[],
  onBatch: (commits: CommitRecord[]) => void,
  batchSize = 2000,
): Promise<number> {
  if (tips.length === 0) return 0;
  const input = [...tips, ...known.map((sha) => `^${sha}`)].join('\n') + '\n';
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let batch: CommitRecord[] = [];
  let total = 0;
  const take = (text: string, final: boolean): void => {
    pending += text;
    const cut = final ? pending.length : pending.lastIndexOf('\x1e') + 1;
    if (cut > 0) {
      for (const commit of parseCommitLog(pending.slice(0, cut))) batch.push(commit);
      pending = pending.slice(cut);
    }
    if (batch.length > 0 && (final || batch.length >= batchSize)) {
      onBatch(batch);
      total += batch.length;
      batch = [];
    }
  };
  await runGit(['log', '--stdin', '--ignore-missing', `--format=${FORMAT}`], {
    cwd: gitDir,
    input,
    onStdout: (chunk) => take(decoder.write(chunk), false),
  });
  take(decoder.end(), true);
  return total;
}

/** Shas reachable from `lost` (tips that moved away or were deleted) but from none of `tips` any more. */
export async function readUnreachable(
  runGit: RunGit,
  gitDir: string,
  lost: readonly string[],
  tips: readonly string[],
): Promise<string[]> {
  if (lost.length === 0) return [];
  const input = [...lost, ...tips.map((sha) => `^${sha}`)].join('\n') + '\n';
  const { stdout } = await runGit(['rev-list', '--stdin', '--ignore-missing'], { cwd: gitDir, input });
  return stdout.toString('utf8').split('\n').filter(Boolean);
}
