/** What a signal's value measures, so pages can say "120 hours", "90 days" or "100%" rather than a bare number. */
export type SignalUnit = 'count' | 'days' | 'hours' | 'ratio' | 'per-quarter' | 'boolean' | 'licence';

/** The unit of each signal Magnolia computes (a test checks that every signal of the registry has one). */
export const SIGNAL_UNITS: ReadonlyMap<string, SignalUnit> = new Map<string, SignalUnit>([
  ['activity.commits-90d', 'count'],
  ['activity.maintained', 'count'],
  ['activity.age', 'days'],
  ['releases.recent', 'count'],
  ['releases.cadence', 'days'],
  ['releases.semver', 'ratio'],
  ['releases.changelog', 'boolean'],
  ['people.absence-factor', 'count'],
  ['people.org-diversity', 'count'],
  ['people.new-contributors', 'per-quarter'],
  ['process.response-median', 'hours'],
  ['process.response-p90', 'hours'],
  ['process.pr-closure', 'ratio'],
  ['process.review-coverage', 'ratio'],
  ['process.ci', 'ratio'],
  ['process.dco', 'ratio'],
  ['files.readme', 'boolean'],
  ['files.license', 'licence'],
  ['files.contributing', 'boolean'],
  ['files.code-of-conduct', 'boolean'],
  ['files.governance', 'boolean'],
  ['files.maintainers', 'boolean'],
  ['files.security', 'boolean'],
  ['files.adopters', 'boolean'],
  ['files.roadmap', 'boolean'],
  ['spec.normative-documents', 'count'],
  ['spec.versioned-releases', 'count'],
  ['spec.conformance-suite', 'count'],
  ['spec.implementations', 'count'],
]);

/** The unit of a signal (`count` for one this table does not know, e.g. from a newer model). */
export function unitOf(signal: string): SignalUnit {
  return SIGNAL_UNITS.get(signal) ?? 'count';
}
