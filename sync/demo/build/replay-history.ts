import type { DemoChange, DemoHistory, DemoPeople } from './demo-history-schema.ts';

/** A name and address as they appear in a commit or tag. */
export interface GitIdentity {
  name: string;
  email: string;
  /** GitHub login, absent for GitHub's own web-flow committer. */
  login?: string;
}

/** One commit after replay: its parents, identities, full message and the complete file tree. */
export interface ReplayedCommit {
  index: number;
  label?: string;
  branch: string;
  /** Indexes of parent commits (first parent first). */
  parents: number[];
  author: GitIdentity;
  authorDate: string;
  committer: GitIdentity;
  committerDate: string;
  message: string;
  /** Every file of the tree at this commit, path to content. */
  tree: ReadonlyMap<string, string>;
}

/** A tag after replay, pointing at a commit index. */
export interface ReplayedTag {
  name: string;
  commit: number;
  annotated: boolean;
  tagger: GitIdentity;
  date: string;
  message: string;
}

/** The whole replayed history of one project. */
export interface ReplayedHistory {
  commits: ReplayedCommit[];
  /** Branch name to the index of its tip commit. */
  branches: Map<string, number>;
  tags: ReplayedTag[];
}

const webFlow: GitIdentity = { name: 'GitHub', email: 'noreply@github.com' };
const safePath = /^[A-Za-z0-9_.@+-]+(\/[A-Za-z0-9_.@+-]+)*$/;

/**
 * Replays a history: applies each commit's file operations to the tree of its branch and returns full trees,
 * so the git writer never has to reason about diffs. Pure; problems in the data throw with the commit named.
 */
export function replayHistory(
  history: DemoHistory,
  people: DemoPeople,
  files: ReadonlyMap<string, string>,
): ReplayedHistory {
  const identity = (key: string, email?: string): GitIdentity => {
    if (key === 'github') return webFlow;
    const person = people[key];
    if (!person) throw new Error(`${history.repo}: unknown person "${key}"; add them to people.yml`);
    return { name: person.name, email: email ?? person.email, login: key };
  };
  const commits: ReplayedCommit[] = [];
  const labels = new Map<string, number>();
  const branches = new Map<string, number>();
  // A branch remembers the tree it started from, so a merge can take exactly the branch's own changes.
  const forkBase = new Map<string, ReadonlyMap<string, string>>();

  history.commits.forEach((entry, index) => {
    const where = `${history.repo} commit ${index + 1} (${entry.label ?? entry.message.split('\n')[0]})`;
    const branch = entry.branch ?? history.defaultBranch;
    let tip = branches.get(branch);
    if (tip === undefined && branch !== history.defaultBranch) {
      tip = branches.get(history.defaultBranch);
      if (tip === undefined) throw new Error(`${where}: branch ${branch} cannot start before the first commit`);
      forkBase.set(branch, commits[tip]!.tree);
    }
    const parents = tip === undefined ? [] : [tip];
    const tree = new Map(tip === undefined ? [] : commits[tip]!.tree);
    if (entry.merge) {
      const other = branches.get(entry.merge);
      const base = forkBase.get(entry.merge);
      if (other === undefined || !base) throw new Error(`${where}: nothing to merge from branch ${entry.merge}`);
      parents.push(other);
      const theirs = commits[other]!.tree;
      for (const path of new Set([...theirs.keys(), ...base.keys()])) {
        const changed = theirs.get(path);
        if (changed === base.get(path)) continue;
        if (changed === undefined) tree.delete(path);
        else tree.set(path, changed);
      }
    }
    for (const change of entry.changes) applyChange(tree, change, files, where);

    const author = identity(entry.author, entry.email);
    const committer = entry.committer ? identity(entry.committer) : author;
    const trailers = [...(entry.trailers ?? [])];
    if (history.dco || entry.signoff) trailers.push(`Signed-off-by: ${author.name} <${author.email}>`);
    const body = entry.message.trim();
    const message = trailers.length > 0 ? `${body}\n\n${trailers.join('\n')}\n` : `${body}\n`;
    const commit: ReplayedCommit = {
      index: commits.length,
      ...(entry.label ? { label: entry.label } : {}),
      branch,
      parents,
      author,
      authorDate: entry.date,
      committer,
      committerDate: entry.committerDate ?? entry.date,
      message,
      tree,
    };
    commits.push(commit);
    branches.set(branch, commit.index);
    if (entry.label) {
      if (labels.has(entry.label)) throw new Error(`${where}: label ${entry.label} is used twice`);
      labels.set(entry.label, commit.index);
    }
  });

  const at = (label: string, what: string): number => {
    const index = labels.get(label);
    if (index === undefined) throw new Error(`${history.repo}: ${what} points at unknown commit label "${label}"`);
    return index;
  };
  for (const extra of history.branches) branches.set(extra.name, at(extra.at, `branch ${extra.name}`));
  const tags = history.tags.map((tag): ReplayedTag => {
    const commit = at(tag.at, `tag ${tag.name}`);
    const target = commits[commit]!;
    return {
      name: tag.name,
      commit,
      annotated: tag.annotated,
      tagger: tag.tagger ? identity(tag.tagger) : target.committer,
      date: tag.date ?? target.committerDate,
      message: `${(tag.message ?? `Release ${tag.name}`).trim()}\n`,
    };
  });
  return { commits, branches, tags };
}

function applyChange(
  tree: Map<string, string>,
  change: DemoChange,
  files: ReadonlyMap<string, string>,
  where: string,
): void {
  const checkPath = (path: string): string => {
    if (!safePath.test(path)) throw new Error(`${where}: path "${path}" must be plain ASCII segments`);
    return path;
  };
  const current = (path: string): string => {
    const content = tree.get(path);
    if (content === undefined) throw new Error(`${where}: ${path} does not exist at this point`);
    return content;
  };
  if ('write' in change) {
    const source = 'from' in change ? change.from : change.write;
    const content = files.get(source);
    if (content === undefined) throw new Error(`${where}: files/${source} is missing`);
    tree.set(checkPath(change.write), content);
  } else if ('append' in change) {
    const before = tree.get(checkPath(change.append)) ?? '';
    const separator = before === '' || before.endsWith('\n') ? '' : '\n';
    tree.set(change.append, `${before}${separator}${change.lines.join('\n')}\n`);
  } else if ('replace' in change) {
    const before = current(change.replace);
    const count = before.split(change.old).length - 1;
    if (count !== 1) {
      throw new Error(
        `${where}: in ${change.replace}, "${change.old.slice(0, 60)}" occurs ${count} times; it must occur exactly once`,
      );
    }
    tree.set(
      change.replace,
      before.replace(change.old, () => change.new),
    );
  } else if ('rename' in change) {
    const content = current(change.rename);
    if (tree.has(change.to)) throw new Error(`${where}: cannot rename onto existing ${change.to}`);
    tree.delete(change.rename);
    tree.set(checkPath(change.to), content);
  } else {
    current(change.delete);
    tree.delete(change.delete);
  }
}
