/** The address of a project's page. */
export function projectHref(owner: string, repo: string): string {
  return `/projects/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}
