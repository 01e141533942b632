// 提案流程消息代码的中文文本（sync/proposals/workflow 的条件与拒绝理由）；与 workflow-en.ts 的代码一一对应。
import type { MessageCatalogue } from '../render-message.ts';

export const zhCNWorkflowMessages: MessageCatalogue = {
  local: (p) => String(p.zh ?? ''),
  list: (p) => Object.values(p).join('、'),

  'proposal.level.none': '尚未评估',
  'proposal.licence.unknown': '未识别',
  'proposal.ballot.none': '尚未投票',
  'proposal.ballot.open': '投票尚在进行',
  'proposal.ballot.closed': '投票已结束但未通过',
  'proposal.actor.maintainer': '项目维护者',
  'proposal.actor.member': '任何已登录用户',
  'proposal.actor.reviewer': '审查专家',
  'proposal.actor.secretariat': '秘书处',
  'proposal.actor.admin': '管理员',

  'proposal.guard.project-level': '项目当前等级为{level}，需要达到{required}：尚有 {gaps} 项差距',
  'proposal.guard.sources-pinned': '来源尚未固定：请至少选择一个来源文件，并指定能解析到提交的引用',
  'proposal.guard.licence-compatible': '规范的许可证（{licence}）不在兼容许可证之列：{allowed}',
  'proposal.guard.ipr-statement': '提案人尚未作出知识产权及专利声明',
  'proposal.guard.implementations': '已列出 {count} 个实现，需要 {needed} 个',
  'proposal.guard.has-revision': '尚未生成草案修订版：请从来源生成一版',
  'proposal.guard.notice-over': '立项公示期尚未结束：还剩 {days} 天（至 {endsAt}）',
  'proposal.guard.notice-over.missing': '尚未进行立项公示',
  'proposal.guard.comment-period-over': '征求意见期尚未结束：还剩 {days} 天（至 {endsAt}）',
  'proposal.guard.comment-period-over.missing': '尚未征求意见',
  'proposal.guard.revision-since-comment': '上次征求意见（{endedAt} 结束）之后没有新的修订版：请生成处理意见后的修订版',
  'proposal.guard.comments-dispositioned': '{count} 条意见尚未处理',
  'proposal.guard.no-open-ballot': '投票尚在进行：请先结束投票',
  'proposal.guard.ballot-passed': '投票未通过：{state}',
  'proposal.guard.no-blocking-positions': '{count} 个阻塞意见尚未解除',
  'proposal.guard.reason-given': '请在说明中写明理由',
  'proposal.guard.review-due': '复审应在 {dueAt} 之后进行',
  'proposal.guard.review-due.missing': '标准尚未发布',

  'proposal.refusal.unknown-action': '“{action}”不是本程序中的操作；可用的操作：{known}',
  'proposal.refusal.not-available': '提案处于{stage}阶段，不能执行“{action}”；此阶段可执行：{available}',
  'proposal.refusal.none': '无（此阶段为终态）',
  'proposal.refusal.forbidden': '“{action}”只能由{who}执行',
  'proposal.refusal.guards': '{count} 项要求尚未满足',
};
