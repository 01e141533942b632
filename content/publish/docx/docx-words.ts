import type { DraftLang } from '../../draft/draft-types.ts';
import { messagesFor, type Messages } from '../../i18n/messages.ts';

/** The interface catalogue of a draft's language: a Chinese draft's Word file speaks Chinese to every reader. */
export function docxWords(lang: DraftLang): Messages {
  return messagesFor(lang === 'zh' ? 'zh-CN' : 'en');
}
