import { DomainError } from '../../kernel/errors/domain-error.ts';
import { renderMessage } from '../../content/i18n/render-message.ts';
import { statusOf, type GitHubClient } from './create-github-client.ts';
import { describeGitHubError } from './describe-github-error.ts';

/** Who a GitHub user token belongs to. */
export interface GitHubViewer {
  id: number;
  login: string;
  name: string | null;
}

/** A user's permission on one repository (`permission` is the legacy level, `roleName` the role, e.g. maintain). */
export interface RepositoryPermission {
  permission: string;
  roleName: string | null;
}

/** An organisation the user belongs to, and whether they own it (`admin`). */
export interface OrgMembership {
  org: string;
  role: 'admin' | 'member';
}

/** `GET /user`: the person the token belongs to. */
export async function readViewer(github: GitHubClient): Promise<GitHubViewer> {
  try {
    const { data } = await github.octokit.request('GET /user');
    return { id: Number(data.id), login: data.login, name: data.name ?? null };
  } catch (error) {
    throw new DomainError(
      'upstream',
      'github_user_unreadable',
      `GitHub did not say who signed in (${renderMessage(describeGitHubError(error, github), 'en')}): try signing in again`,
    );
  }
}

/**
 * `GET /repos/{owner}/{repo}/collaborators/{login}/permission`; null when GitHub will not say (no access: 403 or
 * 404), which counts as no permission.
 */
export async function readPermission(
  github: GitHubClient,
  owner: string,
  repo: string,
  login: string,
): Promise<RepositoryPermission | null> {
  try {
    const { data } = await github.octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
      owner,
      repo,
      username: login,
    });
    return { permission: data.permission, roleName: data.role_name ?? null };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) return null;
    throw new DomainError(
      'upstream',
      'github_permission_unreadable',
      `GitHub did not give ${login}'s permission on ${owner}/${repo} (${renderMessage(describeGitHubError(error, github), 'en')}): try again later`,
    );
  }
}

/** `GET /user/memberships/orgs`: active memberships (needs the `read:org` scope; none without it). */
export async function readOrgMemberships(github: GitHubClient, maxPages = 10): Promise<OrgMembership[]> {
  const out: OrgMembership[] = [];
  try {
    for (let page = 1; page <= maxPages; page += 1) {
      const { data } = await github.octokit.request('GET /user/memberships/orgs', {
        state: 'active',
        per_page: 100,
        page,
      });
      for (const m of data) out.push({ org: m.organization.login, role: m.role === 'admin' ? 'admin' : 'member' });
      if (data.length < 100) break;
    }
  } catch (error) {
    const status = statusOf(error);
    if (status !== 403 && status !== 404) throw error;
  }
  return out;
}

/** Whether a permission makes its holder a maintainer: `admin`, or the `maintain` (or `admin`) role. */
export function isMaintainerPermission(p: RepositoryPermission | null): boolean {
  return p !== null && (p.permission === 'admin' || p.roleName === 'maintain' || p.roleName === 'admin');
}
