import type { Formatters } from '../../../content/i18n/formatters.ts';
import { fill, type Messages } from '../../../content/i18n/messages.ts';
import type { Actor } from '../../../sync/accounts/authorize.ts';
import { can } from '../../../sync/accounts/authorize.ts';
import { SCOPES } from '../../../sync/accounts/roles.ts';
import type { TokenJson } from '../../../sync/accounts/tokens-service.ts';
import type { Services } from '../../../sync/create-services.ts';
import { projectHref } from '../project/project-href.ts';
import { roleLabel } from './role-label.ts';

/** What `/account` shows; `created` holds a token just made (shown this once). */
export interface AccountModel {
  login: string;
  name: string | null;
  roles: string[];
  maintains: { fullName: string; href: string; manage: string; checked: string }[];
  tokens: {
    id: number;
    prefix: string;
    label: string;
    scopes: string;
    created: string;
    lastUsed: string;
    expires: string;
    state: string;
    active: boolean;
    legacy: boolean;
  }[];
  created: { token: string; prefix: string } | null;
  scopes: { value: string; label: string; fixed: boolean }[];
  expiry: { days: number; label: string; selected: boolean }[];
  csrfToken: string;
  links: { href: string; label: string }[];
  notice: string | null;
}

/** Builds the account page's model for the signed-in actor. */
export function accountModel(
  services: Pick<Services, 'accounts' | 'tokens'> & {
    maintained(userId: number): { fullName: string; owner: string; repo: string; checkedAt: string }[];
  },
  actor: Actor,
  i18n: { t: Messages; fmt: Formatters },
  csrfToken: string,
  extra: { created?: { token: string; info: TokenJson }; done?: string },
): AccountModel {
  const { t, fmt } = i18n;
  const me = services.accounts.me(actor);
  const tokenState = (token: TokenJson): string => t.account.tokenStates[token.state];
  const done = t.account.done as Record<string, string>;
  return {
    login: me.login,
    name: me.name,
    roles: me.roles.map((r) => roleLabel(r, t)),
    maintains: services.maintained(actor.userId).map((m) => ({
      fullName: m.fullName,
      href: projectHref(m.owner, m.repo),
      manage: `/admin/projects/${encodeURIComponent(m.owner)}/${encodeURIComponent(m.repo)}`,
      checked: fill(t.account.permissionChecked, { date: fmt.date(m.checkedAt) }),
    })),
    tokens: services.tokens.list(actor.userId).map((token) => ({
      id: token.id,
      prefix: `${token.prefix}…`,
      label: token.label ?? '',
      scopes: token.scopes.join(', '),
      created: fmt.date(token.createdAt),
      lastUsed: token.lastUsedAt ? fmt.date(token.lastUsedAt) : t.account.never,
      expires: token.expiresAt ? fmt.date(token.expiresAt) : t.account.noExpiry,
      state: tokenState(token),
      active: token.state === 'active',
      legacy: token.legacy,
    })),
    created: extra.created ? { token: extra.created.token, prefix: extra.created.info.prefix } : null,
    scopes: SCOPES.map((s) => ({
      value: s,
      label: (t.account.scopeNames as Record<string, string>)[s] ?? s,
      fixed: s === 'read',
    })),
    expiry: [7, 30, 90, 365].map((days) => ({ days, label: fill(t.account.days, { days }), selected: days === 90 })),
    csrfToken,
    links: [
      ...(can(actor, 'console.view').allowed ? [{ href: '/admin', label: t.account.console }] : []),
      ...(can(actor, 'exemptions.manage').allowed
        ? [{ href: '/admin/exemptions', label: t.admin.sections.exemptions }]
        : []),
    ],
    notice: extra.done && Object.hasOwn(done, extra.done) ? done[extra.done]! : null,
  };
}
