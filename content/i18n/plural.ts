import type { Lang } from '../../kernel/i18n/languages.ts';

/**
 * A text that depends on a count, by plural category (`Intl.PluralRules`): English has `one` and `other`, Chinese
 * only `other`. `{count}` is the count formatted for the language; other `{name}`s are filled from `values`.
 */
export interface PluralText {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

const rules = new Map<Lang, Intl.PluralRules>();
const numbers = new Map<Lang, Intl.NumberFormat>();

/** Whether a catalogue entry is a plural text rather than a plain template. */
export function isPluralText(value: unknown): value is PluralText {
  return typeof value === 'object' && value !== null && typeof (value as { other?: unknown }).other === 'string';
}

/**
 * The form of `text` for `count` in `lang`, filled: `plural('en', { one: '{count} commit', other: '{count}
 * commits' }, 1)` → "1 commit", and → "1,234 commits" for 1234.
 */
export function plural(
  lang: Lang,
  text: PluralText,
  count: number,
  values: Readonly<Record<string, string | number>> = {},
): string {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  let n = numbers.get(lang);
  if (!n) numbers.set(lang, (n = new Intl.NumberFormat(lang)));
  const form = text[r.select(count)] ?? text.other;
  // A `count` among the values wins: a message's parameters are shown as the engine gave them.
  const all: Record<string, string | number> = { count: n.format(count), ...values };
  return form.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(all, name) ? String(all[name]) : whole));
}
