import type { KnownSignals } from '../model/parse-model.ts';
import { commitsInWindow, maintained, projectAge } from './activity-signals.ts';
import {
  adopters,
  codeOfConduct,
  contributing,
  governance,
  license,
  maintainersFile,
  readme,
  roadmap,
  security,
} from './file-signals.ts';
import { absenceFactor, dcoSignOffs, newContributors, organisationalDiversity } from './people-signals.ts';
import { ciChecks, pullClosureRatio, responseMedian, responseP90, reviewCoverage } from './process-signals.ts';
import { changelog, recentReleases, releaseCadence, semverShare } from './release-signals.ts';
import type { SignalDefinitionCode } from './signal-inputs.ts';
import { conformanceSuite, implementations, normativeSpecs, versionedSpecReleases } from './spec-signals.ts';

/** Every signal Magnolia can compute; a model chooses among them and sets their thresholds and weights. */
export const SIGNALS: ReadonlyMap<string, SignalDefinitionCode> = new Map(
  [
    commitsInWindow,
    maintained,
    projectAge,
    recentReleases,
    releaseCadence,
    semverShare,
    changelog,
    absenceFactor,
    organisationalDiversity,
    newContributors,
    responseMedian,
    responseP90,
    pullClosureRatio,
    reviewCoverage,
    ciChecks,
    dcoSignOffs,
    readme,
    license,
    contributing,
    codeOfConduct,
    governance,
    maintainersFile,
    security,
    adopters,
    roadmap,
    normativeSpecs,
    versionedSpecReleases,
    conformanceSuite,
    implementations,
  ].map((s) => [s.id, s] as const),
);

/** Signal id → data source, for validating models. */
export const KNOWN_SIGNALS: KnownSignals = new Map([...SIGNALS.values()].map((s) => [s.id, s.source]));
