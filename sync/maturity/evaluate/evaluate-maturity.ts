import { msg, type Message } from '../../../kernel/i18n/message.ts';
import type { LoadedModel } from '../model/parse-model.ts';
import type { ExemptionJson, GapJson, MaturityJson, SignalJson, SignalStatus } from '../maturity-json.ts';
import type { SignalOutcome } from '../signals/signal-inputs.ts';
import { applyThreshold, describeThreshold } from './apply-threshold.ts';

const DAY_MS = 86_400_000;

export interface EvaluationInput {
  model: LoadedModel;
  /** Signal id → what its function found (every signal of the model). */
  outcomes: ReadonlyMap<string, SignalOutcome>;
  /** Active exemptions of this project. */
  exemptions: readonly ExemptionJson[];
  /** Signal id → when its current run of passes began, from the history before this evaluation. */
  passingSince: ReadonlyMap<string, string>;
  /** Epoch ms. */
  now: number;
  commit: string | null;
  archived: boolean | null;
}

/**
 * The pure maturity evaluator: statuses from thresholds, then the highest level whose required signals (of
 * that level and every level below) are all satisfied — passing (for as long as `sustainedDays` asks), not
 * applicable, or exempted — and the gaps to the next level.
 */
export function evaluateMaturity(input: EvaluationInput): MaturityJson {
  const { model: loaded, outcomes, now } = input;
  const { model } = loaded;
  const at = new Date(now).toISOString();
  const exemptionOf = new Map(input.exemptions.filter((e) => e.active).map((e) => [e.signal, e]));

  const signals: SignalJson[] = model.signals.map((def) => {
    const outcome: SignalOutcome = outcomes.get(def.id) ?? {
      value: null,
      status: 'unknown',
      reason: msg('maturity.not-computed'),
      evidence: [],
    };
    const status: SignalStatus = outcome.status ?? applyThreshold(outcome.value, def.threshold);
    const threshold = describeThreshold(def.threshold);
    const reason =
      outcome.reason ??
      (status === 'fail' ? msg('maturity.below-threshold', { value: valueParam(outcome.value), threshold }) : null);
    const passingSince = status === 'pass' ? (input.passingSince.get(def.id) ?? at) : null;
    return {
      id: def.id,
      section: def.section,
      title: def.title.en,
      value: outcome.value,
      status,
      reason,
      commit: input.commit,
      source: def.source,
      evidence: outcome.evidence,
      titleEn: def.title.en,
      titleZh: def.title.zh,
      threshold,
      weight: def.weight,
      requiredFor: def.requiredFor ?? null,
      sustainedDays: def.sustainedDays ?? null,
      passingSince,
      window: outcome.window
        ? { days: outcome.window.days, since: outcome.window.since, until: outcome.window.until }
        : null,
      evaluatedAt: at,
      exemption: exemptionOf.get(def.id) ?? null,
    };
  });

  const byId = new Map(signals.map((s) => [s.id, s]));
  const satisfied = (s: SignalJson): boolean => {
    if (s.exemption) return true;
    if (s.status === 'not-applicable') return true;
    if (s.status !== 'pass') return false;
    if (!s.sustainedDays) return true;
    return now - Date.parse(s.passingSince ?? at) >= s.sustainedDays * DAY_MS;
  };
  const required = (levelIndex: number) =>
    model.signals
      .filter((d) => d.requiredFor !== undefined && model.levels.findIndex((l) => l.id === d.requiredFor) <= levelIndex)
      .map((d) => byId.get(d.id)!);

  let reached = -1;
  for (let i = 0; i < model.levels.length; i += 1) {
    if (required(i).every(satisfied)) reached = i;
    else break;
  }
  const next = model.levels[reached + 1];
  const gaps: GapJson[] = next
    ? required(reached + 1)
        .filter((s) => !satisfied(s))
        .map((s) => ({
          signal: s.id,
          title: s.title,
          status: s.status,
          reason: gapReason(s, now),
          evidence: s.evidence,
          requiredFor: s.requiredFor ?? next.id,
          value: s.value,
          threshold: s.threshold!,
        }))
    : [];

  let passed = 0;
  let weighed = 0;
  for (const s of signals) {
    if (s.status !== 'pass' && s.status !== 'fail') continue;
    weighed += s.weight ?? 0;
    if (s.status === 'pass') passed += s.weight ?? 0;
  }

  return {
    level: reached >= 0 ? model.levels[reached]!.id : null,
    nextLevel: next?.id ?? null,
    evaluatedAt: at,
    commit: input.commit,
    gaps,
    signals,
    score: weighed > 0 ? Math.round((passed / weighed) * 1000) / 1000 : null,
    archived: input.archived,
    model: loaded.digest,
    levels: model.levels.map((l, i) => ({ id: l.id, name: l.name, reached: i <= reached })),
  };
}

function gapReason(s: SignalJson, now: number): Message {
  if (s.status === 'pass' && s.sustainedDays) {
    const since = Date.parse(s.passingSince!);
    return msg('maturity.gap.sustain', {
      since: s.passingSince!.slice(0, 10),
      days: s.sustainedDays,
      until: new Date(since + s.sustainedDays * DAY_MS).toISOString().slice(0, 10),
      remaining: Math.ceil((since + s.sustainedDays * DAY_MS - now) / DAY_MS),
    });
  }
  if (s.status === 'unknown') return s.reason ?? msg('maturity.unknown');
  // A yes/no signal's reason already says what is missing: "(needs = true)" would only add code to the sentence.
  if (s.reason && s.threshold?.startsWith('= ')) return s.reason;
  const threshold = readableThreshold(s.threshold!);
  return s.reason
    ? msg('maturity.gap.needs-because', { reason: s.reason, threshold })
    : msg('maturity.gap.needs', { threshold });
}

/** ">= 2" as a reader writes it: "≥ 2" (the API keeps the ASCII form). */
const readableThreshold = (threshold: string): string => threshold.replace(/^>=/, '≥').replace(/^<=/, '≤');

function valueParam(value: number | string | boolean | null): string | number | Message {
  if (value === null) return msg('maturity.no-value');
  return typeof value === 'boolean' ? String(value) : value;
}
