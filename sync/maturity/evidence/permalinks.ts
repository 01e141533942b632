/** Builds permalinks into a repository on the forge (`GITHUB_URL`), always pinned to a commit for files. */
export interface Permalinks {
  file(commit: string, path: string): string;
  lines(commit: string, path: string, from: number, to: number): string;
  commit(sha: string): string;
  release(tag: string): string;
  tag(tag: string): string;
  issue(number: number): string;
  pull(number: number): string;
  user(login: string): string;
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** Permalinks for `<githubUrl>/<owner>/<repo>`. */
export function permalinks(githubUrl: string, fullName: string): Permalinks {
  const base = `${githubUrl}/${fullName}`;
  return {
    file: (commit, path) => `${base}/blob/${commit}/${encodePath(path)}`,
    lines: (commit, path, from, to) => `${base}/blob/${commit}/${encodePath(path)}#L${from}-L${Math.max(from, to)}`,
    commit: (sha) => `${base}/commit/${sha}`,
    release: (tag) => `${base}/releases/tag/${encodePath(tag)}`,
    tag: (tag) => `${base}/tree/${encodePath(tag)}`,
    issue: (number) => `${base}/issues/${number}`,
    pull: (number) => `${base}/pull/${number}`,
    user: (login) => `${githubUrl}/${encodeURIComponent(login)}`,
  };
}
