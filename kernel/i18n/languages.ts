/** The interface languages, in the order the language switch shows them. */
export const LANGUAGES = ['zh-CN', 'en'] as const;

/** An interface language (a BCP 47 tag, as `<html lang>` wants it). */
export type Lang = (typeof LANGUAGES)[number];

/** The language used when nothing in the request says otherwise (the community is Chinese first). */
export const DEFAULT_LANG: Lang = 'zh-CN';

/** `lang` when it names one of ours, ignoring case and `zh`/`zh-Hans` spellings; undefined otherwise. */
export function toLang(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  const tag = value.trim().toLowerCase();
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-hans' || tag.startsWith('zh-hans-') || tag === 'zh-sg')
    return 'zh-CN';
  return undefined;
}
