import { DomainError } from '../errors/domain-error.ts';

/** A git command that exited with a failure code; message and stderr are already redacted. */
export class GitError extends DomainError {
  readonly exitCode: number;
  readonly stderr: string;
  constructor(command: string, exitCode: number, stderr: string) {
    super('upstream', 'git_failed', `${command} failed (exit ${exitCode}): ${stderr || 'no output'}`);
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}
