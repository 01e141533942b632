import type { Messages } from '../../../content/i18n/messages.ts';

/** A role's name in the reader's language (an unknown id shows as it is). */
export function roleLabel(role: string, t: Messages): string {
  const roles = t.roles as Record<string, string>;
  return Object.hasOwn(roles, role) ? roles[role]! : role;
}
