import { readFileSync } from 'node:fs';
import type { Store } from '../../../db/store.ts';
import { KNOWN_SIGNALS } from '../signals/signal-registry.ts';
import { parseModel, type LoadedModel } from './parse-model.ts';

const DEFAULT_MODEL = new URL('../../../content/maturity/model.yml', import.meta.url);

/** The default model's YAML (content/maturity/model.yml). */
export function readDefaultModelSource(): string {
  return readFileSync(DEFAULT_MODEL, 'utf8');
}

/** Parses a model against the signals this Magnolia computes. */
export function parseKnownModel(source: string): LoadedModel {
  return parseModel(source, KNOWN_SIGNALS);
}

/**
 * The model in force: the version an administrator installed last, else the default shipped in
 * content/maturity/model.yml (read once per cache, not on every call). Parsed models are kept in `cache` (the
 * caller owns it, so nothing is global).
 */
export function loadActiveModel(store: Store, cache: Map<string, LoadedModel>): LoadedModel {
  const installed = store.maturity.models.active();
  const key = installed ? `v${installed.version}:${installed.digest}` : 'default';
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = parseKnownModel(installed?.source ?? readDefaultModelSource());
    cache.set(key, loaded);
  }
  return loaded;
}
