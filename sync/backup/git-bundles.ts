import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import { type RunGit } from '../../kernel/git/run-git.ts';
import { GitError } from '../../kernel/git/git-error.ts';

/** What a bare repository looked like when it was bundled. */
export interface BundledRepository {
  /** False for a repository without refs: git makes no empty bundle, and there is nothing to keep. */
  bundled: boolean;
  refs: Record<string, string>;
  head: string | null;
  remoteUrl: string | null;
}

function parseRefLines(text: string): Record<string, string> {
  const refs: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const [sha, name] = line.trim().split(' ');
    if (sha && name && name !== 'HEAD') refs[name] = sha;
  }
  return refs;
}

/**
 * Writes every ref of the bare repository `gitDir` and the objects they reach into one bundle file. git reads
 * the refs once and packs exactly what they reach through its object store, so a fetch or a repack running
 * meanwhile cannot make the copy inconsistent (a file-by-file copy could catch a pack half-deleted). The refs
 * recorded are the ones in the bundle itself.
 */
export async function bundleRepository(runGit: RunGit, gitDir: string, bundleFile: string): Promise<BundledRepository> {
  const head = (await runGit(['symbolic-ref', '-q', 'HEAD'], { cwd: gitDir, okCodes: [0, 1] })).stdout
    .toString()
    .trim();
  const remote = await runGit(['config', '--get', 'remote.origin.url'], { cwd: gitDir, okCodes: [0, 1] });
  const remoteUrl = remote.stdout.toString().trim() || null;
  const any = await runGit(['for-each-ref', '--count=1', '--format=%(refname)'], { cwd: gitDir });
  if (any.stdout.toString().trim() === '') return { bundled: false, refs: {}, head: head || null, remoteUrl };
  mkdirSync(path.dirname(bundleFile), { recursive: true });
  await runGit(['bundle', 'create', '--quiet', bundleFile, '--all'], { cwd: gitDir, timeoutMs: 60 * 60_000 });
  const heads = await runGit(['bundle', 'list-heads', bundleFile], { cwd: gitDir });
  return { bundled: true, refs: parseRefLines(heads.stdout.toString()), head: head || null, remoteUrl };
}

/**
 * Recreates a bare repository from its bundle: verified first, every ref as it was, HEAD, and for a mirror the
 * `origin` remote with the mirror refspec, so the next `git fetch --prune` continues from there.
 */
export async function unbundleRepository(
  runGit: RunGit,
  repo: BundledRepository & { bundleFile: string | null },
  gitDir: string,
): Promise<void> {
  mkdirSync(path.dirname(gitDir), { recursive: true });
  await runGit(['init', '--bare', '--quiet', gitDir]);
  if (repo.bundleFile) {
    await runGit(['bundle', 'verify', '--quiet', repo.bundleFile], { cwd: gitDir }).catch((error: unknown) => {
      if (!(error instanceof GitError)) throw error;
      throw new DomainError(
        'invalid',
        'backup_damaged',
        `${repo.bundleFile} is not a valid git bundle (${error.stderr.split('\n')[0] || `exit ${error.exitCode}`}): the backup is damaged`,
      );
    });
    await runGit(['fetch', '--quiet', '--no-write-fetch-head', repo.bundleFile, '+refs/*:refs/*'], {
      cwd: gitDir,
      timeoutMs: 60 * 60_000,
    });
  }
  if (repo.head) await runGit(['symbolic-ref', 'HEAD', repo.head], { cwd: gitDir });
  if (repo.remoteUrl) {
    await runGit(['config', 'remote.origin.url', repo.remoteUrl], { cwd: gitDir });
    await runGit(['config', 'remote.origin.fetch', '+refs/*:refs/*'], { cwd: gitDir });
    await runGit(['config', 'remote.origin.mirror', 'true'], { cwd: gitDir });
  }
  const restored = await runGit(['for-each-ref', '--format=%(objectname) %(refname)'], { cwd: gitDir });
  const refs = parseRefLines(restored.stdout.toString());
  const expected = Object.entries(repo.refs).sort();
  if (JSON.stringify(Object.entries(refs).sort()) !== JSON.stringify(expected)) {
    throw new DomainError(
      'invalid',
      'backup_refs_differ',
      `${gitDir}: the restored refs differ from the backup's manifest: the bundle is damaged`,
    );
  }
}
