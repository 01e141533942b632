// 通知的消息代码的中文文本（sync/notifications）：提案发生了什么，以及请读者做什么。
import type { MessageCatalogue } from '../render-message.ts';

export const zhCNNotificationMessages: MessageCatalogue = {
  'notification.created': '{actor} 创建了提案 {number}《{title}》',
  'notification.stage': '{actor} 对提案 {number}《{title}》执行了“{action}”：{from} → {to}',
  'notification.revision': '提案 {number}《{title}》的修订版 {rev}（{draft}）已生成',
  'notification.ask.act': '轮到您以{as}身份处理：{waiting}',
  'notification.ask.follow': '目前无需您处理（您是{as}）：{waiting}',
  'notification.as.maintainers': '项目维护者',
  'notification.as.editors': '编写组成员',
  'notification.as.secretariat': '秘书处',
  'notification.as.reviewers': '审查组成员',
  'notification.as.proposer': '提案人',
  'notification.as.requester': '该修订版的申请人',
  'error.bad_email': '“{email}”不是电子邮件地址：请写成 name@example.org 的形式，或留空。',
  'error.bad_notification_language': '请选择通知语言：zh-CN 或 en。',
  'error.bad_inbox_request': '发送 {"ids": [1, 2]} 将这些通知标为已读，或发送 {"all": true} 全部标为已读。',
};
