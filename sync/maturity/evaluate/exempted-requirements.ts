import type { MaturityJson, SignalJson } from '../maturity-json.ts';

/**
 * The required signals of the levels a result reached that hold only by an exemption (they do not pass and are
 * not "not applicable"): what the level rests on, for the badge and the project page to say so.
 *
 *   level mature, files.security required for incubating, failing, exempted  →  [files.security]
 */
export function exemptedRequirements(result: MaturityJson): SignalJson[] {
  if (!result.level) return [];
  const ids = (result.levels ?? []).map((l) => l.id);
  const reached = ids.indexOf(result.level);
  return result.signals.filter((s) => {
    if (!s.exemption?.active || !s.requiredFor) return false;
    const at = ids.indexOf(s.requiredFor);
    if (at < 0 || at > reached) return false;
    const sustainedShort =
      s.status === 'pass' && s.sustainedDays && s.passingSince && s.evaluatedAt
        ? Date.parse(s.evaluatedAt) - Date.parse(s.passingSince) < s.sustainedDays * 86_400_000
        : false;
    return (s.status !== 'pass' && s.status !== 'not-applicable') || sustainedShort;
  });
}
