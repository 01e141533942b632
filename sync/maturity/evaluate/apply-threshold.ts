import type { Threshold } from '../model/model-schema.ts';
import type { SignalStatus } from '../maturity-json.ts';

/** `pass` or `fail` of a value against a threshold; a missing value fails. */
export function applyThreshold(value: number | string | boolean | null, threshold: Threshold): SignalStatus {
  if (value === null) return 'fail';
  if ('min' in threshold) return typeof value === 'number' && value >= threshold.min ? 'pass' : 'fail';
  if ('max' in threshold) return typeof value === 'number' && value <= threshold.max ? 'pass' : 'fail';
  return value === threshold.equals ? 'pass' : 'fail';
}

/** The threshold as text: ">= 2", "<= 72", "= true". */
export function describeThreshold(threshold: Threshold): string {
  if ('min' in threshold) return `>= ${threshold.min}`;
  if ('max' in threshold) return `<= ${threshold.max}`;
  return `= ${String(threshold.equals)}`;
}
