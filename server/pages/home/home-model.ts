import type { I18nLocals } from '../../i18n/i18n-middleware.ts';
import { fill, plural } from '../../../content/i18n/messages.ts';
import type { UpwardChangeRow } from '../../../db/maturity/maturity-level-change-queries.ts';
import { activityBars, lastMonths, type MonthCount } from '../pictures/activity-bars.ts';
import type { Picture } from '../pictures/picture.ts';
import { levelDistribution } from './level-distribution.ts';
import type { CommunitySnapshot } from '../catalogue/community-snapshot.ts';
import { projectHref } from '../project/project-href.ts';
import { levelClass, levelLabel } from '../project/level-label.ts';

/** What the home page shows. */
export interface HomeModel {
  steps: string[];
  figures: { label: string; value: string }[];
  levels: { label: string; value: string; href: string; levelClass: string }[];
  levelBar: Picture;
  activityChart: Picture;
  matured: {
    name: string;
    href: string;
    level: string;
    levelClass: string;
    change: string;
    date: string;
    isoDate: string;
  }[];
  activity: { name: string; href: string; text: string; date: string; isoDate: string }[];
  browseAll: string;
}

/** What the home page reads besides the snapshot: upward level changes, monthly commits, the time. */
export interface HomeInput {
  proposals: number;
  /** The newest upward level changes, newest first. */
  matured: readonly UpwardChangeRow[];
  /** Commits per month to member projects over the last two years. */
  monthly: readonly MonthCount[];
  now: number;
}

/** Builds the home page's figures, pictures and lists from the community snapshot. */
export function homeModel(snapshot: CommunitySnapshot, { t, fmt, lang }: I18nLocals, input: HomeInput): HomeModel {
  const { entries, levels } = snapshot;
  const proposals = input.proposals;
  const perLevel = levels.map((level) => ({
    label: levelLabel(t, level),
    value: fmt.number(entries.filter((e) => e.level === level).length),
    href: `/projects?level=${encodeURIComponent(level)}`,
    levelClass: levelClass(level),
  }));
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
    levelBar: levelDistribution(
      [
        ...perLevel.map((l, i) => ({
          label: l.label,
          levelClass: l.levelClass,
          count: entries.filter((e) => e.level === levels[i]).length,
        })),
        { label: t.home.noLevel, levelClass: 'level-none', count: entries.filter((e) => e.level === null).length },
      ],
      {
        label: (parts) => fill(t.home.levelBarLabel, { parts }),
        level: t.catalogue.level,
        projects: t.home.levelProjects,
      },
      (n) => fmt.number(n),
    ),
    activityChart: activityBars(
      lastMonths(input.now, 24),
      input.monthly,
      {
        label: (total, from, to) => plural(lang, t.home.communityActivityLabel, total, { from, to }),
        month: t.project.month,
        commits: t.project.commitsColumn,
      },
      (month) => fmt.month(`${month}-01T00:00:00Z`),
      (n) => fmt.number(n),
    ),
    matured: input.matured.map((c) => ({
      name: c.full_name,
      href: projectHref(c.owner, c.name),
      level: levelLabel(t, c.to_level),
      levelClass: levelClass(c.to_level),
      change: fill(t.home.maturedChange, { from: levelLabel(t, c.from_level), to: levelLabel(t, c.to_level) }),
      date: fmt.date(c.changed_at),
      isoDate: fmt.isoDate(c.changed_at),
    })),
    activity: active.map((e) => ({
      name: e.fullName,
      href: projectHref(e.owner, e.repo),
      text: t.home.activityPush,
      date: fmt.date(e.lastActivityAt),
      isoDate: fmt.isoDate(e.lastActivityAt),
    })),
    browseAll: plural(lang, t.home.browseAll, entries.length),
  };
}
