import fs from 'node:fs';
import path from 'node:path';

/** The build state kept in the output folder: what each file of the site was made of. */
export interface SiteState {
  version: 1;
  /** Each file's key, and the files it brought with it (a page's figures): kept with it while its key holds. */
  files: Record<string, { key: string; with?: string[] }>;
}

/** What a render makes: the file's content, or its content and the files made with it (`share`d while rendering). */
export type Rendered = string | Buffer | { content: string | Buffer; with: readonly string[] };

/** What one build did to the folder. */
export interface WriteCounts {
  /** Files written (new or changed). */
  written: string[];
  /** Files produced again with the same content, or skipped because what they are made of did not change. */
  unchanged: number;
  /** Files of an earlier build that this one no longer produces, deleted. */
  deleted: string[];
}

/** Writes a site's files into a folder, each only when its content changed, and deletes files no longer made. */
export interface SiteWriter {
  /**
   * Produces the file at `file` (relative to the folder). `key` says what it is made of: when the state records
   * the same key and the file is there, `render` is not called at all.
   */
  put(file: string, key: string, render: () => Rendered | Promise<Rendered>): Promise<void>;
  /**
   * Like `put` for a file several others bring with them (an image two pages show): produced once a build, whoever
   * asks first; asking again with the same key does nothing (with another key, it is an error).
   */
  share(file: string, key: string, render: () => string | Buffer | Promise<string | Buffer>): Promise<void>;
  /** Whether the file at `file` was kept from the last build with this key (put would skip it). */
  has(file: string, key: string): boolean;
  /** The files this build produced so far, in order. */
  produced(): string[];
  /** Deletes what the last build made and this one did not, saves the state (when it changed) and counts. */
  finish(): WriteCounts;
}

/** The state file's name inside the output folder. */
export const STATE_FILE = '.magnolia-site.json';

function readState(dir: string): SiteState {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, STATE_FILE), 'utf8')) as SiteState;
    if (parsed.version === 1 && typeof parsed.files === 'object' && parsed.files !== null) return parsed;
  } catch {
    // No state yet (or an unreadable one): every file is written once and the state starts again.
  }
  return { version: 1, files: {} };
}

const exists = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;

/** The content of `file` when it is a file, else null. */
function readIfFile(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

/** A writer over `dir` (created when missing) with the state of the build before. */
export function createSiteWriter(dir: string): SiteWriter {
  fs.mkdirSync(dir, { recursive: true });
  const top = path.resolve(dir);
  const before = readState(dir);
  const now: SiteState = { version: 1, files: {} };
  const written: string[] = [];
  let unchanged = 0;
  // Whether the state to save differs from the one read (a key changed, a file is new or gone).
  let changed = false;
  const made = new Set<string>();
  // Folders known to exist: one mkdir per folder and build, not per file.
  const folders = new Set<string>([top]);
  const target = (file: string) => {
    const full = path.resolve(top, file);
    if (!full.startsWith(top + path.sep)) throw new Error(`${file} is outside the site folder`);
    return full;
  };
  const folder = (full: string) => {
    const at = path.dirname(full);
    if (folders.has(at)) return;
    fs.mkdirSync(at, { recursive: true });
    for (let up = at; up.startsWith(top + path.sep) && !folders.has(up); up = path.dirname(up)) folders.add(up);
  };
  // A kept file keeps the files it brought last time (they are not made again, and not deleted).
  const keepWith = (companions: readonly string[] | undefined) => {
    for (const c of companions ?? []) {
      const entry = before.files[c];
      if (made.has(c) || entry === undefined) continue;
      made.add(c);
      now.files[c] = entry;
      unchanged += 1;
    }
  };
  const produce = async (file: string, key: string, render: () => Rendered | Promise<Rendered>) => {
    made.add(file);
    const full = target(file);
    const old = before.files[file];
    if (old?.key === key && exists(full)) {
      now.files[file] = old.with ? { key, with: old.with } : { key };
      keepWith(old.with);
      unchanged += 1;
      return;
    }
    const rendered = await render();
    const content = typeof rendered === 'string' || Buffer.isBuffer(rendered) ? rendered : rendered.content;
    const companions = typeof rendered === 'string' || Buffer.isBuffer(rendered) ? [] : [...rendered.with];
    now.files[file] = companions.length ? { key, with: companions } : { key };
    changed ||= old?.key !== key || JSON.stringify(old?.with ?? []) !== JSON.stringify(companions);
    write(file, full, old, content);
  };
  const write = (
    file: string,
    full: string,
    old: SiteState['files'][string] | undefined,
    content: string | Buffer,
  ): void => {
    // Made of something else, yet the same bytes (a word changed that this page does not show): left as it is.
    // Comparing with the file costs less than keeping digests of every file, and only happens on such a change.
    if (
      old !== undefined &&
      readIfFile(full)?.equals(typeof content === 'string' ? Buffer.from(content) : content) === true
    ) {
      unchanged += 1;
      return;
    }
    folder(full);
    fs.writeFileSync(full, content);
    written.push(file);
  };
  return {
    produced: () => [...made],
    has: (file, key) => before.files[file]?.key === key && exists(target(file)),
    async put(file, key, render) {
      if (made.has(file)) throw new Error(`${file} is produced twice by one build`);
      await produce(file, key, render);
    },
    async share(file, key, render) {
      if (made.has(file)) {
        const known = now.files[file]?.key;
        if (known !== undefined && known !== key) throw new Error(`${file} is produced twice by one build`);
        return;
      }
      await produce(file, key, render);
    },
    finish() {
      const deleted: string[] = [];
      for (const file of Object.keys(before.files)) {
        if (now.files[file]) continue;
        fs.rmSync(target(file), { force: true });
        deleted.push(file);
        removeEmptyParents(dir, path.dirname(target(file)));
      }
      const stateFile = path.join(dir, STATE_FILE);
      if (changed || written.length > 0 || deleted.length > 0 || !exists(stateFile))
        fs.writeFileSync(stateFile, JSON.stringify(now));
      return { written, unchanged, deleted };
    },
  };
}

function removeEmptyParents(root: string, folder: string): void {
  const top = path.resolve(root);
  let at = folder;
  while (at.startsWith(top + path.sep)) {
    try {
      fs.rmdirSync(at);
    } catch {
      return;
    }
    at = path.dirname(at);
  }
}
