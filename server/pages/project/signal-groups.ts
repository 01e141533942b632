import type { Lang } from '../../../kernel/i18n/languages.ts';
import type { Formatters } from '../../../content/i18n/formatters.ts';
import { fill, plural, type Messages } from '../../../content/i18n/messages.ts';
import { renderMessage } from '../../../content/i18n/render-message.ts';
import type { ObservationJson, SignalJson } from '../../../sync/maturity/maturity-json.ts';
import type { PictureTable } from '../pictures/picture.ts';
import { safeHref } from './safe-href.ts';
import { saidOptional, type Said } from './said.ts';
import { trendLine, type TrendLine } from './trend-line.ts';
import { thresholdText, valueText } from './value-text.ts';

/** One signal as the project page shows it. */
export interface SignalView {
  id: string;
  title: string;
  value: string;
  status: string;
  statusClass: string;
  reason: Said | null;
  /** "Required for Mature · needs ≥ 2" or "Counts towards the score only". */
  role: string;
  exemption: string | null;
  evidence: { href: string | null; label: string }[];
  evidenceSummary: string;
  trend: (TrendLine & { label: string; table: PictureTable }) | null;
  /** Since when the signal is observed, or that its history was reconstructed from the mirror. */
  historyNote: string;
}

/** A section of signals, collapsible, with how many pass. */
export interface SignalGroup {
  id: string;
  title: string;
  summary: string;
  failing: boolean;
  signals: SignalView[];
}

const SECTION_ORDER = ['activity', 'releases', 'people', 'process', 'files', 'spec'];

// Section ids come from the model (data): only the catalogue's own keys count.
const catalogueSection = (t: Messages, section: string): string =>
  Object.hasOwn(t.section, section) ? (t.section as Record<string, string>)[section]! : section;

/** The points of a history where something changed (and the newest), newest first: the trend's table view. */
function changePoints(history: readonly ObservationJson[]): ObservationJson[] {
  const out = history.filter((o, i) => {
    const before = history[i - 1];
    return !before || JSON.stringify(before.value) !== JSON.stringify(o.value) || before.status !== o.status;
  });
  const last = history[history.length - 1];
  if (last && out[out.length - 1] !== last) out.push(last);
  return out.reverse().slice(0, 12);
}

/** The signals by section, each signal with its value and unit, status, reason, evidence and trend. */
export function signalGroups(input: {
  signals: readonly SignalJson[];
  history: (signal: string) => ObservationJson[];
  sectionTitle: (section: string) => string | undefined;
  levelName: (level: string) => string;
  title: (s: SignalJson) => string;
  /** When the portal first evaluated the project: older git observations were reconstructed. */
  firstEvaluatedAt: string | null;
  t: Messages;
  fmt: Formatters;
  lang: Lang;
}): SignalGroup[] {
  const { t, fmt, lang } = input;
  const bySection = new Map<string, SignalJson[]>();
  for (const s of input.signals) bySection.set(s.section, [...(bySection.get(s.section) ?? []), s]);
  const ids = [...bySection.keys()].sort((a, b) => {
    const ia = SECTION_ORDER.indexOf(a);
    const ib = SECTION_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  return ids.map((section) => {
    const signals = bySection.get(section) ?? [];
    const views = signals.map((s) => signalView(s, input));
    const passing = signals.filter((s) => s.status === 'pass' || s.exemption?.active).length;
    return {
      id: section,
      title: input.sectionTitle(section) ?? catalogueSection(t, section),
      summary: plural(lang, t.project.groupSummary, signals.length, { pass: fmt.number(passing) }),
      failing: signals.some((s) => s.status === 'fail' && s.requiredFor && !s.exemption?.active),
      signals: views,
    };
  });
}

function signalView(s: SignalJson, input: Parameters<typeof signalGroups>[0]): SignalView {
  const { t, fmt, lang } = input;
  const title = input.title(s);
  const history = input.history(s.id);
  const line = trendLine(history);
  const exempted = Boolean(s.exemption?.active);
  const threshold = thresholdText(s.id, s.threshold, lang);
  const role = s.requiredFor
    ? [
        fill(t.project.requiredFor, { level: input.levelName(s.requiredFor) }),
        ...(threshold ? [fill(t.project.threshold, { threshold })] : []),
      ].join(' · ')
    : [t.project.scoreOnly, ...(threshold ? [fill(t.project.threshold, { threshold })] : [])].join(' · ');
  const first = history[0]?.observedAt ?? null;
  const reconstructed =
    first !== null && s.source === 'git' && input.firstEvaluatedAt !== null && first < input.firstEvaluatedAt;
  return {
    id: s.id,
    title,
    value: valueText(s.id, s.value, lang),
    status: exempted ? t.status.exempted : t.status[s.status],
    statusClass: exempted ? 'status-exempted' : `status-${s.status}`,
    reason: saidOptional(s.reason, lang),
    role,
    exemption:
      exempted && s.exemption
        ? fill(t.project.exemptedDetail, {
            by: s.exemption.createdBy,
            on: fmt.date(s.exemption.createdAt),
            until: fmt.date(s.exemption.expiresAt),
            reason: s.exemption.reason,
            status: t.status[s.status],
          })
        : null,
    evidence: s.evidence.map((e) => ({ href: safeHref(e.url), label: renderMessage(e.label, lang) })),
    evidenceSummary: plural(lang, t.project.evidenceCount, s.evidence.length),
    trend: line
      ? {
          ...line,
          label: plural(lang, t.project.trendLabel, history.length, {
            signal: title,
            from: fmt.date(history[0]!.observedAt),
            to: fmt.date(history[history.length - 1]!.observedAt),
          }),
          table: {
            head: [t.project.trendDate, t.project.value, t.project.status],
            rows: changePoints(history).map((o) => [
              fmt.date(o.observedAt),
              valueText(s.id, o.value, lang),
              t.status[o.status],
            ]),
          },
        }
      : null,
    historyNote: first
      ? fill(reconstructed ? t.project.backfilled : t.project.observedSince, { date: fmt.date(first) })
      : t.project.trendNone,
  };
}
