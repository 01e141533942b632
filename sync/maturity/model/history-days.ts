import { SIGNALS } from '../signals/signal-registry.ts';
import type { LoadedModel } from './parse-model.ts';

/**
 * How many days of history an evaluation under `model` must read: its longest signal window (the model's
 * `params.windowDays`, else the signal's own default). A model with a 1,095-day window is evaluated on 1,095 days.
 */
export function historyDays(model: LoadedModel): number {
  let longest = 1;
  for (const def of model.model.signals) {
    const set = def.params?.windowDays;
    const days = typeof set === 'number' ? set : SIGNALS.get(def.id)?.defaultWindowDays;
    if (days !== undefined && days > longest) longest = days;
  }
  return longest;
}
