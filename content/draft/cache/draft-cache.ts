import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SpecOutline } from '../build-outline.ts';
import type { CommitInfo } from '../draft-types.ts';
import { DRAFT_GENERATOR_VERSION } from '../draft-version.ts';

/** The blame of one file at a commit, in a form that does not depend on a commit table. */
export interface CachedBlame {
  /** The commit the blame was run at. */
  commit: string;
  commits: CommitInfo[];
  /** Per line, the index into `commits`. */
  lines: number[];
}

/**
 * Parsed spec files (outlines) and blames kept between drafts, by blob id, so regenerating after a change reads and
 * parses only what changed. Entries are stored serialised (`node:v8`): every `get` returns a fresh copy, since
 * rendering a draft changes the outline it renders.
 */
export interface DraftCache {
  getOutline(key: string): Promise<SpecOutline | undefined>;
  setOutline(key: string, outline: SpecOutline): void;
  getBlame(path: string, blob: string): Promise<CachedBlame | undefined>;
  setBlame(path: string, blob: string, blame: CachedBlame): void;
  /** Waits for the writes to disk started so far (the draft command calls it before it exits). */
  flush(): Promise<void>;
}

/** How a cache is kept. */
export interface DraftCacheOptions {
  /** A folder to keep entries in across processes (created when missing); in memory only when absent. */
  dir?: string | undefined;
  /** Most entries held in memory (least recently used go first); default 2,000. */
  maxEntries?: number | undefined;
}

// Entries of another generator version are never read: the outline's shape may have changed.
const FORMAT = `draft-cache-1/${DRAFT_GENERATOR_VERSION}/${process.versions.v8}`;
const hash = (...parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex');

/**
 * The key of an outline: the blob, where it stands in the set (its index scopes footnotes, the first clauses file
 * gives the title) and the keyword words the set declares.
 */
export function outlineKey(
  blob: string,
  index: number,
  takeTitle: boolean,
  declared: ReadonlyMap<string, string> | undefined,
): string {
  const words = declared
    ? [...declared]
        .sort()
        .map(([w, k]) => `${w}=${k}`)
        .join(',')
    : '';
  return hash(FORMAT, 'outline', blob, String(index), takeTitle ? 'title' : '', words);
}

/**
 * Creates a draft cache in memory, optionally backed by a folder (`--cache-dir`). A missing or unreadable file is a
 * miss, never an error: the cache only ever saves work.
 */
export function createDraftCache(options: DraftCacheOptions = {}): DraftCache {
  const max = options.maxEntries ?? 2000;
  const memory = new Map<string, Buffer>();
  const writes = new Set<Promise<void>>();
  const fileOf = (key: string): string | undefined =>
    options.dir ? path.join(options.dir, key.slice(0, 2), `${key}.v8`) : undefined;
  const remember = (key: string, value: Buffer): void => {
    memory.delete(key);
    memory.set(key, value);
    while (memory.size > max) memory.delete(memory.keys().next().value!);
  };
  const get = async <T>(key: string): Promise<T | undefined> => {
    let value = memory.get(key);
    const file = fileOf(key);
    if (!value && file) value = await readFile(file).catch(() => undefined);
    if (!value) return undefined;
    remember(key, value);
    try {
      return deserialize(value) as T;
    } catch {
      memory.delete(key);
      return undefined;
    }
  };
  const set = (key: string, data: unknown): void => {
    const value = serialize(data);
    remember(key, value);
    const file = fileOf(key);
    if (!file) return;
    // Written to a temporary name and renamed, so a reader never sees half a file.
    const temp = `${file}.${process.pid}.tmp`;
    const write = mkdir(path.dirname(file), { recursive: true })
      .then(() => writeFile(temp, value))
      .then(() => rename(temp, file))
      .catch(() => undefined)
      .finally(() => writes.delete(write));
    writes.add(write);
  };
  return {
    getOutline: (key) => get<SpecOutline>(key),
    setOutline: (key, outline) => set(key, outline),
    getBlame: (filePath, blob) => get<CachedBlame>(hash(FORMAT, 'blame', filePath, blob)),
    setBlame: (filePath, blob, blame) => set(hash(FORMAT, 'blame', filePath, blob), blame),
    flush: async () => {
      await Promise.all([...writes]);
    },
  };
}
