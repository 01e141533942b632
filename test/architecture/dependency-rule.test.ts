import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The dependency rule of ARCHITECTURE.md, checked on every import of every source file: the kernel imports no
// layer; db/ imports only the kernel; the engines (sync/, content/) and db/ never import the HTTP face (server/)
// or the CLI (scripts/); no runtime code imports the CLI. A new import that breaks it fails CI here.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNTIME = ['kernel', 'db', 'sync', 'content', 'server'] as const;
const FORBIDDEN: Record<string, readonly string[]> = {
  kernel: ['db', 'sync', 'content', 'server', 'scripts', 'views', 'test', 'bench'],
  db: ['sync', 'content', 'server', 'scripts', 'test', 'bench'],
  sync: ['server', 'scripts', 'test', 'bench'],
  content: ['server', 'scripts', 'test', 'bench'],
  server: ['scripts', 'test', 'bench'],
};

const SPECIFIER = /(?:from\s+|import\s*\(\s*|new URL\(\s*|^import\s+)(['"])(\.{1,2}\/[^'"]*)\1/gm;

/** Relative imports of a source file as [specifier, top-level folder of the target]. */
function importsOf(
  file: string,
  text = fs.readFileSync(path.join(ROOT, file), 'utf8'),
): { spec: string; layer: string }[] {
  return [...text.matchAll(SPECIFIER)].map((m) => {
    const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), m[2]!));
    return { spec: m[2]!, layer: target.split(path.sep)[0]! };
  });
}

function sourceFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mjs', '*.js'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f && fs.existsSync(path.join(ROOT, f)));
}

describe('the dependency rule', () => {
  it('holds for every import of every runtime file', () => {
    const files = sourceFiles().filter((f) => (RUNTIME as readonly string[]).includes(f.split('/')[0]!));
    expect(files.length).toBeGreaterThan(100);
    const broken = files.flatMap((file) => {
      const layer = file.split('/')[0]!;
      return importsOf(file)
        .filter((i) => FORBIDDEN[layer]!.includes(i.layer))
        .map((i) => `${file} imports ${i.spec} (${layer}/ must not import ${i.layer}/)`);
    });
    expect(broken).toEqual([]);
  });

  it('would catch an engine importing the HTTP face', () => {
    // The checker itself: an import from sync/ into server/ is seen as one, and so is a dynamic import.
    const probe =
      "import { createApp } from '../../server/app.ts';\nconst cli = await import('../../scripts/magnolia.ts');\n";
    expect(importsOf('sync/mirror/probe.ts', probe)).toEqual([
      { spec: '../../server/app.ts', layer: 'server' },
      { spec: '../../scripts/magnolia.ts', layer: 'scripts' },
    ]);
  });

  it('reads the time only through the injected clock', () => {
    // One clock for the whole process (kernel/clock.ts): the API and the pages never disagree about what expired.
    const files = sourceFiles().filter(
      (f) => (RUNTIME as readonly string[]).includes(f.split('/')[0]!) || f.startsWith('scripts/'),
    );
    const direct = files.flatMap((file) => {
      if (file === 'kernel/clock.ts') return [];
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      return [...text.matchAll(/Date\.now\(\)|new Date\(\)/g)].map((m) => `${file}: ${m[0]}`);
    });
    expect(direct).toEqual([]);
  });
});
