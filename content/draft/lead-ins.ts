import { msg } from '../../kernel/i18n/message.ts';
import { renderMessage } from '../i18n/render-message.ts';
import type { DraftLang, StandardType } from './draft-types.ts';

/** Fixed wording of the draft in one language (lead-in sentences, headings, labels). */
export interface LeadIns {
  foreword: string;
  introduction: string;
  scope: string;
  normativeReferences: string;
  terms: string;
  bibliography: string;
  annex: (letter: string, normative: boolean) => string;
  conformanceTitle: string;
  traceabilityTitle: string;
  general: string;
  draftedPerGbt: string;
  patentNotice: string;
  origin: (project: string, commit: string) => string;
  license: (license: string | undefined) => string;
  generatedScope: (title: string, project: string, commit: string) => string;
  normativeRefsLeadIn: string;
  noNormativeRefs: string;
  termsLeadIn: string;
  noTerms: string;
  conventions: string;
  conformanceLeadIn: string;
  traceabilityLeadIn: string;
  note: string;
  example: string;
  sourceNote: (file: string, lines: string, shortSha: string, last: string | null, id: string) => string;
  columns: {
    requirement: string;
    form: string;
    clause: string;
    text: string;
    number: string;
    id: string;
    file: string;
    lines: string;
    last: string;
  };
  stage: string;
  typeName: Record<StandardType, string>;
  proposedBy: (unit: string) => string;
  responsibleCommittee: (committee: string) => string;
  draftingUnits: (units: readonly string[]) => string;
  drafters: (people: readonly string[]) => string;
}

const EN: LeadIns = {
  foreword: 'Foreword',
  introduction: 'Introduction',
  scope: 'Scope',
  normativeReferences: 'Normative references',
  terms: 'Terms and definitions',
  bibliography: 'Bibliography',
  annex: (letter, normative) => `Annex ${letter} (${normative ? 'normative' : 'informative'})`,
  conformanceTitle: 'Conformance checklist',
  traceabilityTitle: 'Source traceability',
  // Generated subclause titles come from the message catalogues, like the lint report that names them.
  general: renderMessage(msg('draft.title.general'), 'en'),
  draftedPerGbt:
    'This document has been drafted in accordance with the rules given in GB/T 1.1-2020 Directives for standardization — Part 1: Rules for the structure and drafting of standardizing documents.',
  patentNotice:
    'Attention is drawn to the possibility that some of the elements of this document may be the subject of patent rights. The issuing body shall not be held responsible for identifying any or all such patent rights.',
  origin: (project, commit) =>
    `This document is derived from the specification of the open-source project ${project} at commit ${commit}.`,
  license: (license) =>
    license
      ? `The source specification is made available under the license ${license}.`
      : 'The license of the source specification was not identified.',
  generatedScope: (title, project, commit) =>
    `This document specifies ${title}, as defined by the open-source project ${project} at commit ${commit.slice(0, 12)}.`,
  normativeRefsLeadIn:
    'The following documents are referred to in the text in such a way that some or all of their content constitutes requirements of this document. For dated references, only the edition cited applies. For undated references, the latest edition of the referenced document (including any amendments) applies.',
  noNormativeRefs: 'There are no normative references in this document.',
  termsLeadIn: 'For the purposes of this document, the following terms and definitions apply.',
  noTerms: 'No terms and definitions are listed in this document.',
  conventions:
    'In this document, "shall" indicates a requirement, "should" a recommendation and "may" a permission, as set out in ISO/IEC Directives Part 2 and GB/T 1.1-2020.',
  conformanceLeadIn: 'This annex lists every requirement of this document with its identifier, verbal form and clause.',
  traceabilityLeadIn: 'This annex gives, for every clause, the source file, lines and commits it was generated from.',
  note: 'NOTE',
  example: 'EXAMPLE',
  sourceNote: (file, lines, shortSha, last, id) =>
    `Source: ${file}, ${/[–,]/.test(lines) ? 'lines' : 'line'} ${lines}, at ${shortSha}${last ? `; last changed in ${last}` : ''}; clause ID ${id}.`,
  columns: {
    requirement: 'Requirement',
    form: 'Form',
    clause: 'Clause',
    text: 'Text',
    number: 'Clause',
    id: 'Clause ID',
    file: 'Source',
    lines: 'Lines',
    last: 'Last commit',
  },
  stage: 'working draft',
  typeName: { association: 'association standard', industry: 'industry standard', national: 'national standard' },
  proposedBy: (unit) => `This document was proposed by ${unit}.`,
  responsibleCommittee: (committee) => `This document is under the jurisdiction of ${committee}.`,
  draftingUnits: (units) => `Drafting organizations of this document: ${units.join(', ')}.`,
  drafters: (people) => `Principal drafters of this document: ${people.join(', ')}.`,
};

const ZH: LeadIns = {
  foreword: '前言',
  introduction: '引言',
  scope: '范围',
  normativeReferences: '规范性引用文件',
  terms: '术语和定义',
  bibliography: '参考文献',
  annex: (letter, normative) => `附录 ${letter}（${normative ? '规范性' : '资料性'}）`,
  conformanceTitle: '符合性检查表',
  traceabilityTitle: '来源追溯',
  general: renderMessage(msg('draft.title.general'), 'zh-CN'),
  draftedPerGbt: '本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。',
  patentNotice: '请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。',
  origin: (project, commit) => `本文件源自开源项目 ${project} 在提交 ${commit} 时的规范。`,
  license: (license) => (license ? `源规范以 ${license} 许可证发布。` : '未能识别源规范的许可证。'),
  generatedScope: (title, project, commit) =>
    `本文件规定了${title}，其内容源自开源项目 ${project} 在提交 ${commit.slice(0, 12)} 时的规范。`,
  normativeRefsLeadIn:
    '下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。',
  noNormativeRefs: '本文件没有规范性引用文件。',
  termsLeadIn: '下列术语和定义适用于本文件。',
  noTerms: '本文件没有需要界定的术语和定义。',
  conventions: '本文件中，"应"表示要求，"宜"表示推荐，"可"表示允许，其用法符合GB/T 1.1—2020的规定。',
  conformanceLeadIn: '本附录列出本文件的全部要求及其编号、助动词形式和所在条款。',
  traceabilityLeadIn: '本附录给出每个条款所源自的文件、行号和提交。',
  note: '注：',
  example: '示例：',
  sourceNote: (file, lines, shortSha, last, id) =>
    `来源：${file}，第 ${lines} 行，提交 ${shortSha}${last ? `；最近修改：${last}` : ''}；条款标识 ${id}。`,
  columns: {
    requirement: '要求',
    form: '形式',
    clause: '条款',
    text: '内容',
    number: '条款',
    id: '条款标识',
    file: '来源',
    lines: '行',
    last: '最近提交',
  },
  stage: '工作组讨论稿',
  typeName: { association: '团体标准', industry: '行业标准', national: '国家标准' },
  proposedBy: (unit) => `本文件由${unit}提出。`,
  responsibleCommittee: (committee) => `本文件由${committee}归口。`,
  draftingUnits: (units) => `本文件起草单位：${units.join('、')}。`,
  drafters: (people) => `本文件主要起草人：${people.join('、')}。`,
};

/** The fixed wording for a draft language. */
export function leadIns(lang: DraftLang): LeadIns {
  return lang === 'zh' ? ZH : EN;
}
