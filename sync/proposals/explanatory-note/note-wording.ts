import type { RequirementForm, SourceRole } from '../../../content/draft/draft-types.ts';
import type { NoteLang } from './note-input.ts';

/** The fixed wording of the explanatory note in one language (headings after GB/T practice, lead-ins, labels). */
export interface NoteWording {
  title: (title: string, draftName: string) => string;
  generatedNotice: (number: string, at: string) => string;
  headings: {
    work: string;
    taskSource: string;
    process: string;
    drafters: string;
    principles: string;
    content: string;
    verification: string;
    ipr: string;
    comparison: string;
    other: string;
  };
  taskSource: (unit: string, project: string, number: string) => string;
  rationale: string;
  noEvents: string;
  created: string;
  /** A ballot of the technical review opened (`ballot` is the history's `ballot 2`) and closed with its result. */
  ballotOpened: (ballot: string) => string;
  ballotClosed: (ballot: string, passed: boolean) => string;
  revisionMade: (label: string, draftName: string) => string;
  event: (day: string, actor: string, name: string, move: string | null) => string;
  move: (from: string | null, to: string) => string;
  comment: string;
  proposingUnit: string;
  draftingUnits: string;
  drafterNames: string;
  toBeGiven: string;
  principles: readonly string[];
  scope: string;
  outline: string;
  subclauses: (list: string, more: number) => string;
  requirements: (total: number) => string;
  formColumns: [string, string, string];
  forms: Record<RequirementForm, [string, string]>;
  terms: (count: number, list: string, more: number) => string;
  noTerms: string;
  level: (level: string, at: string, commit: string) => string;
  notEvaluated: string;
  signalColumns: [string, string, string, string];
  passed: string;
  noSignals: string;
  gaps: (next: string) => string;
  implementations: string;
  noImplementations: string;
  iprPlaceholder: string;
  sourceRepository: (name: string, repository: string, commit: string) => string;
  fileColumns: [string, string, string];
  roles: Record<SourceRole, string>;
  introduction: string;
  changes: string;
  noChanges: string;
  openIssues: (count: number) => string;
  otherPlaceholder: string;
  sep: string;
  colon: string;
  more: (count: number) => string;
}

