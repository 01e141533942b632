import type { Lang } from '../../kernel/i18n/languages.ts';

/** Date and number formatting for one language (Intl objects are costly to build, so they are made once). */
export interface Formatters {
  number(value: number): string;
  /** A calendar date, e.g. "1 Oct 2026" or "2026年10月1日". */
  date(iso: string | null): string;
  /** A calendar month, e.g. "Oct 2026" or "2026年10月". */
  month(iso: string | null): string;
  /** A machine-readable date for `<time datetime>`. */
  isoDate(iso: string | null): string;
}

const cache = new Map<Lang, Formatters>();

/** The formatters of a language, shared by every request. */
export function formattersFor(lang: Lang): Formatters {
  let f = cache.get(lang);
  if (!f) {
    const numbers = new Intl.NumberFormat(lang);
    // UTC: the same instant shows as the same day for every reader and in every test.
    const dates = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    const months = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    const valid = (iso: string | null): Date | undefined => {
      if (!iso) return undefined;
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? undefined : d;
    };
    f = {
      number: (value) => numbers.format(value),
      date: (iso) => {
        const d = valid(iso);
        return d ? dates.format(d) : '';
      },
      month: (iso) => {
        const d = valid(iso);
        return d ? months.format(d) : '';
      },
      isoDate: (iso) => valid(iso)?.toISOString().slice(0, 10) ?? '',
    };
    cache.set(lang, f);
  }
  return f;
}
