import { fill, type Messages } from '../../../content/i18n/messages.ts';
import type { Formatters } from '../../../content/i18n/formatters.ts';
import { sourceViewHref } from '../../../content/render/source-view-href.ts';
import type { SourceFile } from '../../../sync/sources/sources-service.ts';
import { projectHref } from '../project/project-href.ts';
import type { MarkedLines } from './marked-lines.ts';

/** Who last changed a line: shown on the first line of each run of lines from one commit. */
export interface SourceBlameCell {
  short: string;
  author: string;
  href: string;
  title: string;
}

/** One line of the listing. */
export interface SourceRow {
  n: number;
  text: string;
  blame: SourceBlameCell | null;
}

/** A run of rows in its own `<tbody>`: the marked range has the range's id (`L10-L20`), so `#L10-L20` finds it. */
export interface SourceSegment {
  id: string | null;
  marked: boolean;
  rows: SourceRow[];
}

/** What views/pages/source.ejs shows. */
export interface SourceModel {
  repository: string;
  projectHref: string;
  path: string;
  title: string;
  commit: { sha: string; short: string; author: string; date: string; dateIso: string; message: string };
  facts: { label: string; value: string }[];
  upstreamHref: string | null;
  rawHref: string;
  /** Instead of the listing (binary, too large, empty), or null. */
  notice: string | null;
  /** Said above the listing: which lines are marked, that blame is missing. */
  remarks: string[];
  tableLabel: string;
  segments: SourceSegment[];
}

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** The addresses of a file at a commit: the portal's raw download and the upstream permalink (GitHub only). */
function hrefsOf(file: SourceFile, marked: MarkedLines | undefined): { raw: string; upstream: string | null } {
  const raw = `/source/${file.repository}/raw/${file.commit.sha}/${encodePath(file.path)}`;
  const fragment = marked
    ? marked.start === marked.end
      ? `#L${marked.start}`
      : `#L${marked.start}-L${marked.end}`
    : '';
  const upstream = file.upstream
    ? `${file.upstream}/blob/${file.commit.sha}/${encodePath(file.path)}${fragment}`
    : null;
  return { raw, upstream };
}

/** Rows with blame on the first line of each run, cut into the segments before, in and after the marked lines. */
function segmentsOf(file: SourceFile, marked: MarkedLines | undefined, t: Messages, fmt: Formatters): SourceSegment[] {
  const byLine = new Map(file.blame?.lines.map((b) => [b.line, b]) ?? []);
  const bounds = marked ? [marked.start - 1, marked.end] : [];
  const segments: SourceSegment[] = [];
  let current: SourceSegment | undefined;
  let previousSha: string | undefined;
  file.lines.forEach((text, i) => {
    const n = i + 1;
    if (!current || bounds.includes(i)) {
      const inRange = marked !== undefined && n >= marked.start && n <= marked.end;
      const id = inRange && marked.start !== marked.end ? `L${marked.start}-L${marked.end}` : null;
      current = { id, marked: inRange, rows: [] };
      segments.push(current);
      previousSha = undefined;
    }
    const line = byLine.get(n);
    let blame: SourceBlameCell | null = null;
    if (line && line.sha !== previousSha) {
      const commit = file.blame?.commits.get(line.sha);
      const author = commit?.author ?? '';
      blame = {
        short: line.sha.slice(0, 7),
        author,
        href: `${sourceViewHref(file.repository, line.sha, line.originalPath) ?? ''}#L${line.originalLine}`,
        title: fill(t.source.blameTitle, {
          summary: commit?.summary ?? '',
          author,
          date: fmt.date(commit?.date ?? null),
        }),
      };
    }
    previousSha = line?.sha;
    current.rows.push({ n, text, blame });
  });
  return segments;
}

/** The source view's model of one file at one commit. */
export function sourceModel(input: {
  file: SourceFile;
  marked: MarkedLines | undefined;
  t: Messages;
  fmt: Formatters;
}): SourceModel {
  const { file, marked, t, fmt } = input;
  const [owner = '', repo = ''] = file.repository.split('/');
  const short = file.commit.sha.slice(0, 7);
  const hrefs = hrefsOf(file, marked);
  const notice =
    file.kind === 'binary'
      ? t.source.binary
      : file.kind === 'too-large'
        ? t.source.tooLarge
        : file.lines.length === 0
          ? t.source.empty
          : null;
  const remarks: string[] = [];
  if (notice === null && marked)
    remarks.push(fill(marked.start === marked.end ? t.source.markedOne : t.source.marked, { ...marked }));
  if (notice === null && file.blame === null) remarks.push(t.source.noBlame);
  return {
    repository: file.repository,
    projectHref: projectHref(owner, repo),
    path: file.path,
    title: fill(t.source.title, { path: file.path, commit: short }),
    commit: {
      sha: file.commit.sha,
      short,
      author: file.commit.author,
      date: fmt.date(file.commit.date),
      dateIso: file.commit.date,
      message: file.commit.message,
    },
    facts: [
      { label: t.source.size, value: fill(t.source.bytes, { size: fmt.number(file.size) }) },
      ...(file.kind === 'text' ? [{ label: t.source.lineCount, value: fmt.number(file.lines.length) }] : []),
    ],
    upstreamHref: hrefs.upstream,
    rawHref: hrefs.raw,
    notice,
    remarks,
    tableLabel: fill(t.source.tableLabel, { path: file.path, commit: short }),
    segments: notice === null ? segmentsOf(file, marked, t, fmt) : [],
  };
}
