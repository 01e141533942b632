import { renderMessage } from '../../../content/i18n/render-message.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import { msg } from '../../../kernel/i18n/message.ts';
import type { Workflow } from './workflow-schema.ts';

const WORDS = {
  en: {
    lead: 'How a member project’s specification becomes an association standard here. The stages, who may act, the requirements and the periods are set by the workflow file in force; this page is rendered from it.',
    settings: 'Settings',
    ballot: 'Ballot of the technical review',
    ballotRule:
      'passes with no block, at least {min} taking part and at least {ratio} in favour (yes and no objection) of the panel less recusals{abstain}; closes {days} days after opening unless a date is given',
    ballotAbstain: ' and abstentions',
    requiredLevel: 'Maturity level needed to propose and submit',
    noticeDays: 'Public notice of an approved project',
    commentDays: 'Public comment period',
    minImplementations: 'Independent implementations to name',
    reviewIntervalYears: 'Periodic review after publication',
    licences: 'Compatible licences',
    days: '{n} days',
    years: '{n} years',
    stages: 'Stages',
    stage: 'Stage',
    holder: 'Who acts',
    waits: 'Waiting for',
    draft: 'Draft name',
    final: 'final',
    actions: 'Actions',
    action: 'Action',
    fromTo: 'From → to',
    by: 'Who may take it',
    guards: 'What must hold',
    starts: 'starts the {period}',
    notice: 'public notice',
    comment: 'comment period',
    none: 'nothing more',
    create: 'Proposing',
    createBy: 'Who may propose: {by}; what must hold: {guards}.',
    revise: 'Revisions',
    reviseBy: 'Who may ask for a new draft revision: {by}; in the stages: {stages}.',
    holders: {
      maintainers: 'the project’s maintainers',
      editors: 'the editors (maintainers and secretariat)',
      secretariat: 'the secretariat',
      reviewers: 'the review panel',
      none: '—',
    },
    sep: ', ',
    colon: ': ',
  },
  zh: {
    lead: '成员项目的规范在本社区成为团体标准的程序。各阶段、可执行者、条件和期限由当前生效的程序文件规定；本页据此生成。',
    settings: '设置',
    ballot: '技术审查投票',
    ballotRule:
      '无阻塞意见、至少 {min} 人参加投票，且赞成与无异议合计不少于审查组成员（不含回避{abstain}）的 {ratio} 即为通过；未指定日期时于发起后 {days} 天截止',
    ballotAbstain: '与弃权',
    requiredLevel: '提案和提交所需的成熟度等级',
    noticeDays: '立项公示期',
    commentDays: '征求意见期',
    minImplementations: '需列出的独立实现数',
    reviewIntervalYears: '发布后复审周期',
    licences: '兼容的许可证',
    days: '{n} 天',
    years: '{n} 年',
    stages: '阶段',
    stage: '阶段',
    holder: '由谁处理',
    waits: '等待事项',
    draft: '草案名称',
    final: '终态',
    actions: '操作',
    action: '操作',
    fromTo: '从 → 到',
    by: '可执行者',
    guards: '须满足的条件',
    starts: '开始{period}',
    notice: '立项公示',
    comment: '征求意见',
    none: '无其他条件',
    create: '提案',
    createBy: '可提案者：{by}；须满足：{guards}。',
    revise: '修订版',
    reviseBy: '可请求生成新修订版者：{by}；可在以下阶段进行：{stages}。',
    holders: {
      maintainers: '项目维护者',
      editors: '编写组（维护者和秘书处）',
      secretariat: '秘书处',
      reviewers: '审查组',
      none: '—',
    },
    sep: '、',
    colon: '：',
  },
} as const;

