import { createHash } from 'node:crypto';
import { parse as parseYaml, YAMLParseError } from 'yaml';
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
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw new ModelError([
      `the YAML cannot be read${where}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    ]);
  }
  const parsed = modelSchema.safeParse(data);
  if (!parsed.success) {
    throw new ModelError(
      parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'model'}: ${i.message}`),
    );
  }
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
