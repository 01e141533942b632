import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchDocument } from './search-document.ts';

/** Bumped when the tokenizer or the fields change: an index built by an older version is rebuilt. */
export const INDEX_FORMAT = 1;

/** What is written under the data dir, so a restart loads the index instead of rebuilding it. */
export interface PersistedIndex {
  format: number;
  fingerprint: string;
  builtAt: string;
  documents: SearchDocument[];
  index: object;
}

/** The index file's path under the data dir. */
export function indexFile(dataDir: string): string {
  return path.join(dataDir, 'search', 'index.json');
}

/** Writes atomically (temporary file, then rename): a crash leaves the old index, never half a new one. */
export function writePersistedIndex(file: string, json: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, json);
  renameSync(temporary, file);
}

/** The persisted index, or undefined when there is none or it is from another format. */
export function readPersistedIndex(file: string): PersistedIndex | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<PersistedIndex>;
    if (parsed.format !== INDEX_FORMAT || !parsed.index || !Array.isArray(parsed.documents)) return undefined;
    return parsed as PersistedIndex;
  } catch {
    return undefined;
  }
}