const ZH: NoteWording = {
  title: (title, draftName) => `《${title}》（${draftName}）编制说明`,
  generatedNotice: (number, at) => `本编制说明由门户根据提案 ${number} 的资料于 ${at} 生成初稿，编写组可修改和补充。`,
  headings: {
    work: '一、工作简况',
    taskSource: '（一）任务来源',
    process: '（二）主要工作过程',
    drafters: '（三）主要起草单位和起草人',
    principles: '二、标准编制原则',
    content: '三、主要内容',
    verification: '四、主要试验（验证）情况',
    ipr: '五、知识产权情况说明',
    comparison: '六、与源规范的对比',
    other: '七、其他应予说明的事项',
  },
  taskSource: (unit, project, number) =>
    `本文件由${unit}提出，依据开源项目 ${project} 的规范转化为团体标准，提案编号为 ${number}。`,
  rationale: '提出理由：',
  noEvents: '尚无记录。',
  created: '提出提案',
  ballotOpened: (ballot) => `发起技术审查投票（${ballot.replace(/^ballot (\d+)$/, '第 $1 轮')}）`,
  ballotClosed: (ballot, passed) =>
    `技术审查投票${ballot.replace(/^ballot (\d+)$/, '第 $1 轮')}结束：${passed ? '通过' : '未通过'}`,
  revisionMade: (label, draftName) => `生成${draftName} ${label}`,
  event: (day, actor, name, move) => `${day}，${actor}：${name}${move ? `（${move}）` : ''}。`,
  move: (from, to) => (from ? `${from} → ${to}` : to),
  comment: '说明：',
  proposingUnit: '提出单位：',
  draftingUnits: '起草单位：',
  drafterNames: '主要起草人：',
  toBeGiven: '（待补充）',
  principles: [
    '本文件按照 GB/T 1.1—2020《标准化工作导则　第 1 部分：标准化文件的结构和起草规则》的规定起草。',
    '技术内容取自开源项目在固定提交上的规范文件，不改变源规范的技术要求；每一条款均可追溯到源文件、行号和提交。',
    '源规范中的 RFC 2119 / BCP 14 关键词按 GB/T 1.1—2020 的助动词用法表述为“应”“宜”“可”。',
    '开源项目可继续演进，后续修订版以新的提交为依据，条款标识在修订版之间保持稳定。',
  ],
  scope: '本文件的范围：',
  outline: '本文件的结构如下：',
  subclauses: (list, more) => `包括 ${list}${more > 0 ? `等，另有 ${more} 条` : ''}。`,
  requirements: (total) => `本文件共有 ${total} 条要求，按助动词统计如下：`,
  formColumns: ['助动词', '表述类型', '条数'],
  forms: {
    shall: ['应', '要求'],
    'shall not': ['不应', '要求'],
    should: ['宜', '推荐'],
    'should not': ['不宜', '推荐'],
    may: ['可', '允许'],
  },
  terms: (count, list, more) => `第 3 章定义了 ${count} 个术语：${list}${more > 0 ? `等（另有 ${more} 个）` : ''}。`,
  noTerms: '本文件没有需要界定的术语。',
  level: (level, at, commit) => `截至 ${at}，项目的成熟度等级为“${level}”（评估依据提交 ${commit}）。`,
  notEvaluated: '项目尚未完成成熟度评估：请编写组在评估完成后补充验证情况。',
  signalColumns: ['信号', '结果', '提交', '证据'],
  passed: '主要的已满足信号及其证据如下：',
  noSignals: '尚无已满足的信号。',
  gaps: (next) => `达到“${next}”等级尚缺：`,
  implementations: '提案人列出的实现：',
  noImplementations: '提案人尚未列出实现：请编写组补充独立实现及其验证情况。',
  iprPlaceholder:
    '【待编写组补充】提案人尚未提交知识产权和专利声明。请说明本文件是否涉及专利，以及专利持有人的许可声明。',
  sourceRepository: (name, repository, commit) =>
    `本文件依据开源项目 ${name} 的规范起草，源仓库为 ${repository}，固定于提交 ${commit}。使用的源文件如下：`,
  fileColumns: ['源文件', '用途', '对应章条'],
  roles: {
    clauses: '技术条款',
    terms: '术语和定义',
    'normative-annex': '规范性附录',
    'informative-annex': '资料性附录',
    introduction: '引言',
  },
  introduction: '引言',
  changes: '与源规范相比，起草时作了以下编辑性处理，技术内容不变：',
  noChanges: '起草时未对源规范作编辑性处理。',
  openIssues: (count) => `草案检查报告中尚有 ${count} 项待处理的问题：`,
  otherPlaceholder: '【待编写组补充】如无其他需要说明的事项，请写“无”。',
  sep: '、',
  colon: '：',
  more: (count) => `……另有 ${count} 项`,
};

