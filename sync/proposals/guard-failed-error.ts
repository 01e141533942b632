import { renderMessage } from '../../content/i18n/render-message.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';
import type { Message } from '../../kernel/i18n/message.ts';
import type { MissingRequirement } from './workflow/check-guard.ts';

/** A refused action: what is missing, every item at once, and the stage the proposal is in now. */
export class GuardFailedError extends DomainError {
  readonly missing: readonly MissingRequirement[];
  readonly summary: Message;
  readonly state: string;
  constructor(summary: Message, missing: readonly MissingRequirement[], state: string) {
    const items = missing.map((m) => renderMessage(m.message, 'en')).join('; ');
    super(
      'conflict',
      'guard_failed',
      `${renderMessage(summary, 'en')}${items ? `: ${items}` : ''}`,
      {},
      {
        state,
        missing: missing.map((m) => ({
          code: m.code,
          message: renderMessage(m.message, 'en'),
          messageCode: m.message.code,
          params: m.message.params ?? {},
          ...(m.link ? { link: m.link } : {}),
        })),
      },
    );
    this.summary = summary;
    this.missing = missing;
    this.state = state;
  }
}
