import type { Lang } from '../../../kernel/i18n/languages.ts';
import { formatSignalValue } from '../../../sync/maturity/signals/format-signal-value.ts';
import { unitOf } from '../../../sync/maturity/signals/signal-units.ts';

const modelLang = (lang: Lang): 'en' | 'zh' => (lang === 'en' ? 'en' : 'zh');

/** A signal's value with its unit in the reader's language ("100%", "120 h", "90 天", "是"). */
export function valueText(signal: string, value: number | string | boolean | null, lang: Lang): string {
  return formatSignalValue(value, unitOf(signal), modelLang(lang));
}

/**
 * A threshold as the engine states it (">= 0.9", "<= 120", "= true") with the signal's unit: "≥ 90%", "≤ 120 h";
 * null for a file that must merely exist (the status says it all).
 */
export function thresholdText(signal: string, threshold: string | undefined, lang: Lang): string | null {
  const match = /^(>=|<=|=)\s*(.+)$/.exec(threshold ?? '');
  if (!match) return threshold ?? null;
  const raw = match[2]!;
  if (match[1] === '=' && raw === 'true') return null;
  const parsed: number | string | boolean = raw === 'false' ? false : Number.isFinite(Number(raw)) ? Number(raw) : raw;
  const sign = match[1] === '>=' ? '≥' : match[1] === '<=' ? '≤' : '=';
  return `${sign} ${formatSignalValue(parsed, unitOf(signal), modelLang(lang))}`;
}
