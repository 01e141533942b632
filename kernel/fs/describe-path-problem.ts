import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** What a failed file operation means for a person. */
const REASONS: ReadonlyMap<string, string> = new Map([
  ['ENOTDIR', 'a part of the path is a file, not a folder'],
  ['EISDIR', 'it is a folder, not a file'],
  ['EACCES', 'this user has no permission to write there'],
  ['EPERM', 'this user has no permission to write there'],
  ['EROFS', 'the file system is mounted read-only'],
  ['ENOSPC', 'the disk is full'],
  ['EDQUOT', 'the disk quota is used up'],
  ['ENAMETOOLONG', 'the path is too long'],
  ['ELOOP', 'the path has a loop of symbolic links'],
  ['EEXIST', 'a file of that name is in the way'],
]);

/** The `code` of a Node.js (or SQLite) error, when it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Why a file operation on `target` failed, in words that name the path to fix:
 * `"/srv/x is a file, not a folder (ENOTDIR)"`, `"/mnt/data: the file system is mounted read-only (EROFS)"`,
 * `"/srv/out does not exist (ENOENT)"`. Undefined when the error is not a file-system error.
 */
export function describePathProblem(error: unknown, target: string): string | undefined {
  const code = errorCode(error);
  if (code === undefined) return undefined;
  const resolved = path.resolve(target);
  const base = nearestExisting(resolved);
  if (base !== undefined) {
    // The deepest part of the path that exists says more than the error: a file in the way, or a folder (or a
    // whole mount) nobody may write to. Node's recursive mkdir reports a read-only mount as ENOENT, for one.
    const file = !statSync(base).isDirectory();
    if (file && base !== resolved) return `${base} is a file, not a folder (ENOTDIR)`;
    if (file && code === 'EEXIST') return `${base} is a file, not a folder (EEXIST)`;
    const denied = writeProblem(base);
    if (denied !== undefined && REASONS.has(denied)) return `${base}: ${REASONS.get(denied)} (${denied})`;
  }
  if (code === 'ENOENT') return `${path.dirname(resolved)} does not exist (ENOENT)`;
  const reason = REASONS.get(code);
  return reason ? `${reason} (${code})` : undefined;
}

function nearestExisting(resolved: string): string | undefined {
  for (let at = resolved; ; at = path.dirname(at)) {
    try {
      statSync(at);
      return at;
    } catch {
      if (path.dirname(at) === at) return undefined;
    }
  }
}

// The code that writing to `at` would fail with (a read-only mount stops root too), or undefined.
function writeProblem(at: string): string | undefined {
  try {
    accessSync(at, constants.W_OK);
    return undefined;
  } catch (error) {
    return errorCode(error);
  }
}
