import type { Db } from '../open-database.ts';
import { createBlobFactQueries, type BlobFactQueries } from './maturity-blob-fact-queries.ts';
import { createExemptionQueries, type ExemptionQueries } from './maturity-exemption-queries.ts';
import { createLevelChangeQueries, type LevelChangeQueries } from './maturity-level-change-queries.ts';
import { createMaturityInputQueries, type MaturityInputQueries } from './maturity-input-queries.ts';
import { createMaturityModelQueries, type MaturityModelQueries } from './maturity-model-queries.ts';
import { createObservationQueries, type ObservationQueries } from './maturity-observation-queries.ts';
import { createOrganisationQueries, type OrganisationQueries } from './maturity-organisation-queries.ts';
import { createMaturityResultQueries, type MaturityResultQueries } from './maturity-result-queries.ts';

/** Everything the maturity engine stores and reads, grouped under `store.maturity`. */
export interface MaturityQueries {
  models: MaturityModelQueries;
  results: MaturityResultQueries;
  /** Every change of a project's level (append-only). */
  levelChanges: LevelChangeQueries;
  observations: ObservationQueries;
  exemptions: ExemptionQueries;
  organisations: OrganisationQueries;
  blobFacts: BlobFactQueries;
  inputs: MaturityInputQueries;
}

/** Prepares the maturity engine's queries on `db`. */
export function createMaturityQueries(db: Db): MaturityQueries {
  return {
    models: createMaturityModelQueries(db),
    results: createMaturityResultQueries(db),
    levelChanges: createLevelChangeQueries(db),
    observations: createObservationQueries(db),
    exemptions: createExemptionQueries(db),
    organisations: createOrganisationQueries(db),
    blobFacts: createBlobFactQueries(db),
    inputs: createMaturityInputQueries(db),
  };
}
