import type { RepositoryRow } from '../../db/repositories/repository-queries.ts';
import { publicCloneUrl } from '../../kernel/git/public-clone-url.ts';

/**
 * The upstream's web address under which GitHub-style permalinks (`<base>/blob/<sha>/<path>#L1-L2`) work, or null
 * when the project lives elsewhere (a local path, another forge). Registered without a clone URL: the repository
 * on GITHUB_URL; with one: only when it is an http(s) address on GITHUB_URL (never user info or a query).
 *
 * `null` + `acme/p` → `https://github.com/acme/p`; `https://github.com/acme/p.git` → `https://github.com/acme/p`
 */
export function upstreamWebBase(githubUrl: string, row: Pick<RepositoryRow, 'clone_url' | 'full_name'>): string | null {
  const github = githubUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(github)) return null;
  if (row.clone_url === null) return `${github}/${row.full_name}`;
  const shown = publicCloneUrl(row.clone_url);
  if (shown === null || !shown.toLowerCase().startsWith(`${github.toLowerCase()}/`)) return null;
  const base = shown.replace(/\/+$/, '').replace(/\.git$/, '');
  return /^https?:\/\/[^/]+\/[^/]+\/[^/]+$/i.test(base) ? base : null;
}
