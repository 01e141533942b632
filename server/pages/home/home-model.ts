import type { I18nLocals } from '../../i18n/i18n-middleware.ts';
import { fill } from '../../../content/i18n/messages.ts';
import type { CommunitySnapshot } from '../catalogue/community-snapshot.ts';
import { projectHref } from '../project/project-href.ts';
import { levelClass, levelLabel } from '../project/level-label.ts';

/** What the home page shows. */
export interface HomeModel {
  steps: string[];
  figures: { label: string; value: string }[];
  levels: { label: string; value: string; href: string; levelClass: string }[];
  matured: { name: string; href: string; level: string; levelClass: string; date: string; isoDate: string }[];
  activity: { name: string; href: string; text: string; date: string; isoDate: string }[];
  browseAll: string;
}

/** Builds the home page's figures and lists from the community snapshot. */
export function homeModel(snapshot: CommunitySnapshot, { t, fmt }: I18nLocals, proposals: number): HomeModel {
  const { entries, levels } = snapshot;
  const perLevel = levels.map((level) => ({
    label: levelLabel(t, level),
    value: fmt.number(entries.filter((e) => e.level === level).length),
    href: `/projects?level=${encodeURIComponent(level)}`,
    levelClass: levelClass(level),
  }));
  const matured = entries
    .filter((e) => e.level !== null && e.evaluatedAt !== null)
    .sort((a, b) => (b.evaluatedAt ?? '').localeCompare(a.evaluatedAt ?? '') || b.levelRank - a.levelRank)
    .slice(0, 5);
  const active = entries
    .filter((e) => e.lastActivityAt !== null)
    .sort((a, b) => (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? ''))
    .slice(0, 6);
  return {
    steps: [t.home.step1, t.home.step2, t.home.step3, t.home.step4],
    figures: [
      { label: t.home.figureProjects, value: fmt.number(entries.length) },
      { label: t.home.figureDomains, value: fmt.number(snapshot.domains.size) },
      { label: t.home.figureProposals, value: fmt.number(proposals) },
    ],
    levels: [
      ...perLevel,
      {
        label: t.home.noLevel,
        value: fmt.number(entries.filter((e) => e.level === null).length),
        href: '/projects?level=none',
        levelClass: 'level-none',
      },
    ],
    matured: matured.map((e) => ({
      name: e.fullName,
      href: projectHref(e.owner, e.repo),
      level: levelLabel(t, e.level),
      levelClass: levelClass(e.level),
      date: fmt.date(e.evaluatedAt),
      isoDate: fmt.isoDate(e.evaluatedAt),
    })),
    activity: active.map((e) => ({
      name: e.fullName,
      href: projectHref(e.owner, e.repo),
      text: t.home.activityPush,
      date: fmt.date(e.lastActivityAt),
      isoDate: fmt.isoDate(e.lastActivityAt),
    })),
    browseAll: fill(t.home.browseAll, { count: fmt.number(entries.length) }),
  };
}
