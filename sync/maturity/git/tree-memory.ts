import type { TreeEntry } from './read-tree.ts';

/**
 * Tree listings an engine remembers between evaluations. Keys are content addresses (directory + tree id,
 * blob id, commit id), so an entry is never stale; the engine bounds the maps by clearing them.
 */
export interface TreeMemory {
  /** `<dir>\0<tree id>` → every file under that directory, with full paths, in `ls-tree -r` order. */
  trees: Map<string, TreeEntry[]>;
  /** Blob id → size in bytes. */
  sizes: Map<string, number>;
  /** Repository id → the commit last listed and its files. */
  heads: Map<number, { commit: string; tree: TreeEntry[] }>;
  /** How many file entries `trees` holds in all (a file counts once per directory above it), to bound it. */
  stored: number;
}

/** An empty tree memory. */
export function createTreeMemory(): TreeMemory {
  return { trees: new Map(), sizes: new Map(), heads: new Map(), stored: 0 };
}
