// 投票（技术审查）拒绝操作时页面显示的中文（投票服务 DomainError 的 `error.<code>`）。
import type { MessageCatalogue } from '../render-message.ts';

export const zhCNBallotMessages: MessageCatalogue = {
  'error.ballot_bad_list': '{what} 应为列表：每行一项，或以空格、逗号分隔。',
  'error.ballot_bad_logins': '以下不是登录名：{logins}。请用投票人在本门户的登录名。',
  'error.ballot_too_many_voters': '一次投票最多 200 名投票人。',
  'error.ballot_bad_closing_date': '“{value}”不是有效的截止日期，请按 YYYY-MM-DD 填写。',
  'error.ballot_closing_date_out_of_range': '截止日期须晚于现在且在一年之内：{value} 不符合。',
  'error.ballot_bad_position': '请选择一种意见：{positions}。',
  'error.ballot_reason_too_long': '理由最多 4000 字，请精简。',
  'error.ballot_too_many_clauses': '最多填写 100 个条款 ID。',
  'error.ballot_secretariat_only': '只有秘书处可以发起和结束投票。',
  'error.ballot_not_now': '该提案处于 {stage} 阶段，此阶段不进行投票。',
  'error.ballot_no_revision': '该提案还没有可供投票的已生成修订版，请先生成修订版。',
  'error.ballot_already_open': '第 {seq} 次投票进行中，截止于 {closesAt}，请先结束该投票。',
  'error.ballot_unknown_voters': '本门户没有登录名为 {logins} 的用户：受邀投票人须先登录一次。',
  'error.ballot_drafters_may_not_vote':
    '{logins} 参与了本提案的起草（提案人、项目维护者或起草人），不得投票，请从审查组中移除。',
  'error.ballot_too_few_voters': '审查组只有 {count} 人，程序要求至少 {needed} 人，请增加投票人。',
  'error.ballot_not_found': '{number} 尚未发起投票。',
  'error.ballot_closed': '第 {seq} 次投票已结束，不能再表态或修改意见。',
  'error.ballot_not_a_voter': '{login} 不在本次投票的审查组中，只有投票人可以表态。',
  'error.ballot_block_needs_reason': '阻塞意见须说明理由：请写明需要修改什么。',
  'error.ballot_block_needs_clauses': '阻塞意见须指明所涉条款：请至少填写修订版 {rev} 的一个条款 ID。',
  'error.ballot_unknown_clauses': '修订版 {rev} 中没有条款 {ids}，请使用其清单中的条款 ID。',
};
