import type { MaturityJson, SignalJson } from '../../../sync/maturity/maturity-json.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import { renderMessage, renderOptional } from '../../../content/i18n/render-message.ts';
import type { I18nLocals } from '../../i18n/i18n-middleware.ts';
import { fill, type Messages } from '../../../content/i18n/messages.ts';
import type { ProjectJson } from '../../../sync/projects/project-json.ts';
import type { ExemptionView, MaturityService } from '../../../sync/maturity/maturity-service.ts';
import { levelClass, levelLabel } from './level-label.ts';
import { safeHref } from './safe-href.ts';
import { trendLine, type TrendLine } from './trend-line.ts';

interface Link {
  href: string | null;
  label: string;
}

/** What the project page shows. */
export interface ProjectModel {
  name: string;
  description: string;
  facts: { label: string; value: string; href?: string | null }[];
  topics: string[];
  releases: { name: string; date: string; isoDate: string; prerelease: boolean }[];
  contributors: { name: string; commits: string }[];
  level: { label: string; levelClass: string; evaluated: string | null };
  badge: { src: string; alt: string; markdown: string };
  warnings: string[];
  sections: {
    title: string;
    signals: {
      id: string;
      title: string;
      value: string;
      status: string;
      statusClass: string;
      reason: string;
      evidence: Link[];
      trend: (TrendLine & { label: string }) | null;
      trendNone: string;
    }[];
  }[];
  gaps: {
    heading: string;
    items: { title: string; status: string; statusClass: string; reason: string; evidence: Link[] }[];
  } | null;
  exemptions: { signal: string; reason: string; expires: string; isoExpires: string }[];
}

const SECTION_ORDER = ['activity', 'releases', 'people', 'process', 'files', 'spec'];

const valueText = (value: SignalJson['value'], { t, fmt }: I18nLocals): string => {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? t.project.yes : t.project.no;
  if (typeof value === 'number') return fmt.number(value);
  return value;
};

const evidenceLinks = (evidence: SignalJson['evidence'], lang: Lang): Link[] =>
  evidence.map((e) => ({ href: safeHref(e.url), label: renderMessage(e.label, lang) }));

/** A signal's title in the reader's language (the model carries both). */
const signalTitle = (s: SignalJson, lang: Lang): string =>
  (lang === 'en' ? s.titleEn : s.titleZh) ?? s.titleEn ?? s.title;

// Section ids come from the model (data): only the catalogue's own keys count.
const sectionTitle = (t: Messages, section: string): string =>
  Object.hasOwn(t.section, section) ? (t.section as Record<string, string>)[section]! : section;

