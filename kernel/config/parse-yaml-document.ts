import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';

/** A YAML document read against a schema: the data, or every problem as `path: message`, one line each. */
export type YamlDocument<T> = { ok: true; data: T } | { ok: false; problems: string[] };

/**
 * Reads a YAML document (a maturity model, a workflow) and validates it with `schema`. A syntax error names its
 * line; a schema problem names its path, `what` standing in for the document itself.
 */
export function parseYamlDocument<S extends z.ZodType>(
  source: string,
  schema: S,
  what: string,
): YamlDocument<z.infer<S>> {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, problems: [`the YAML cannot be read${where}: ${reason}`] };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : what}: ${i.message}`),
    };
  return { ok: true, data: parsed.data };
}
