import type { CommitInfo } from '../draft-types.ts';

/** Commits seen across the blame of several files, each stored once and referred to by index. */
export interface CommitTable {
  index: Map<string, number>;
  commits: CommitInfo[];
}

/** An empty commit table. */
export function createCommitTable(): CommitTable {
  return { index: new Map(), commits: [] };
}

/** `1700000000` + `+0800` → `2023-11-15T06:13:20+08:00` (the author's local time, as git shows it). */
function isoDate(epoch: number, tz: string): string {
  const sign = tz.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(3, 5)));
  const local = new Date((epoch + minutes * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${tz.slice(0, 3)}:${tz.slice(3, 5)}`;
}

/**
 * Parses `git blame --line-porcelain` into one commit index per final line. Headers of a commit already in
 * the table are skipped without being split, so the work is linear in the output and mostly `indexOf`.
 *
 * Before: `<sha> 3 5 1\nauthor Ann\nauthor-time 1700000000\n…\n\tline text\n`
 * After:  lineCommits[4] = index of <sha>; table.commits[index] = { sha, author: 'Ann', date, time }
 */
export function parseLinePorcelain(out: string, table: CommitTable): number[] {
  const lineCommits: number[] = [];
  let pos = 0;
  while (pos < out.length) {
    const eol = out.indexOf('\n', pos);
    if (eol === -1) break;
    const sha = out.slice(pos, pos + 40);
    const afterSha = pos + 41;
    const space = out.indexOf(' ', afterSha);
    const nextSpace = out.indexOf(' ', space + 1);
    const finalLine = Number(out.slice(space + 1, nextSpace === -1 || nextSpace > eol ? eol : nextSpace));
    const tab = out.indexOf('\n\t', eol);
    if (tab === -1) break;
    let index = table.index.get(sha);
    if (index === undefined) {
      const fields = new Map<string, string>();
      for (const line of out.slice(eol + 1, tab).split('\n')) {
        const cut = line.indexOf(' ');
        fields.set(cut === -1 ? line : line.slice(0, cut), cut === -1 ? '' : line.slice(cut + 1));
      }
      const authorTime = Number(fields.get('author-time') ?? 0);
      index = table.commits.length;
      table.commits.push({
        sha,
        author: fields.get('author') ?? '',
        date: isoDate(authorTime, fields.get('author-tz') ?? '+0000'),
        time: Number(fields.get('committer-time') ?? authorTime),
      });
      table.index.set(sha, index);
    }
    lineCommits[finalLine - 1] = index;
    const end = out.indexOf('\n', tab + 2);
    pos = end === -1 ? out.length : end + 1;
  }
  return lineCommits;
}
