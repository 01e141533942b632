import type { ProposalSummaryJson } from '../../../sync/proposals/proposal-json.ts';
import { textLang } from '../text-lang.ts';
import type { MaturityJson, ObservationJson, SignalJson } from '../../../sync/maturity/maturity-json.ts';
import type { I18nLocals } from '../../i18n/i18n-middleware.ts';
import { fill, plural } from '../../../content/i18n/messages.ts';
import type { ProjectJson } from '../../../sync/projects/project-json.ts';
import type { ExemptionView } from '../../../sync/maturity/maturity-service.ts';
import { exemptedRequirements } from '../../../sync/maturity/evaluate/exempted-requirements.ts';
import { isBotIdentity } from '../../../sync/maturity/signals/signal-helpers.ts';
import { badgeSize } from '../../badges/render-badge.ts';
import { activityBars, lastMonths, type MonthCount } from '../pictures/activity-bars.ts';
import type { Picture } from '../pictures/picture.ts';
import { contributorShare } from './contributor-share.ts';
import { levelClass, levelLabel } from './level-label.ts';
import { levelLadder, levelWithExemption, type LadderStep } from './level-ladder.ts';
import { projectFacts, type Fact } from './project-facts.ts';
import { releaseTimeline } from './release-timeline.ts';
import { said, type Said } from './said.ts';
import { signalGroups, type SignalGroup } from './signal-groups.ts';

/** What the project page shows. */
export interface ProjectModel {
  name: string;
  /** The project's proposals: number, title and stage in the reader's language. */
  proposals: { number: string; href: string; title: string; stage: string }[];
  description: string;
  /** The language the description is written in (see `textLang`). */
  descriptionLang: 'zh-CN' | 'en';
  facts: Fact[];
  topics: string[];
  releases: { name: string; date: string; isoDate: string; prerelease: boolean }[];
  releasesNote: string | null;
  releasesTimeline: Picture | null;
  contributors: { name: string; commits: string }[];
  contributorShare: Picture | null;
  activity: Picture;
  level: { label: string; levelClass: string; evaluated: string | null; restsOn: string | null };
  ladder: LadderStep[];
  ladderTop: boolean;
  badge: { src: string; alt: string; markdown: string; width: number; height: number };
  warnings: Said[];
  sections: SignalGroup[];
  exemptions: {
    signal: string;
    reason: string;
    grantedBy: string;
    grantedAt: string;
    isoGrantedAt: string;
    expires: string;
    isoExpires: string;
  }[];
}

/** What the project page is built from (the route reads it; this function decides nothing by I/O). */
export interface ProjectPageInput {
  project: ProjectJson;
  maturity: MaturityJson | null;
  history: (signal: string) => ObservationJson[];
  sectionTitle: (section: string) => string | undefined;
  exemptions: ExemptionView[];
  domainName: string;
  githubUrl: string;
  baseUrl: string;
  /** The mirror's tags (releases fall back to them when GitHub's are unknown). */
  tags: { name: string; taggedAt: string | null }[];
  /** Commits per month over the last two years, and per person over the last year. */
  monthly: MonthCount[];
  shares: { name: string; email: string; commits: number }[];
  /** When the portal first evaluated the project (older git-derived history was reconstructed). */
  firstEvaluatedAt: string | null;
  now: number;
  i18n: I18nLocals;
  /** The project's proposals (newest first). */
  proposals: readonly ProposalSummaryJson[];
}