const GUARD_NAMES: Record<string, { en: string; zh: string }> = {
  'project-level': { en: 'project at the required level', zh: '项目达到所需等级' },
  'sources-pinned': { en: 'sources pinned to a commit', zh: '来源固定到提交' },
  'licence-compatible': { en: 'compatible licence', zh: '许可证兼容' },
  'ipr-statement': { en: 'IPR and patent statement', zh: '知识产权及专利声明' },
  implementations: { en: 'implementations named', zh: '列出实现' },
  'has-revision': { en: 'a generated revision', zh: '已生成修订版' },
  'notice-over': { en: 'public notice over', zh: '公示期结束' },
  'comment-period-over': { en: 'comment period over', zh: '征求意见期结束' },
  'revision-since-comment': { en: 'a revision since the last comment period', zh: '上次征求意见后有新修订版' },
  'comments-dispositioned': { en: 'every comment answered', zh: '意见全部处理' },
  'no-open-ballot': { en: 'no open ballot', zh: '没有进行中的投票' },
  'ballot-passed': { en: 'ballot passed', zh: '投票通过' },
  'no-blocking-positions': { en: 'no blocking position', zh: '没有阻塞意见' },
  'reason-given': { en: 'a reason given', zh: '写明理由' },
  'review-due': { en: 'review due', zh: '到达复审时间' },
};

/** Escapes what Markdown would read as table or inline syntax in a data text. */
const cell = (text: string) => text.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);

/** The workflow as a page in the reader's language (the Process page shows it; the file is the truth). */
export function renderWorkflowMarkdown(flow: Workflow, lang: Lang, levelName: (id: string) => string): string {
  const w = lang === 'en' ? WORDS.en : WORDS.zh;
  const l = lang === 'en' ? 'en' : 'zh';
  const name = (text: { en: string; zh: string }) => cell(text[l]);
  const stage = (id: string) => {
    const s = flow.stages.find((x) => x.id === id);
    return s ? name(s.name) : id;
  };
  const who = (by: readonly string[]) =>
    by.map((kind) => renderMessage(msg(`proposal.actor.${kind}`), lang)).join(w.sep);
  const guards = (list: readonly string[]) =>
    list.length === 0 ? w.none : list.map((g) => GUARD_NAMES[g]?.[l] ?? g).join(w.sep);
  const s = flow.settings;
  const lines = [
    `# ${name(flow.name)}`,
    '',
    w.lead,
    '',
    `## ${w.settings}`,
    '',
    `- ${w.requiredLevel}${w.colon}${cell(levelName(s.requiredLevel))}`,
    `- ${w.noticeDays}${w.colon}${w.days.replace('{n}', String(s.noticeDays))}`,
    `- ${w.commentDays}${w.colon}${w.days.replace('{n}', String(s.commentDays))}`,
    `- ${w.minImplementations}${w.colon}${s.minImplementations}`,
    `- ${w.reviewIntervalYears}${w.colon}${w.years.replace('{n}', String(s.reviewIntervalYears))}`,
    `- ${w.licences}${w.colon}${s.compatibleLicences.map(cell).join(w.sep)}`,
    `- ${w.ballot}${w.colon}${w.ballotRule
      .replace('{min}', String(s.ballot.minVoters))
      .replace('{ratio}', `${Math.round(s.ballot.passRatio * 1000) / 10}%`)
      .replace('{abstain}', s.ballot.abstentionsCount ? '' : w.ballotAbstain)
      .replace('{days}', String(s.ballot.closeDays))}`,
    '',
    `## ${w.create}`,
    '',
    w.createBy.replace('{by}', who(flow.create.by)).replace('{guards}', guards(flow.create.guards)),
    '',
    `## ${w.stages}`,
    '',
    `| ${w.stage} | ${w.holder} | ${w.waits} | ${w.draft} |`,
    '|---|---|---|---|',
    ...flow.stages.map(
      (st) =>
        `| ${name(st.name)} | ${w.holders[st.holder]} | ${st.final ? w.final : st.waiting ? name(st.waiting) : ''} | ${st.draftName ? name(st.draftName) : ''} |`,
    ),
    '',
    `## ${w.actions}`,
    '',
    `| ${w.action} | ${w.fromTo} | ${w.by} | ${w.guards} |`,
    '|---|---|---|---|',
    ...flow.actions.map((a) => {
      const starts = a.starts
        ? `${w.sep}${w.starts.replace('{period}', a.starts === 'notice' ? w.notice : w.comment)}`
        : '';
      return `| ${name(a.name)} | ${a.from.map(stage).join(w.sep)} → ${stage(a.to)} | ${who(a.by)} | ${guards(a.guards)}${starts} |`;
    }),
    '',
    `## ${w.revise}`,
    '',
    w.reviseBy.replace('{by}', who(flow.revise.by)).replace('{stages}', flow.revise.in.map(stage).join(w.sep)),
    '',
  ];
  return lines.join('\n');
}
