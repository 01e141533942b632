import type { SignalUnit } from './signal-units.ts';

const WORDS = {
  en: { days: '{n} days', day: '1 day', hours: '{n} h', perQuarter: '{n} a quarter', yes: 'yes', no: 'no' },
  zh: { days: '{n} 天', day: '1 天', hours: '{n} 小时', perQuarter: '每季度 {n}', yes: '是', no: '否' },
} as const;

/**
 * A signal's value (or threshold) with its unit for a reader: 0.9 of a ratio is "90%", 120 hours "120 h",
 * 90 days "90 days" ("90 天"). Numbers are formatted with `Intl.NumberFormat` of the language.
 *
 *   formatSignalValue(1, 'ratio', 'en') → "100%";  formatSignalValue(true, 'boolean', 'zh') → "是"
 */
export function formatSignalValue(
  value: number | string | boolean | null,
  unit: SignalUnit,
  lang: 'en' | 'zh',
): string {
  const w = WORDS[lang];
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'string') return value;
  const locale = lang === 'en' ? 'en' : 'zh-CN';
  const n = (v: number, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
  switch (unit) {
    case 'ratio':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
    case 'days':
      return value === 1 ? w.day : w.days.replace('{n}', n(value, 0));
    case 'hours':
      return w.hours.replace('{n}', n(value));
    case 'per-quarter':
      return w.perQuarter.replace('{n}', n(value, 2));
    default:
      return n(value, 2);
  }
}
