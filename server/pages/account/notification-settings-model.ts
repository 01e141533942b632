import type { Messages } from '../../../content/i18n/messages.ts';
import { LANGUAGES } from '../../../kernel/i18n/languages.ts';
import type { NotificationsService } from '../../../sync/notifications/notifications-service.ts';

const LANGUAGE_NAMES = { 'zh-CN': '中文', en: 'English' } as const;

/** The account page's notification settings: the address, the language, and whether e-mail goes out at all. */
export interface NotificationSettingsModel {
  email: string;
  mailOff: boolean;
  languages: { value: string; label: string; selected: boolean }[];
  saved: string | null;
}

/** Builds the notification settings of the account page. */
export function notificationSettingsModel(
  notifications: Pick<NotificationsService, 'preferences' | 'mailEnabled'>,
  userId: number,
  t: Messages,
  done: string | undefined,
): NotificationSettingsModel {
  const prefs = notifications.preferences(userId);
  // Chinese first, as the portal's default language.
  const chosen = prefs.language ?? 'zh-CN';
  return {
    email: prefs.email ?? '',
    mailOff: !notifications.mailEnabled,
    languages: LANGUAGES.map((lang) => ({ value: lang, label: LANGUAGE_NAMES[lang], selected: lang === chosen })),
    saved: done === 'notifications-saved' ? t.inbox.settings.saved : null,
  };
}
