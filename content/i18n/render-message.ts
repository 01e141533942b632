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
 * Parameters that carry technical detail as it came (git's stderr, GitHub's own error text): data in whatever
 * language the tool spoke, so no template puts them in a sentence.
 */
export const TECHNICAL_PARAMS: readonly string[] = ['detail', 'error'];

/** A message as a sentence in the reader's language and, apart, the technical details it carries (nested too). */
export interface MessageParts {
  text: string;
  details: string[];
}

/**
 * A message in the reader's language, with its technical details apart, for pages: the sentence is wholly in the
 * reader's language, the details go on a secondary line. An unknown code shows as the code with its parameters
 * (visible in review, never an exception on a page).
 */
export function renderMessageParts(message: Message, lang: Lang): MessageParts {
  const params: Record<string, string | number> = {};
  const details: string[] = [];
  for (const [name, value] of Object.entries(message.params ?? {})) {
    if (isMessage(value)) {
      const nested = renderMessageParts(value, lang);
      params[name] = nested.text;
      details.push(...nested.details);
    } else if (TECHNICAL_PARAMS.includes(name)) {
      if (String(value).trim() !== '') details.push(String(value));
    } else params[name] = value;
  }
  const entry = Object.hasOwn(CATALOGUES[lang], message.code) ? CATALOGUES[lang][message.code] : undefined;
  if (entry === undefined) {
    const text = `${message.code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`;
    return { text, details };
  }
  if (typeof entry === 'function') return { text: entry(params), details };
  return {
    text: entry.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)),
    details,
  };
}

/**
 * A message in the reader's language as one line, its technical details appended after a colon (the JSON API's
 * English `reason`, the CLI, logs: where one line must say everything).
 */
export function renderMessage(message: Message, lang: Lang): string {
  const { text, details } = renderMessageParts(message, lang);
  return details.length === 0 ? text : `${text}: ${details.join(': ')}`;
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
