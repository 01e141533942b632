import { createHash } from 'node:crypto';
import { parseYamlDocument } from '../../../kernel/config/parse-yaml-document.ts';
import { modelSchema, type MaturityModel } from './model-schema.ts';
import { ModelError } from './model-error.ts';

/** A validated model with the digest of its source (which version evaluated a result). */
export interface LoadedModel {
  model: MaturityModel;
  source: string;
  digest: string;
}

/** What the engine can compute: signal id → its data source. */
export type KnownSignals = ReadonlyMap<string, 'git' | 'api'>;

/**
 * Parses and validates a model from YAML. Every problem is reported with its path, and a signal the engine
 * cannot compute (or whose declared source disagrees with the engine) is refused instead of silently ignored.
 */
export function parseModel(source: string, known: KnownSignals): LoadedModel {
  const parsed = parseYamlDocument(source, modelSchema, 'model');
  if (!parsed.ok) throw new ModelError(parsed.problems);
  const problems: string[] = [];
  parsed.data.signals.forEach((s, i) => {
    const source = known.get(s.id);
    if (source === undefined)
      problems.push(
        `signals.${i}.id: "${s.id}" is not a signal Magnolia computes; known: ${[...known.keys()].join(', ')}`,
      );
    else if (source !== s.source) problems.push(`signals.${i}.source: "${s.id}" comes from ${source}, not ${s.source}`);
  });
  if (problems.length > 0) throw new ModelError(problems);
  return { model: parsed.data, source, digest: createHash('sha256').update(source).digest('hex').slice(0, 16) };
}
