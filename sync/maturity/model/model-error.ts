import { DomainError } from '../../../kernel/errors/domain-error.ts';

/** A maturity model that cannot be used; `problems` says what to fix, one line each (path: message). */
export class ModelError extends DomainError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('invalid', 'invalid_maturity_model', `the maturity model is not valid: ${problems.join('; ')}`);
    this.problems = problems;
  }
}
