import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Whether `candidate` is `dir` itself or lies inside it. */
export function insideDir(dir: string, candidate: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(candidate));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The local path a clone URL names (`file://…` or an absolute path), or null for a remote URL. */
export function localPathOf(cloneUrl: string): string | null {
  if (cloneUrl.startsWith('file://')) {
    try {
      return fileURLToPath(cloneUrl);
    } catch {
      return null;
    }
  }
  return path.isAbsolute(cloneUrl) ? cloneUrl : null;
}

/** The same kind of clone URL as `original` (file URL or path), for a repository now at `gitDir`. */
export function cloneUrlLike(original: string, gitDir: string): string {
  return original.startsWith('file://') ? pathToFileURL(gitDir).href : gitDir;
}

/** The version in package.json, recorded in backups. */
export function magnoliaVersion(): string {
  const json = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return json.version ?? 'unknown';
}
