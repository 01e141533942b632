import type { SpecNotice } from './spec-notice.ts';

/** A notice about a spec file found while sorting the spec set into parts (it names the file by its index). */
export interface PlanNotice extends SpecNotice {
  file: number;
}
