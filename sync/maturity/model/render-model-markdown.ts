import { describeThreshold } from '../evaluate/apply-threshold.ts';
import type { MaturityModel } from './model-schema.ts';

const WORDS = {
  en: {
    levels: 'Levels',
    level: 'Level',
    signals: 'Signals',
    signal: 'Signal',
    source: 'Source',
    threshold: 'Threshold',
    weight: 'Weight',
    required: 'Required for',
    formula: 'Formula',
    sustained: 'sustained',
    days: 'days',
    none: '—',
    rule: 'A project is at the highest level whose required signals — of that level and of every level below — all pass (for as long as "sustained" says), are not applicable, or are exempted by a reviewer.',
  },
  zh: {
    levels: '等级',
    level: '等级',
    signals: '信号',
    signal: '信号',
    source: '来源',
    threshold: '阈值',
    weight: '权重',
    required: '要求等级',
    formula: '计算方法',
    sustained: '持续',
    days: '天',
    none: '—',
    rule: '项目的等级是最高的这样一个等级：该等级及其以下各等级要求的信号全部通过（有"持续"要求的须持续通过相应天数）、不适用，或已由评审人豁免。',
  },
} as const;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Renders the model data itself as Markdown (the model page calls this, so page and data never disagree). */
export function renderModelMarkdown(model: MaturityModel, lang: 'zh' | 'en'): string {
  const w = WORDS[lang];
  const levelName = (id: string | undefined) =>
    id === undefined ? w.none : (model.levels.find((l) => l.id === id)?.name[lang] ?? id);
  const out: string[] = [`# ${model.name[lang]}`, '', w.rule, '', `## ${w.levels}`, ''];
  model.levels.forEach((l, i) => out.push(`${i + 1}. **${l.name[lang]}** (\`${l.id}\`): ${l.description[lang]}`));
  out.push('', `## ${w.signals}`);
  for (const section of model.sections) {
    const signals = model.signals.filter((s) => s.section === section.id);
    if (signals.length === 0) continue;
    out.push(
      '',
      `### ${section.title[lang]}`,
      '',
      `| ${w.signal} | ${w.source} | ${w.threshold} | ${w.weight} | ${w.required} |`,
      '|---|---|---|---:|---|',
    );
    for (const s of signals) {
      const sustained = s.sustainedDays ? ` (${w.sustained} ${s.sustainedDays} ${w.days})` : '';
      out.push(
        `| ${cell(s.title[lang])} \`${s.id}\` | ${s.source} | ${cell(describeThreshold(s.threshold))} | ${s.weight} | ${cell(levelName(s.requiredFor))}${sustained} |`,
      );
    }
    out.push('');
    for (const s of signals)
      out.push(`- **${s.title[lang]}** — ${s.description[lang]} ${w.formula}: ${s.formula[lang]}`);
  }
  return out.join('\n') + '\n';
}
