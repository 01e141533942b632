import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Creates a bare repository with `count` commits by `authors` authors through `git fast-import` (seconds, not
 * minutes), each commit touching one of a few hundred files, and a tag every 500 commits.
 */
export function generateHistory(dir: string, count: number, authors = 50): string {
  const bare = path.join(dir, 'upstream.git');
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  const chunks: string[] = [];
  const start = Date.parse('2022-01-01T00:00:00Z') / 1000;
  for (let i = 1; i <= count; i += 1) {
    const a = i % authors;
    const when = `${start + i * 3600} +0800`;
    const message = `Change ${i}: refine section ${i % 97}\n\nSigned-off-by: Author ${a} <author${a}@org${a % 7}.example>\n`;
    const content = `# Section ${i % 300}\n\nRevision ${i}. An implementation MUST keep revision ${i}.\n`;
    chunks.push(
      `commit refs/heads/main\nmark :${i}\nauthor Author ${a} <author${a}@org${a % 7}.example> ${when}\n` +
        `committer Author ${a} <author${a}@org${a % 7}.example> ${when}\n` +
        `data ${Buffer.byteLength(message)}\n${message}` +
        (i > 1 ? `from :${i - 1}\n` : '') +
        `M 100644 inline spec/section-${i % 300}.md\ndata ${Buffer.byteLength(content)}\n${content}\n`,
    );
    if (i % 500 === 0) chunks.push(`reset refs/tags/v${i / 500}.0.0\nfrom :${i}\n\n`);
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: bare, input: chunks.join(''), maxBuffer: 1 << 30 });
  return bare;
}

/** Appends `count` commits to `main` of an existing bare repository. */
export function appendCommits(bare: string, count: number, seed: number): string {
  const head = execFileSync('git', ['rev-parse', 'main'], { cwd: bare, encoding: 'utf8' }).trim();
  const chunks: string[] = [];
  const start = Date.parse('2026-06-01T00:00:00Z') / 1000 + seed * 100_000;
  for (let i = 1; i <= count; i += 1) {
    const when = `${start + i * 60} +0000`;
    const message = `Follow-up ${seed}.${i}\n`;
    const content = `follow-up ${seed}.${i}\n`;
    chunks.push(
      `commit refs/heads/main\nmark :${i}\nauthor Late Author <late@example.org> ${when}\ncommitter Late Author <late@example.org> ${when}\n` +
        `data ${Buffer.byteLength(message)}\n${message}` +
        (i === 1 ? `from ${head}\n` : `from :${i - 1}\n`) +
        `M 100644 inline notes/${seed}-${i}.md\ndata ${Buffer.byteLength(content)}\n${content}\n`,
    );
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: bare, input: chunks.join('') });
  return execFileSync('git', ['rev-parse', 'main'], { cwd: bare, encoding: 'utf8' }).trim();
}
