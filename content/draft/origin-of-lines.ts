import type { ClauseOrigin, CommitInfo, CommitRef } from './draft-types.ts';
import { swhidOfLines } from './swhid.ts';

/** Encodes each path segment for a URL, keeping the slashes (non-ASCII paths stay valid links). */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Permalink to a file at a commit, optionally to a line range (`#L<start>-L<end>`). */
export function permalinkTo(
  base: string,
  name: string,
  commit: string,
  path: string,
  lines?: [number, number],
): string {
  const url = `${base}/${name}/blob/${commit}/${encodePath(path)}`;
  return lines ? `${url}#L${lines[0]}-L${lines[1]}` : url;
}

/** URL of a file's raw content at a commit (for images). */
export function rawUrlTo(base: string, name: string, commit: string, path: string): string {
  return `${base}/${name}/raw/${commit}/${encodePath(path)}`;
}

const ref = (c: CommitInfo): CommitRef => ({ sha: c.sha, author: c.author, date: c.date });

/** Where the lines of a file came from: the commits that wrote them, oldest and newest, and a permalink. */
export interface OriginContext {
  base: string;
  name: string;
  commit: string;
  commits: readonly CommitInfo[];
  /** The upstream's URL, the SWHIDs' origin (omitted unless http(s)). */
  repository?: string;
}

/**
 * Provenance of lines `start..end` (1-based, inclusive) of one file from its per-line blame.
 *
 * Before: lines 3–5 blamed to commits [b, a, b]   After: introducedIn a, lastChangedIn b, commits [a, b]
 */
export function originOfLines(
  context: OriginContext,
  path: string,
  lineCommits: readonly number[],
  start: number,
  end: number,
): ClauseOrigin {
  const used = new Set<number>();
  for (let line = start; line <= end; line++) {
    const index = lineCommits[line - 1];
    if (index !== undefined) used.add(index);
  }
  const commits = [...used]
    .map((i) => context.commits[i])
    .filter((c): c is CommitInfo => c !== undefined)
    .sort((a, b) => a.time - b.time || a.sha.localeCompare(b.sha));
  const first = commits[0];
  const last = commits[commits.length - 1];
  const origin: ClauseOrigin = {
    path,
    startLine: start,
    endLine: end,
    commit: context.commit,
    permalink: permalinkTo(context.base, context.name, context.commit, path, [start, end]),
    introducedIn: first ? ref(first) : null,
    lastChangedIn: last ? ref(last) : null,
    commits: commits.map((c) => c.sha),
  };
  const swhid = swhidOfLines(context.commit, context.repository, path, start, end);
  if (swhid !== undefined) origin.swhid = swhid;
  return origin;
}
