/** The commit a run of blamed lines came from. */
export interface BlameCommit {
  sha: string;
  author: string;
  /** ISO 8601 (UTC) of the author time. */
  date: string;
  summary: string;
}

/** Who last wrote one line of a file at a commit. */
export interface BlameLine {
  /** 1-based line number in the file as it is at the blamed commit. */
  line: number;
  sha: string;
  /** The line's number and the file's path in the commit that wrote it (renames followed). */
  originalLine: number;
  originalPath: string;
}

/** A whole file's blame: one entry per line, and each commit once. */
export interface Blame {
  lines: BlameLine[];
  commits: Map<string, BlameCommit>;
}

const HEADER = /^([0-9a-f]{40,64}) (\d+) (\d+)(?: \d+)?$/;

/**
 * Reads `git blame --porcelain` output. Each line's entry is a header (`<sha> <orig> <final> [<count>]`), the
 * commit's details the first time it appears (`author`, `author-time`, `summary`, `filename`…), then the line
 * itself after a tab. `filename` is said when it changes for a commit, so it is remembered per commit.
 *
 * Before: "b82f… 1 1 1\nauthor Ann\nauthor-time 1700000000\n…\nfilename f.txt\n\ta\n"
 * After:  lines [{ line: 1, sha: "b82f…", originalLine: 1, originalPath: "f.txt" }], commits b82f… → Ann
 */
export function parseBlamePorcelain(text: string): Blame {
  const lines: BlameLine[] = [];
  const commits = new Map<string, BlameCommit>();
  const paths = new Map<string, string>();
  let current: { sha: string; originalLine: number; line: number } | undefined;
  for (const row of text.split('\n')) {
    if (row.startsWith('\t')) {
      if (current)
        lines.push({
          line: current.line,
          sha: current.sha,
          originalLine: current.originalLine,
          originalPath: paths.get(current.sha) ?? '',
        });
      current = undefined;
      continue;
    }
    const header = current ? null : HEADER.exec(row);
    if (header) {
      current = { sha: header[1]!, originalLine: Number(header[2]), line: Number(header[3]) };
      if (!commits.has(current.sha)) commits.set(current.sha, { sha: current.sha, author: '', date: '', summary: '' });
      continue;
    }
    if (!current) continue;
    const space = row.indexOf(' ');
    const key = space < 0 ? row : row.slice(0, space);
    const value = space < 0 ? '' : row.slice(space + 1);
    const commit = commits.get(current.sha)!;
    if (key === 'author') commit.author = value;
    else if (key === 'author-time') commit.date = new Date(Number(value) * 1000).toISOString();
    else if (key === 'summary') commit.summary = value;
    else if (key === 'filename') paths.set(current.sha, value);
  }
  return { lines, commits };
}
