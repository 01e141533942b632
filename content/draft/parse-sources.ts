import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { SourceRole } from './draft-types.ts';

const ROLES = ['clauses', 'terms', 'normative-annex', 'informative-annex', 'introduction'] as const;

const schema = z.object({
  title: z.object({ zh: z.string().optional(), en: z.string().optional() }).optional(),
  files: z
    .array(
      // A plain string is shorthand for `{ path }` with the default role.
      z.preprocess(
        (entry) => (typeof entry === 'string' ? { path: entry } : entry),
        z.object({
          path: z.string({ message: 'each file needs a path' }).min(1, 'each file needs a path'),
          role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }).default('clauses'),
        }),
      ),
    )
    .min(1, 'list at least one file under "files"'),
});

/** The spec files of a draft with their roles, in order, and optional titles. */
export interface SourceList {
  files: { path: string; role: SourceRole }[];
  titleZh: string | undefined;
  titleEn: string | undefined;
}

/** A sources.yml that cannot be used; `problems` say what to fix. */
export class SourcesError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`sources file is not valid: ${problems.join('; ')}`);
    this.problems = problems;
    this.name = 'SourcesError';
  }
}

/**
 * Reads a sources.yml: `files:` lists paths (a plain string means role `clauses`) with a role each.
 *
 * Before: `files:\n  - spec/intro.md\n  - { path: spec/glossary.md, role: terms }`
 * After:  [{ spec/intro.md, clauses }, { spec/glossary.md, terms }]
 */
export function parseSources(text: string): SourceList {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new SourcesError([
      `it is not YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    ]);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new SourcesError(parsed.error.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`));
  }
  return {
    files: parsed.data.files,
    titleZh: parsed.data.title?.zh,
    titleEn: parsed.data.title?.en,
  };
}
