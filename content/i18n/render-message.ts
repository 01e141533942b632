import type { Lang } from '../../kernel/i18n/languages.ts';
import { isMessage, type Message, type MessageParams } from '../../kernel/i18n/message.ts';
import { enMessages } from './messages/en.ts';
import { zhCNMessages } from './messages/zh-CN.ts';

/** Parameters as a template sees them: nested messages already rendered in the same language. */
export type RenderedParams = Readonly<Record<string, string | number>>;

/** The texts of message codes in one language: a `{name}` template, or a function for number-dependent wording. */
export type MessageCatalogue = Readonly<Record<string, string | ((params: RenderedParams) => string)>>;

const CATALOGUES: Record<Lang, MessageCatalogue> = { en: enMessages, 'zh-CN': zhCNMessages };

/**
 * A message in the reader's language. An unknown code shows as the code with its parameters (visible in review,
 * never an exception on a page).
 */
export function renderMessage(message: Message, lang: Lang): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    params[name] = isMessage(value) ? renderMessage(value, lang) : value;
  }
  const entry = Object.hasOwn(CATALOGUES[lang], message.code) ? CATALOGUES[lang][message.code] : undefined;
  if (entry === undefined) return `${message.code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`;
  if (typeof entry === 'function') return entry(params);
  return entry.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A message (or none) in the reader's language; null stays null. */
export function renderOptional(message: Message | null | undefined, lang: Lang): string | null {
  return message ? renderMessage(message, lang) : null;
}

/** The codes a catalogue knows (for the test that both languages know the same ones). */
export function catalogueCodes(lang: Lang): string[] {
  return Object.keys(CATALOGUES[lang]);
}

export type { MessageParams };
