import { renderMessageParts } from '../../../content/i18n/render-message.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import type { Message } from '../../../kernel/i18n/message.ts';

/** A sentence in the reader's language and, apart, the technical detail it carries (git's or GitHub's own words). */
export interface Said {
  text: string;
  /** Shown on a secondary line, as it came (often English): data, not a sentence of the portal. */
  detail: string | null;
}

/** A message as the pages show it: the translated sentence, the technical detail apart. */
export function said(message: Message, lang: Lang): Said {
  const { text, details } = renderMessageParts(message, lang);
  return { text, detail: details.length > 0 ? details.join(' · ') : null };
}

/** A message or nothing. */
export function saidOptional(message: Message | null | undefined, lang: Lang): Said | null {
  return message ? said(message, lang) : null;
}
