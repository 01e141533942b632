import { renderMessage } from '../../../content/i18n/render-message.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import { isDomainError } from '../../../kernel/errors/domain-error.ts';
import { GuardFailedError } from '../../../sync/proposals/guard-failed-error.ts';
import { HTTP_STATUS } from '../../errors/http-status.ts';
import { errorLead } from '../errors/error-lead.ts';
import type { FormProblem } from './proposal-model.ts';

/**
 * A refused form's error as the page shows it, with the status to answer: a guard refusal lists every missing
 * item (linked), another domain error says what to do in the reader's language. Anything else is rethrown.
 */
export function formProblem(error: unknown, lang: Lang): { status: number; problem: FormProblem } {
  if (error instanceof GuardFailedError)
    return {
      status: HTTP_STATUS[error.kind],
      problem: {
        lead: renderMessage(error.summary, lang),
        items: error.missing.map((m) => ({ text: renderMessage(m.message, lang), href: m.link ?? null })),
      },
    };
  if (isDomainError(error) && error.kind !== 'unauthenticated')
    return {
      status: HTTP_STATUS[error.kind],
      problem: {
        lead: errorLead({ status: 0, code: error.code, message: error.message, params: error.params }, lang),
        items: [],
      },
    };
  throw error;
}
