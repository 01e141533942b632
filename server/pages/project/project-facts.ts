import type { I18nLocals } from '../../i18n/i18n-middleware.ts';
import type { MaturityJson } from '../../../sync/maturity/maturity-json.ts';
import type { ProjectJson } from '../../../sync/projects/project-json.ts';
import { fill } from '../../../content/i18n/messages.ts';
import { safeHref } from './safe-href.ts';

/** One fact of the project: a label, a value, maybe a link; `unknown` marks a value GitHub could not give. */
export interface Fact {
  label: string;
  value: string;
  href?: string | null;
  unknown?: boolean;
}

/**
 * The licence as the `files.license` signal detected it (SPDX id and the file it was read from), else GitHub's,
 * else null: one detection for the fact and the signal, so they never disagree.
 */
export function detectedLicence(m: MaturityJson | null): { spdx: string; path: string | null } | null {
  const signal = m?.signals.find((s) => s.id === 'files.license');
  if (!signal || typeof signal.value !== 'string') return null;
  const path = signal.evidence.map((e) => e.label.params?.['path']).find((p) => typeof p === 'string');
  return { spdx: signal.value, path: typeof path === 'string' ? path : null };
}

/**
 * The facts list. A value GitHub did not give (metadata unknown) reads "unknown", never 0 or "—", which would
 * claim a fact; "—" is kept for what is known to be absent (no homepage, not fetched yet).
 */
export function projectFacts(
  p: ProjectJson,
  m: MaturityJson | null,
  input: {
    domainName: string;
    githubUrl: string;
    i18n: I18nLocals;
  },
): Fact[] {
  const { t, fmt } = input.i18n;
  const metadataUnknown = p.metadata.status === 'unknown';
  const api = (label: string, n: number | null): Fact =>
    n === null && metadataUnknown
      ? { label, value: t.project.unknownFact, unknown: true }
      : { label, value: n === null ? '—' : fmt.number(n) };
  const num = (n: number | null) => (n === null ? '—' : fmt.number(n));
  const licence = detectedLicence(m);
  const licenceFact: Fact = licence
    ? {
        label: t.project.license,
        value: licence.path ? fill(t.project.licenceFrom, { spdx: licence.spdx, path: licence.path }) : licence.spdx,
      }
    : p.license
      ? { label: t.project.license, value: p.license }
      : metadataUnknown
        ? { label: t.project.license, value: t.project.unknownFact, unknown: true }
        : { label: t.project.license, value: '—' };
  return [
    { label: t.project.repository, value: p.fullName, href: safeHref(`${input.githubUrl}/${p.fullName}`) },
    ...(p.homepage ? [{ label: t.project.homepage, value: p.homepage, href: safeHref(p.homepage) }] : []),
    { label: t.project.domain, value: input.domainName || '—' },
    licenceFact,
    api(t.project.stars, p.stars),
    api(t.project.forks, p.forks),
    { label: t.project.commits, value: num(p.commitCount) },
    { label: t.project.contributors, value: num(p.contributorCount) },
    { label: t.project.defaultBranch, value: p.defaultBranch ?? '—' },
    { label: t.project.head, value: p.headSha ? p.headSha.slice(0, 12) : '—' },
    { label: t.project.lastActivity, value: fmt.date(p.lastPushAt) || '—' },
    p.createdAt === null && metadataUnknown
      ? { label: t.project.created, value: t.project.unknownFact, unknown: true }
      : { label: t.project.created, value: fmt.date(p.createdAt) || '—' },
  ];
}
