/** A realistic ~25 KB `push` payload (a push of many commits), distinct per index. */
export function makePushPayload(index: number, targetBytes = 25 * 1024): string {
  const commits: Record<string, unknown>[] = [];
  const base = {
    ref: 'refs/heads/main',
    before: '0'.repeat(40),
    after: index.toString(16).padStart(40, 'a'),
    repository: { id: 424242, name: 'bench', full_name: 'bench-org/bench', owner: { login: 'bench-org' } },
    pusher: { name: 'octocat', email: 'octocat@example.com' },
    commits,
  };
  let size = JSON.stringify(base).length;
  for (let c = 0; size < targetBytes; c += 1) {
    const commit = {
      id: `${index.toString(16)}${c}`.padEnd(40, 'f'),
      message: `Clarify clause ${c} of the conformance requirements\n\nSigned-off-by: Dev ${c} <dev${c}@example.com>`,
      timestamp: '2026-10-01T12:00:00Z',
      author: { name: `Dev ${c}`, email: `dev${c}@example.com`, username: `dev${c}` },
      added: [`spec/section-${c}.md`],
      modified: ['spec/index.md', 'README.md'],
      removed: [],
    };
    commits.push(commit);
    size += JSON.stringify(commit).length + 1;
  }
  return JSON.stringify(base);
}
