import type { GitIdentity, ReplayedHistory } from './replay-history.ts';

/**
 * Turns a replayed history into a `git fast-import` stream. Every commit lists its whole tree (`deleteall`
 * then one `M` per file), blobs are written once per distinct content, and dates carry their own offsets,
 * so the same history always yields the same object ids whatever the machine, clock or time zone.
 *
 *   commit refs/heads/main / mark :1 / author A <a@x> 1709345700 +0800 / ... / M 100644 :3 README.md
 */
export function fastImportStream(replayed: ReplayedHistory): Buffer {
  const chunks: Buffer[] = [];
  const text = (value: string): void => {
    chunks.push(Buffer.from(value, 'utf8'));
  };
  const data = (value: string): void => {
    const bytes = Buffer.from(value, 'utf8');
    text(`data ${bytes.length}\n`);
    chunks.push(bytes);
    text('\n');
  };
  // Commit marks are 1..n; blob marks follow, so they never collide.
  const commitMark = (index: number): string => `:${index + 1}`;
  let nextBlobMark = replayed.commits.length + 1;
  const blobMarks = new Map<string, number>();

  for (const commit of replayed.commits) {
    const treeLines: string[] = [];
    for (const [path, content] of [...commit.tree].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      let mark = blobMarks.get(content);
      if (mark === undefined) {
        mark = nextBlobMark++;
        blobMarks.set(content, mark);
        text(`blob\nmark :${mark}\n`);
        data(content);
      }
      treeLines.push(`M 100644 :${mark} ${path}\n`);
    }
    text(`commit refs/heads/${commit.branch}\nmark ${commitMark(commit.index)}\n`);
    text(`author ${signature(commit.author, commit.authorDate)}\n`);
    text(`committer ${signature(commit.committer, commit.committerDate)}\n`);
    data(commit.message);
    const [first, ...others] = commit.parents;
    if (first !== undefined) text(`from ${commitMark(first)}\n`);
    for (const other of others) text(`merge ${commitMark(other)}\n`);
    text('deleteall\n');
    text(treeLines.join(''));
    text('\n');
  }
  // Every branch is set explicitly, so branches never committed on (release lines) exist too.
  for (const [name, index] of [...replayed.branches].sort(([a], [b]) => (a < b ? -1 : 1))) {
    text(`reset refs/heads/${name}\nfrom ${commitMark(index)}\n\n`);
  }
  for (const tag of replayed.tags) {
    if (tag.annotated) {
      text(`tag ${tag.name}\nfrom ${commitMark(tag.commit)}\ntagger ${signature(tag.tagger, tag.date)}\n`);
      data(tag.message);
    } else {
      text(`reset refs/tags/${tag.name}\nfrom ${commitMark(tag.commit)}\n\n`);
    }
  }
  text('done\n');
  return Buffer.concat(chunks);
}

/** `Name <email> <epoch seconds> <+hhmm>` from an ISO date with an offset. */
export function signature(who: GitIdentity, isoDate: string): string {
  const epoch = Date.parse(isoDate) / 1000;
  if (!Number.isInteger(epoch)) throw new Error(`not a whole-second ISO date: ${isoDate}`);
  const offset = /([+-]\d{2}):?(\d{2})$/.exec(isoDate);
  const zone = offset ? `${offset[1]}${offset[2]}` : '+0000';
  return `${who.name} <${who.email}> ${epoch} ${zone}`;
}
