import type { DiffHunk } from './drift-report.ts';

/** One file of a `git diff -U0` patch. */
export interface DiffFile {
  /** Null for an added file. */
  oldPath: string | null;
  /** Null for a deleted file. */
  newPath: string | null;
  status: 'modified' | 'renamed' | 'deleted' | 'added';
  hunks: DiffHunk[];
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** A path as git writes it in a patch: C-quoted (`"a\tb"`, UTF-8 as octal bytes) when it holds special bytes. */
export function unquotePath(written: string): string {
  if (!written.startsWith('"')) return written;
  const bytes: number[] = [];
  for (let i = 1; i < written.length - 1; i++) {
    const c = written[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = written[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(written.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The path of a `---`/`+++` line: null for /dev/null, else without its `a/` or `b/` prefix. */
function sidePath(rest: string): string | null {
  // Git ends the name with a tab when it holds a space, so that patch tools find its end.
  const name = unquotePath(rest.replace(/\t$/, ''));
  return name === '/dev/null' ? null : name.slice(2);
}

/**
 * Reads a patch written by `git diff --no-color -U0 --src-prefix=a/ --dst-prefix=b/`: per file its paths, status
 * and hunks with the text of the removed and added lines. A file without text changes (a rename that kept its
 * text, a mode change, a binary file) has no hunks; its paths come from the rename lines or the `diff --git` line.
 *
 * Before: `diff --git a/s.md b/s.md` … `@@ -3 +3 @@` `-A peer SHOULD retry.` `+A peer MUST retry.`
 * After:  [{ s.md → s.md, modified, hunks [{ 3,1 → 3,1, old [A peer SHOULD retry.], new [A peer MUST retry.] }] }]
 */
export function parseDiff(patch: string): DiffFile[] {
  const files: DiffFile[] = [];
  let file: DiffFile | undefined;
  let hunk: DiffHunk | undefined;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      const rest = line.slice('diff --git '.length);
      // Unquoted and the same on both sides (`a/P b/P`): P is the first half after its prefix.
      const same = !rest.startsWith('"') && rest.length % 2 === 1 ? rest.slice(2, (rest.length - 1) / 2) : null;
      file = { oldPath: same, newPath: same, status: 'modified', hunks: [] };
      hunk = undefined;
      files.push(file);
    } else if (!file) continue;
    else if (hunk && (line.startsWith('-') || line.startsWith('+'))) {
      (line[0] === '-' ? hunk.oldLines : hunk.newLines).push(line.slice(1));
    } else if (line.startsWith('@@ ')) {
      const m = HUNK.exec(line);
      if (!m) continue;
      hunk = {
        oldStart: Number(m[1]),
        oldCount: m[2] === undefined ? 1 : Number(m[2]),
        newStart: Number(m[3]),
        newCount: m[4] === undefined ? 1 : Number(m[4]),
        oldLines: [],
        newLines: [],
      };
      file.hunks.push(hunk);
    } else if (hunk)
      continue; // `\ No newline at end of file`
    else if (line.startsWith('--- ')) file.oldPath = sidePath(line.slice(4));
    else if (line.startsWith('+++ ')) file.newPath = sidePath(line.slice(4));
    else if (line.startsWith('rename from ')) file.oldPath = unquotePath(line.slice('rename from '.length));
    else if (line.startsWith('rename to ')) {
      file.newPath = unquotePath(line.slice('rename to '.length));
      file.status = 'renamed';
    } else if (line.startsWith('deleted file mode')) file.status = 'deleted';
    else if (line.startsWith('new file mode')) file.status = 'added';
  }
  for (const f of files) {
    if (f.status === 'deleted') f.newPath = null;
    if (f.status === 'added') f.oldPath = null;
  }
  return files;
}