const EN: NoteWording = {
  title: (title, draftName) => `Explanatory note on "${title}" (${draftName})`,
  generatedNotice: (number, at) =>
    `The portal generated this first version of the explanatory note from proposal ${number} on ${at}; the editors may change and complete it.`,
  headings: {
    work: '1 Summary of the work',
    taskSource: '1.1 Origin of the task',
    process: '1.2 Main steps of the work',
    drafters: '1.3 Drafting organisations and drafters',
    principles: '2 Drafting principles',
    content: '3 Main content',
    verification: '4 Tests and verification',
    ipr: '5 Intellectual property',
    comparison: '6 Comparison with the source specification',
    other: '7 Other matters',
  },
  taskSource: (unit, project, number) =>
    `This document was proposed by ${unit} to turn the specification of the open-source project ${project} into an association standard; the proposal is ${number}.`,
  rationale: 'Rationale: ',
  noEvents: 'Nothing recorded yet.',
  created: 'proposal created',
  ballotOpened: (ballot) => `${ballot} of the technical review opened`,
  ballotClosed: (ballot, passed) => `${ballot} of the technical review closed: ${passed ? 'passed' : 'not passed'}`,
  revisionMade: (label, draftName) => `${draftName} ${label} generated`,
  event: (day, actor, name, move) => `${day}, ${actor}: ${name}${move ? ` (${move})` : ''}.`,
  move: (from, to) => (from ? `${from} → ${to}` : to),
  comment: ' Comment: ',
  proposingUnit: 'Proposing organisation: ',
  draftingUnits: 'Drafting organisations: ',
  drafterNames: 'Drafters: ',
  toBeGiven: '(to be given)',
  principles: [
    'This document is drafted in accordance with GB/T 1.1-2020, Directives for standardization, Part 1: Rules for the structure and drafting of standardizing documents.',
    "Its technical content is taken from the open-source project's specification files at a pinned commit without changing the requirements; every clause is traceable to its source file, lines and commit.",
    'RFC 2119 / BCP 14 keywords of the source are expressed with the verbal forms of GB/T 1.1-2020 (shall, should, may).',
    'The open-source project keeps evolving; later revisions are based on newer commits, and clause IDs stay stable between revisions.',
  ],
  scope: 'Scope of this document: ',
  outline: 'This document is structured as follows:',
  subclauses: (list, more) => `with ${list}${more > 0 ? ` and ${more} more` : ''}.`,
  requirements: (total) => `This document states ${total} requirements, by verbal form:`,
  formColumns: ['Verbal form', 'Kind of provision', 'Count'],
  forms: {
    shall: ['shall', 'requirement'],
    'shall not': ['shall not', 'requirement'],
    should: ['should', 'recommendation'],
    'should not': ['should not', 'recommendation'],
    may: ['may', 'permission'],
  },
  terms: (count, list, more) => `Clause 3 defines ${count} terms: ${list}${more > 0 ? ` and ${more} more` : ''}.`,
  noTerms: 'This document defines no terms.',
  level: (level, at, commit) =>
    `As of ${at}, the project's maturity level is "${level}" (evaluated at commit ${commit}).`,
  notEvaluated: 'The project has not been evaluated yet: the editors should add the verification once it is.',
  signalColumns: ['Signal', 'Result', 'Commit', 'Evidence'],
  passed: 'The main signals met, with their evidence:',
  noSignals: 'No signal is met yet.',
  gaps: (next) => `Still missing for "${next}":`,
  implementations: 'Implementations named by the proposer:',
  noImplementations:
    'The proposer has named no implementation yet: the editors should add the independent implementations and how they were verified.',
  iprPlaceholder:
    '[For the editors] The proposer has not given an IPR and patent statement yet. State whether this document involves patents, and the patent holders’ licensing declarations.',
  sourceRepository: (name, repository, commit) =>
    `This document is drafted from the specification of the open-source project ${name}, repository ${repository}, pinned at commit ${commit}. Source files:`,
  fileColumns: ['Source file', 'Role', 'Clauses'],
  roles: {
    clauses: 'technical clauses',
    terms: 'terms and definitions',
    'normative-annex': 'normative annex',
    'informative-annex': 'informative annex',
    introduction: 'introduction',
  },
  introduction: 'Introduction',
  changes: 'Compared with the source, drafting made these editorial changes; the technical content is unchanged:',
  noChanges: 'Drafting made no editorial change to the source.',
  openIssues: (count) => `The draft's lint report still lists ${count} issue${count === 1 ? '' : 's'} to resolve:`,
  otherPlaceholder: '[For the editors] If there is nothing else to explain, write "None".',
  sep: ', ',
  colon: ': ',
  more: (count) => `… and ${count} more`,
};

/** The note's fixed wording in `lang`. */
export function noteWording(lang: NoteLang): NoteWording {
  return lang === 'en' ? EN : ZH;
}
