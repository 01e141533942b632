import { cleanTitle } from './clean-title.ts';

/** Where a top-level section of a spec goes in the draft. */
export type SectionRole =
  | 'introduction'
  | 'scope'
  | 'terms'
  | 'normative-references'
  | 'bibliography'
  | 'normative-annex'
  | 'informative-annex'
  | 'conventions'
  | 'clauses';

const RULES: [RegExp, SectionRole][] = [
  [/^(introduction|overview|abstract|summary|background|motivation|概述|简介|引言|摘要|介绍|背景)$/, 'introduction'],
  [/^(scope|范围|适用范围)$/, 'scope'],
  [/^(normative references|规范性引用文件|规范性引用)$/, 'normative-references'],
  [
    /^(references|informative references|bibliography|further reading|see also|参考文献|参考资料|资料性引用文件)$/,
    'bibliography',
  ],
  [/terminology|^terms\b|^definitions$|^glossary$|^conventions and definitions$|术语|^定义$|名词解释/, 'terms'],
  [
    /^(notational conventions|notation(s| and conventions)?|conventions( used in this (document|specification))?|document conventions|requirements (language|notation)|requirement levels|约定|文档约定|本文约定|符号约定|规范用语|要求用语|关键词|关键字)$/,
    'conventions',
  ],
];

/**
 * Decides from a section's title what part of the standard it becomes; everything else is a technical clause.
 *
 * Before: `## 2. Terminology`  /  `## Appendix A (normative): Schemas`
 * After:  `terms`              /  `normative-annex`
 */
export function classifySection(title: string): SectionRole {
  const raw = title.trim().toLowerCase();
  if (/^(appendix|annex)\b|^附录/.test(raw)) {
    return /\bnormative\b|规范性/.test(raw) && !/informative|资料性/.test(raw)
      ? 'normative-annex'
      : 'informative-annex';
  }
  const clean = cleanTitle(title)
    .toLowerCase()
    .replace(/[:：]$/, '');
  for (const [pattern, role] of RULES) if (pattern.test(clean)) return role;
  return 'clauses';
}
