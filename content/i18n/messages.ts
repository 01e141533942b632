import { en } from './catalogues/en.ts';
import { zhCN } from './catalogues/zh-CN.ts';
import type { Lang } from '../../kernel/i18n/languages.ts';
import type { PluralText } from './plural.ts';

export { plural, type PluralText } from './plural.ts';

// A `{ one, other }` entry (English has both) is a plural text: each language gives the categories its rules have.
type Widen<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends { one: string; other: string }
      ? PluralText
      : Widen<T[K]>;
};

/** The shape of an interface catalogue: the English one's keys, any strings. */
export type Messages = Widen<typeof en>;

const CATALOGUES: Record<Lang, Messages> = { en, 'zh-CN': zhCN };

/** The interface strings of a language. */
export function messagesFor(lang: Lang): Messages {
  return CATALOGUES[lang];
}

/** Fills `{name}` placeholders; a placeholder without a value stays visible, so a mistake shows in review. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
