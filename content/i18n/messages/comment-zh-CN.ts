// 意见相关拒绝信息的中文文本（意见服务 DomainError 的 `error.<code>`）。
import type { MessageCatalogue } from '../render-message.ts';

export const zhCNCommentMessages: MessageCatalogue = {
  'error.comment_field_required': '“{field}”为必填项。',
  'error.comment_field_not_text': '“{field}”应为文本。',
  'error.comment_too_long': '“{field}”超过 {limit} 个字符，请精简。',
  'error.comment_bad_rev': '“{value}”不是修订版编号，请写作 00、01 …',
  'error.comment_bad_id': '“{field}”应为一条意见的编号。',
  'error.comment_bad_kind': '请选择意见类型：{kinds}。',
  'error.disposition_bad': '请选择处理意见：{dispositions}。',
  'error.disposition_reason_required': '不采纳须说明理由。',
  'error.comment_no_revision': '{number} 尚无已生成的修订版。',
  'error.comment_period_closed': '{number} 当前不在征求意见期：征求意见期外只有评审专家和编写组可以提出意见。',
  'error.comment_not_found': '{number} 没有编号为 {id} 的意见。',
  'error.comment_reply_to_reply': '请回复意见本身，而不是回复。',
  'error.comment_not_current':
    '意见针对 {number} 的当前修订版 {current} 提出，而不是 {rev}：请阅读当前修订版后再提意见。',
  'error.comment_unknown_clause': '{number} 的修订版 {rev} 中没有条款 {clauseId}：请使用其草案页面上的条款 ID。',
  'error.disposition_editors_only': '只有编写组（该项目的 {by}）可以处理意见。',
  'error.disposition_of_reply': '回复不需要处理意见：请处理其所属的意见。',
  'error.disposition_bad_revision': '体现修改的修订版应为 {number} 在该意见之后（{rev} 或更晚）生成的修订版。',
  'error.diff_needs_two_revisions': '{number} 的已生成修订版少于两个：比较需要两个修订版。',
  'error.diff_order': '比较应从较早的修订版到较晚的修订版：{from} 不在 {to} 之前。',
  'error.diff_bad_range': '“{value}”不是一对修订版，请写作 00..01。',
  'error.drift_no_revision': '{number} 尚无在镜像中固定提交的已生成修订版：上游变化需要与之比较。',
  'error.resolution_bad_format': '“{format}”不是意见汇总处理表的格式：请使用 {formats}。',
};
