import type { Lang } from '../../../kernel/i18n/languages.ts';
import { catalogueCodes, renderMessage } from '../../../content/i18n/render-message.ts';
import type { ErrorBody } from '../../errors/error-handler.ts';

let known: Set<string> | undefined;

/**
 * An error's message in the reader's language when the catalogues know its code as `error.<code>` (the accounts
 * capability's refusals, rate limits), else the error's own message.
 */
export function errorLead(body: ErrorBody, lang: Lang): string {
  known ??= new Set(catalogueCodes('en'));
  const code = `error.${body.code}`;
  return known.has(code) ? renderMessage({ code, params: body.params ?? {} }, lang) : body.message;
}