/** Builds the project page: ladder, pictures, facts, grouped signals with units, evidence and trends, exemptions. */
export function projectModel(input: ProjectPageInput): ProjectModel {
  const { project: p, maturity: m, i18n } = input;
  const { t, fmt, lang } = i18n;
  const name = (level: string) => levelLabel(t, level);
  const title = (s: SignalJson): string => (lang === 'en' ? s.titleEn : s.titleZh) ?? s.titleEn ?? s.title;
  const titles = new Map((m?.signals ?? []).map((s) => [s.id, title(s)]));
  const restsOn = m ? exemptedRequirements(m) : [];
  const levelText = m?.level ? levelWithExemption(t, name(m.level), restsOn.length > 0) : t.project.levelNone;

  const zhBadge = lang === 'zh-CN';
  const badgePath = `/badge/${encodeURIComponent(p.owner)}/${encodeURIComponent(p.repo)}.svg${zhBadge ? '?lang=zh-CN' : ''}`;
  const size = badgeSize(t.badge.label, levelText);

  const metadataKnown = p.metadata.status === 'ok';
  const fromTags = !metadataKnown && p.releases.length === 0 && input.tags.length > 0;
  const releases = fromTags
    ? input.tags
        .filter((tag) => tag.taggedAt !== null)
        .sort(
          (a, b) =>
            (b.taggedAt ?? '').localeCompare(a.taggedAt ?? '') || b.name.localeCompare(a.name, 'en', { numeric: true }),
        )
        .map((tag) => ({ tagName: tag.name, name: null, publishedAt: tag.taggedAt, prerelease: false }))
    : p.releases;
  const months = lastMonths(input.now, 24);
  const formatMonth = (month: string) => fmt.month(`${month}-01T00:00:00Z`);
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });

  return {
    name: p.fullName,
    proposals: input.proposals.map((x) => ({
      number: x.number,
      href: `/proposals/${x.number}`,
      title: lang === 'en' ? x.title.en : x.title.zh,
      stage: lang === 'en' ? x.stateName.en : x.stateName.zh,
    })),
    description: p.description ?? '',
    descriptionLang: textLang(p.description ?? ''),
    facts: projectFacts(p, m, { domainName: input.domainName, githubUrl: input.githubUrl, i18n }),
    topics: p.topics,
    releases: releases.slice(0, 10).map((r) => ({
      name: r.name && r.name !== r.tagName ? `${r.tagName} · ${r.name}` : r.tagName,
      date: fmt.date(r.publishedAt),
      isoDate: fmt.isoDate(r.publishedAt),
      prerelease: r.prerelease,
    })),
    releasesNote: fromTags ? t.project.releasesFromTags : null,
    releasesTimeline: releaseTimeline(
      releases.flatMap((r) =>
        r.publishedAt ? [{ name: r.tagName, at: r.publishedAt, prerelease: r.prerelease }] : [],
      ),
      input.now,
      {
        label: (count, first, last) => plural(lang, t.project.timelineLabel, count, { first, last }),
        release: t.project.release,
        date: t.project.date,
      },
      (iso) => fmt.date(iso),
    ),
    contributors: p.topContributors.map((c) => ({
      name: c.name,
      commits: plural(lang, t.project.commitsBy, c.commits),
    })),
    contributorShare: contributorShare(
      input.shares.filter((s) => !isBotIdentity(s.email) && !isBotIdentity(s.name)),
      {
        label: (factor, total, names) =>
          plural(lang, t.project.shareLabel, total, { factor: fmt.number(factor), names }),
        others: (count) => plural(lang, t.project.shareOthers, count),
        person: t.project.person,
        commits: t.project.commitsColumn,
        share: t.project.share,
      },
      (n) => fmt.number(n),
      (n) => percent.format(n),
    ),
    activity: activityBars(
      months,
      input.monthly,
      {
        label: (total, from, to) => plural(lang, t.project.activityLabel, total, { from, to }),
        month: t.project.month,
        commits: t.project.commitsColumn,
      },
      formatMonth,
      (n) => fmt.number(n),
    ),
    level: {
      label: levelText,
      levelClass: levelClass(m?.level ?? null),
      evaluated: m?.evaluatedAt
        ? fill(t.project.evaluatedAt, { date: fmt.date(m.evaluatedAt), commit: (m.commit ?? '').slice(0, 12) })
        : null,
      restsOn:
        restsOn.length > 0
          ? fill(t.project.restsOnExemption, { signals: restsOn.map(title).join(lang === 'en' ? ', ' : '、') })
          : null,
    },
    ladder: m ? levelLadder(m, t, lang, name, title) : [],
    ladderTop: Boolean(m?.level && !m.nextLevel),
    badge: {
      src: badgePath,
      alt: fill(t.project.badgeAlt, { project: p.fullName }),
      markdown: `[![${t.badge.label}](${input.baseUrl}${badgePath})](${input.baseUrl}/projects/${encodeURIComponent(p.owner)}/${encodeURIComponent(p.repo)})`,
      ...size,
    },
    warnings: [
      ...(p.metadata.status === 'unknown'
        ? [
            ((reason: Said | null): Said => ({
              text: fill(t.project.metadataUnknown, { reason: reason?.text ?? t.project.unknown }),
              detail: reason?.detail ?? null,
            }))(
              p.metadata.reasonCode
                ? said({ code: p.metadata.reasonCode, params: p.metadata.reasonParams ?? {} }, lang)
                : null,
            ),
          ]
        : []),
      ...(p.mirror.lastError ? [{ text: t.project.mirrorError, detail: p.mirror.lastError }] : []),
    ],
    sections: signalGroups({
      signals: m?.signals ?? [],
      history: input.history,
      sectionTitle: input.sectionTitle,
      levelName: name,
      title,
      firstEvaluatedAt: input.firstEvaluatedAt,
      t,
      fmt,
      lang,
    }),
    exemptions: input.exemptions.map((e) => ({
      signal: titles.get(e.signal) ?? e.signal,
      reason: e.reason,
      grantedBy: e.createdBy,
      grantedAt: fmt.date(e.createdAt),
      isoGrantedAt: fmt.isoDate(e.createdAt),
      expires: fmt.date(e.expiresAt) || '—',
      isoExpires: fmt.isoDate(e.expiresAt),
    })),
  };
}
