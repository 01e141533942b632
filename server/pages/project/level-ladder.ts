import type { Lang } from '../../../kernel/i18n/languages.ts';
import { fill, plural, type Messages } from '../../../content/i18n/messages.ts';
import type { MaturityJson, SignalJson } from '../../../sync/maturity/maturity-json.ts';
import { levelClass } from './level-label.ts';
import { saidOptional, type Said } from './said.ts';

/** One rung of the level ladder: a level, whether it is reached, the signals it adds, and what it still needs. */
export interface LadderStep {
  id: string;
  name: string;
  levelClass: string;
  state: 'reached' | 'next' | 'later';
  stateText: string;
  requires: string;
  signals: { title: string; href: string; ok: boolean; statusClass: string; statusText: string }[];
  /** For the next level: what is missing, with the reason (sustained periods included). */
  missing: { title: string; href: string; reason: Said | null }[] | null;
}

/**
 * The level ladder at the top of the project page: every level of the model, lowest first, each with the
 * signals it first requires (passed or not) and, for the next level, what is missing and why.
 */
export function levelLadder(
  m: MaturityJson,
  t: Messages,
  lang: Lang,
  name: (level: string) => string,
  title: (s: SignalJson) => string,
): LadderStep[] {
  const levels = m.levels ?? [];
  const reached = m.level ? levels.findIndex((l) => l.id === m.level) : -1;
  const gaps = new Map(m.gaps.map((g) => [g.signal, g]));
  return levels.map((level, i) => {
    const state = i <= reached ? 'reached' : i === reached + 1 ? 'next' : 'later';
    const own = m.signals.filter((s) => s.requiredFor === level.id);
    const ok = (s: SignalJson): boolean =>
      state === 'next'
        ? !gaps.has(s.id)
        : Boolean(s.exemption?.active) || s.status === 'pass' || s.status === 'not-applicable';
    return {
      id: level.id,
      name: name(level.id),
      levelClass: levelClass(level.id),
      state,
      stateText: { reached: t.project.ladderReached, next: t.project.ladderNext, later: t.project.ladderLater }[state],
      requires: own.length > 0 ? plural(lang, t.project.ladderRequires, own.length) : t.project.ladderNothing,
      signals: own.map((s) => {
        const exempted = Boolean(s.exemption?.active) && s.status !== 'pass';
        const status = exempted ? 'exempted' : s.status;
        return {
          title: title(s),
          href: `#signal-${s.id}`,
          ok: ok(s),
          statusClass: `status-${status}`,
          statusText: exempted ? t.status.exempted : t.status[s.status],
        };
      }),
      missing:
        state === 'next'
          ? m.gaps.map((g) => {
              const s = m.signals.find((x) => x.id === g.signal);
              return {
                title: s ? title(s) : g.title,
                href: `#signal-${g.signal}`,
                reason: saidOptional(g.reason, lang),
              };
            })
          : null,
    };
  });
}

/** "Mature" or, when the level rests on an exemption, "Mature (exemption)". */
export function levelWithExemption(t: Messages, label: string, exempted: boolean): string {
  return exempted ? fill(t.project.levelWithExemption, { level: label }) : label;
}
