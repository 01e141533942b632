import { DomainError } from '../../../kernel/errors/domain-error.ts';
import type { CatFileSession } from '../../../kernel/git/cat-file-session.ts';
import { subtreeKey, type TreeEntry } from './read-tree.ts';
import type { TreeMemory } from './tree-memory.ts';

/**
 * Lists every file of `commit` like `readTree`, through an open cat-file session: reads the root tree object and
 * descends only into subtrees whose (directory, tree id) pair is not in `memory`, taking the rest from there.
 * Sizes of blobs not seen before are asked with `info`. After a push this reads a handful of small objects.
 */
export async function readTreeChanges(
  session: CatFileSession,
  commit: string,
  memory: TreeMemory,
): Promise<TreeEntry[]> {
  const root = await session.contents(`${commit}^{tree}`);
  if (!root || root.type !== 'tree' || !root.content)
    throw new DomainError('upstream', 'git_failed', `the tree of ${commit} could not be read`);
  return listTree(session, '', root.content, commit.length / 2, memory);
}

/** Files of one tree object's content, under `dir` ('' for the root), in `ls-tree -r` order. */
async function listTree(
  session: CatFileSession,
  dir: string,
  content: Buffer,
  idBytes: number,
  memory: TreeMemory,
): Promise<TreeEntry[]> {
  // Each record of a tree object: "<mode> <name>\0<binary id>". Requests are all sent before any answer is awaited.
  const parts: (TreeEntry | Promise<TreeEntry | TreeEntry[]>)[] = [];
  let offset = 0;
  while (offset < content.length) {
    const space = content.indexOf(0x20, offset);
    const nul = content.indexOf(0, space);
    if (space === -1 || nul === -1 || nul + 1 + idBytes > content.length)
      throw new DomainError('upstream', 'git_failed', `a tree object under '${dir}' is malformed`);
    const mode = content.toString('latin1', offset, space);
    const name = content.toString('utf8', space + 1, nul);
    const id = content.toString('hex', nul + 1, nul + 1 + idBytes);
    offset = nul + 1 + idBytes;
    const path = dir === '' ? name : `${dir}/${name}`;
    // Kinds as git canonicalises modes (`canon_mode`): directories, regular files, and the rest (symlinks, submodules).
    const kind = parseInt(mode, 8) & 0o170000;
    if (kind === 0o040000) {
      const known = memory.trees.get(subtreeKey(path, id));
      parts.push(known ? Promise.resolve(known) : readSubtree(session, path, id, idBytes, memory));
    } else if (kind === 0o100000) {
      // Symlinks (120000) and submodules (160000) are not files to read, as in `readTree`.
      const size = memory.sizes.get(id);
      if (size !== undefined) parts.push({ path, blob: id, size });
      else parts.push(blobEntry(session, path, id, memory));
    }
  }
  const files: TreeEntry[] = [];
  for (const part of await Promise.all(parts)) {
    if (Array.isArray(part)) for (const e of part) files.push(e);
    else files.push(part);
  }
  return files;
}

async function readSubtree(
  session: CatFileSession,
  path: string,
  id: string,
  idBytes: number,
  memory: TreeMemory,
): Promise<TreeEntry[]> {
  const object = await session.contents(id);
  if (!object || object.type !== 'tree' || !object.content)
    throw new DomainError('upstream', 'git_failed', `the tree ${id} of '${path}' could not be read`);
  const files = await listTree(session, path, object.content, idBytes, memory);
  memory.trees.set(subtreeKey(path, id), files);
  memory.stored += files.length;
  return files;
}

async function blobEntry(session: CatFileSession, path: string, id: string, memory: TreeMemory): Promise<TreeEntry> {
  const object = await session.info(id);
  if (!object) throw new DomainError('upstream', 'git_failed', `the blob ${id} of '${path}' is missing`);
  memory.sizes.set(id, object.size);
  return { path, blob: id, size: object.size };
}
