import { DomainError } from '../../../kernel/errors/domain-error.ts';

/** A workflow file that cannot be used; `problems` says what to fix, one line each (path: message). */
export class WorkflowError extends DomainError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('invalid', 'invalid_workflow', `the workflow is not valid: ${problems.join('; ')}`);
    this.problems = problems;
  }
}
