import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A small tmpfs of our own that can be made read-only: the one unwritable place that stops root as well. */
export interface SmallMount {
  dir: string;
  readOnly(): void;
  remove(): void;
}

/** Mounts a 4 MB tmpfs in a temporary folder; an explanation instead when this machine refuses to mount. */
export function mountSmallTmpfs(): SmallMount | { refused: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'magnolia-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return { refused: `mounting a tmpfs was refused (${stderr || String(error)}): needs root or CAP_SYS_ADMIN` };
  }
  return {
    dir,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
    remove() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
