import { formatSignalValue } from '../signals/format-signal-value.ts';
import { unitOf } from '../signals/signal-units.ts';
import type { MaturityModel, Threshold } from './model-schema.ts';

const WORDS = {
  en: {
    levels: 'Levels',
    matrix: 'Signals by level',
    legend:
      'Each row is a signal, each column a level. **●** marks the level that first requires the signal, with its threshold; **✓** means the higher levels still require it; an empty cell, not required. Signals required by no level count towards the score only.',
    signal: 'Signal',
    signals: 'What each signal measures',
    present: 'present',
    source: 'source',
    weight: 'weight',
    formula: 'Formula',
    threshold: 'threshold',
    sustained: 'for {days} days',
    scoreOnly: ' (score only)',
    rule: 'A project is at the highest level whose required signals — of that level and of every level below — all pass (for as long as "sustained" says), are not applicable, or are exempted by a reviewer.',
  },
  zh: {
    levels: '等级',
    matrix: '各等级要求的指标',
    legend:
      '每行一个指标，每列一个等级。**●** 表示首次要求该指标的等级及其阈值；**✓** 表示更高等级仍然要求；空白表示不要求。不被任何等级要求的指标只计入得分。',
    signal: '指标',
    signals: '各指标的含义',
    present: '存在',
    source: '来源',
    weight: '权重',
    formula: '计算方法',
    threshold: '阈值',
    sustained: '持续 {days} 天',
    scoreOnly: '（仅计分）',
    rule: '项目的等级是最高的这样一个等级：该等级及其以下各等级要求的指标全部通过（有“持续”要求的须持续通过相应天数）、不适用，或已由评审人豁免。',
  },
} as const;

/** A threshold as a reader sees it: "≥ 60%", "≤ 120 h", or "present" for a file that must exist. */
const thresholdText = (threshold: Threshold, signal: string, lang: 'zh' | 'en', present: string): string => {
  if ('min' in threshold) return `≥ ${formatSignalValue(threshold.min, unitOf(signal), lang)}`;
  if ('max' in threshold) return `≤ ${formatSignalValue(threshold.max, unitOf(signal), lang)}`;
  return threshold.equals === true ? present : `= ${formatSignalValue(threshold.equals, unitOf(signal), lang)}`;
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * Renders the model data itself as Markdown (the model page calls this, so page and data never disagree): the
 * levels, one signal × level matrix (where each signal is first required, with its threshold), then what each
 * signal measures — every signal once in the matrix and once in the definitions, never twice as a table.
 */
export function renderModelMarkdown(model: MaturityModel, lang: 'zh' | 'en'): string {
  const w = WORDS[lang];
  const out: string[] = [`# ${model.name[lang]}`, '', w.rule, '', `## ${w.levels}`, ''];
  model.levels.forEach((l, i) =>
    out.push(
      lang === 'zh'
        ? `${i + 1}. **${l.name.zh}**（\`${l.id}\`）：${l.description.zh}`
        : `${i + 1}. **${l.name.en}** (\`${l.id}\`): ${l.description.en}`,
    ),
  );
  out.push('', `## ${w.matrix}`, '', w.legend, '');
  out.push(`| ${w.signal} | ${model.levels.map((l) => cell(l.name[lang])).join(' | ')} |`);
  out.push(`|---|${model.levels.map(() => ':-:').join('|')}|`);
  for (const section of model.sections) {
    const signals = model.signals.filter((s) => s.section === section.id);
    if (signals.length === 0) continue;
    out.push(`| **${cell(section.title[lang])}** |${model.levels.map(() => ' ').join('|')}|`);
    for (const s of signals) {
      const from = s.requiredFor === undefined ? -1 : model.levels.findIndex((l) => l.id === s.requiredFor);
      const sustained = s.sustainedDays ? ` ${w.sustained.replace('{days}', String(s.sustainedDays))}` : '';
      const cells = model.levels.map((_l, i) =>
        from < 0 || i < from
          ? ''
          : i === from
            ? `● ${cell(thresholdText(s.threshold, s.id, lang, w.present))}${sustained}`
            : '✓',
      );
      const title = from < 0 ? `${cell(s.title[lang])}${w.scoreOnly}` : cell(s.title[lang]);
      out.push(`| ${title} | ${cells.join(' | ')} |`);
    }
  }
  out.push('', `## ${w.signals}`);
  for (const section of model.sections) {
    const signals = model.signals.filter((s) => s.section === section.id);
    if (signals.length === 0) continue;
    out.push('', `### ${section.title[lang]}`, '');
    for (const s of signals) {
      const threshold = thresholdText(s.threshold, s.id, lang, w.present);
      out.push(
        lang === 'zh'
          ? `- **${s.title[lang]}**（\`${s.id}\`；${w.source}：${s.source}，${w.threshold}：${threshold}，${w.weight}：${s.weight}）：${s.description[lang]}${w.formula}：${s.formula[lang]}`
          : `- **${s.title[lang]}** (\`${s.id}\`; ${w.source} ${s.source}, ${w.threshold} ${threshold}, ${w.weight} ${s.weight}) — ${s.description[lang]} ${w.formula}: ${s.formula[lang]}`,
      );
    }
  }
  return out.join('\n') + '\n';
}
