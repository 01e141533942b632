import { DomainError } from '../../kernel/errors/domain-error.ts';

// Control characters would end a `git cat-file` request line; `..` and `.` segments name nothing in a tree.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A file's path inside a commit as the source view takes it: relative, `/`-separated, no empty, `.` or `..`
 * segment and no control character (NUL, newline). Refused otherwise, with what to give instead.
 *
 * `spec/protocol.md` → `spec/protocol.md`; `../etc/passwd`, `a//b`, `a\u0000b` → DomainError `source_path_invalid`
 */
export function checkSourcePath(path: string): string {
  const segments = path.split('/');
  if (path === '' || CONTROL.test(path) || segments.some((s) => s === '' || s === '.' || s === '..'))
    throw new DomainError(
      'invalid',
      'source_path_invalid',
      'the file path must be relative to the repository root, without "..", ".", empty segments or control characters',
    );
  return path;
}
