// 通知的消息代码的中文文本（sync/notifications）：提案发生了什么，以及请读者做什么。
import type { MessageCatalogue } from '../render-message.ts';

export const zhCNNotificationMessages: MessageCatalogue = {
  'notification.created': '{actor} 创建了提案 {number}《{title}》',
  'notification.stage': '{actor} 对提案 {number}《{title}》执行了“{action}”：{from} → {to}',
  'notification.revision': '提案 {number}《{title}》的修订版 {rev}（{draft}）已生成',
  'notification.ballot-open': '{actor} 对提案 {number}《{title}》的修订版 {rev} 发起了第 {seq} 轮投票，{closesAt} 截止',
  'notification.ballot-close': '{actor} 结束了提案 {number}《{title}》修订版 {rev} 的第 {seq} 轮投票：{result}',
  'notification.ballot-close-on-time': '提案 {number}《{title}》修订版 {rev} 的第 {seq} 轮投票已到截止日期：{result}',
  'notification.ballot.passed': '通过',
  'notification.ballot.not-passed': '未通过',
  'notification.drift':
    '上游项目修改了提案 {number}《{title}》修订版 {rev} 所依据的源文件（最新提交 {commit}）：变更的固定文件 {files} 个，涉及条款 {clauses} 条，要求强度变化 {strength} 处',
  'notification.ask.vote': '轮到您以投票人身份处理：请在 {closesAt} 前对第 {seq} 轮投票表明立场',
  'notification.ask.drift': '轮到您以{as}身份处理：请查看上游变更，决定是否从提交 {commit} 生成新的修订版',
  'notification.ask.act': '轮到您以{as}身份处理：{waiting}',
  'notification.ask.follow': '目前无需您处理（您是{as}）：{waiting}',
  'notification.as.maintainers': '项目维护者',
  'notification.as.editors': '编写组成员',
  'notification.as.secretariat': '秘书处',
  'notification.as.reviewers': '审查组成员',
  'notification.as.proposer': '提案人',
  'notification.as.requester': '该修订版的申请人',
  'notification.as.voter': '投票人',
  'error.bad_email': '“{email}”不是电子邮件地址：请写成 name@example.org 的形式，或留空。',
  'error.bad_notification_language': '请选择通知语言：zh-CN 或 en。',
  'error.bad_inbox_request': '发送 {"ids": [1, 2]} 将这些通知标为已读，或发送 {"all": true} 全部标为已读。',
};