/** Builds the project page from the mirror facts and the maturity engine's results. */
export function projectModel(input: {
  project: ProjectJson;
  repositoryId: number;
  maturity: MaturityJson | null;
  access: MaturityService;
  exemptions: ExemptionView[];
  domainName: string;
  githubUrl: string;
  baseUrl: string;
  i18n: I18nLocals;
}): ProjectModel {
  const { project: p, maturity: m, i18n } = input;
  const { t, fmt } = i18n;
  const badgePath = `/badge/${encodeURIComponent(p.owner)}/${encodeURIComponent(p.repo)}.svg`;
  const num = (n: number | null) => (n === null ? '—' : fmt.number(n));

  const bySection = new Map<string, SignalJson[]>();
  for (const s of m?.signals ?? []) bySection.set(s.section, [...(bySection.get(s.section) ?? []), s]);
  const sectionIds = [...bySection.keys()].sort((a, b) => {
    const ia = SECTION_ORDER.indexOf(a);
    const ib = SECTION_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  const titles = new Map((m?.signals ?? []).map((s) => [s.id, signalTitle(s, i18n.lang)]));

  return {
    name: p.fullName,
    description: p.description ?? '',
    facts: [
      { label: t.project.repository, value: p.fullName, href: safeHref(`${input.githubUrl}/${p.fullName}`) },
      ...(p.homepage ? [{ label: t.project.homepage, value: p.homepage, href: safeHref(p.homepage) }] : []),
      { label: t.project.domain, value: input.domainName || '—' },
      { label: t.project.license, value: p.license ?? '—' },
      { label: t.project.stars, value: num(p.stars) },
      { label: t.project.forks, value: num(p.forks) },
      { label: t.project.commits, value: num(p.commitCount) },
      { label: t.project.contributors, value: num(p.contributorCount) },
      { label: t.project.defaultBranch, value: p.defaultBranch ?? '—' },
      { label: t.project.head, value: p.headSha ? p.headSha.slice(0, 12) : '—' },
      { label: t.project.lastActivity, value: fmt.date(p.lastPushAt) || '—' },
      { label: t.project.created, value: fmt.date(p.createdAt) || '—' },
    ],
    topics: p.topics,
    releases: p.releases.slice(0, 10).map((r) => ({
      name: r.name && r.name !== r.tagName ? `${r.tagName} · ${r.name}` : r.tagName,
      date: fmt.date(r.publishedAt),
      isoDate: fmt.isoDate(r.publishedAt),
      prerelease: r.prerelease,
    })),
    contributors: p.topContributors.map((c) => ({
      name: c.name,
      commits: fill(t.project.commitsBy, { count: fmt.number(c.commits) }),
    })),
    level: {
      label: m?.level ? levelLabel(t, m.level) : t.project.levelNone,
      levelClass: levelClass(m?.level ?? null),
      evaluated: m?.evaluatedAt
        ? fill(t.project.evaluatedAt, { date: fmt.date(m.evaluatedAt), commit: (m.commit ?? '').slice(0, 12) })
        : null,
    },
    badge: {
      src: badgePath,
      alt: fill(t.project.badgeAlt, { project: p.fullName }),
      markdown: `[![${t.badge.label}](${input.baseUrl}${badgePath})](${input.baseUrl}/projects/${encodeURIComponent(p.owner)}/${encodeURIComponent(p.repo)})`,
    },
    warnings: [
      ...(p.metadata.status === 'unknown'
        ? [
            fill(t.project.metadataUnknown, {
              reason: p.metadata.reasonCode
                ? renderMessage({ code: p.metadata.reasonCode, params: p.metadata.reasonParams ?? {} }, i18n.lang)
                : '',
            }),
          ]
        : []),
      ...(p.mirror.lastError ? [fill(t.project.mirrorError, { error: p.mirror.lastError })] : []),
    ],
    sections: sectionIds.map((section) => ({
      title: input.access.sectionTitle(section, i18n.lang) ?? sectionTitle(t, section),
      signals: (bySection.get(section) ?? []).map((s) => {
        const history = input.access.history(input.repositoryId, s.id);
        const line = trendLine(history);
        return {
          id: s.id,
          title: signalTitle(s, i18n.lang),
          value: valueText(s.value, i18n),
          status: t.status[s.status],
          statusClass: `status-${s.status}`,
          reason: renderOptional(s.reason, i18n.lang) ?? '',
          evidence: evidenceLinks(s.evidence, i18n.lang),
          trend: line
            ? {
                ...line,
                label: fill(t.project.trendLabel, {
                  signal: signalTitle(s, i18n.lang),
                  count: fmt.number(history.length),
                  from: fmt.date(history[0]!.observedAt),
                  to: fmt.date(history[history.length - 1]!.observedAt),
                }),
              }
            : null,
          trendNone: t.project.trendNone,
        };
      }),
    })),
    gaps: m
      ? {
          heading: m.nextLevel ? fill(t.project.gapsFor, { level: levelLabel(t, m.nextLevel) }) : t.project.gaps,
          items: m.gaps.map((g) => ({
            title: titles.get(g.signal) ?? g.title,
            status: t.status[g.status],
            statusClass: `status-${g.status}`,
            reason: renderOptional(g.reason, i18n.lang) ?? '',
            evidence: evidenceLinks(g.evidence, i18n.lang),
          })),
        }
      : null,
    exemptions: input.exemptions.map((e) => ({
      signal: titles.get(e.signal) ?? e.signal,
      reason: e.reason,
      expires: fmt.date(e.expiresAt) || '—',
      isoExpires: fmt.isoDate(e.expiresAt),
    })),
  };
}
