// Addresses that say nothing about an employer: each such author is their own organisation.
const PERSONAL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  'sina.com',
  'sohu.com',
  'aliyun.com',
  'proton.me',
  'protonmail.com',
  'fastmail.com',
  'gmx.com',
  'gmx.de',
  'mail.ru',
  'yandex.ru',
  'users.noreply.github.com',
]);

export interface OrganisationHints {
  /** GitHub login and company of the author, when their public email (or noreply address) is known. */
  profile?: { login: string; company: string | null } | undefined;
  overrides: readonly { match: string; organisation: string }[];
}

/**
 * The organisation an author works for: an administrator's correction (by email, @domain or login) first, then a
 * corporate email domain, then the GitHub company field, else the person alone ("independent").
 *
 *     li.na@cloudtide.cn                       → cloudtide.cn
 *     wujing1990@gmail.com, company "EdgeHive" → edgehive
 *     wujing1990@gmail.com, no company         → independent: wujing1990@gmail.com
 */
export function organisationOf(email: string, hints: OrganisationHints): string {
  const lower = email.toLowerCase();
  const domain = lower.slice(lower.lastIndexOf('@') + 1);
  // A noreply address names its login even when the profile was never read.
  const login = (hints.profile?.login ?? loginFromNoreply(lower) ?? undefined)?.toLowerCase();
  for (const o of hints.overrides) {
    const m = o.match.toLowerCase();
    if (m === lower || m === `@${domain}` || (login !== undefined && m === login)) return o.organisation;
  }
  if (domain !== '' && !PERSONAL_DOMAINS.has(domain) && !domain.endsWith('.noreply.github.com')) return domain;
  const company = hints.profile?.company?.replace(/^@/, '').trim().toLowerCase();
  if (company) return company;
  return `independent: ${lower}`;
}

/** The GitHub login in a noreply address (`12345+login@users.noreply.github.com`), if it is one. */
export function loginFromNoreply(email: string): string | null {
  const match = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(email);
  return match ? match[1]! : null;
}
