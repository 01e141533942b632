import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { CommitteeData, SourceRole } from './draft-types.ts';

/** ICS codes: `35`, `35.240`, `35.240.60`. */
export const ICS_CODE = /^\d{2}(?:\.\d{3}(?:\.\d{2})?)?$/;
/** CCS codes: a letter and two digits, `L67`. */
export const CCS_CODE = /^[A-Z]\d{2}$/;

const names = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(z.string().min(1, 'a name may not be empty')),
);

const ROLES = ['clauses', 'terms', 'normative-annex', 'informative-annex', 'introduction'] as const;

const schema = z.object({
  title: z.object({ zh: z.string().optional(), en: z.string().optional() }).optional(),
  proposer: z.string().min(1).optional(),
  committee: z.string().min(1).optional(),
  draftingUnits: names.optional(),
  drafters: names.optional(),
  ics: z.coerce
    .string()
    .regex(ICS_CODE, 'an ICS code looks like "35.240.60" (in quotes, or YAML reads it as a number)')
    .optional(),
  ccs: z.string().regex(CCS_CODE, 'a CCS code is a capital letter and two digits, like L67').optional(),
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
  /** Undefined when the file gives none of it. */
  committee: CommitteeData | undefined;
}

function committeeOf(data: z.infer<typeof schema>): CommitteeData | undefined {
  const { proposer, committee, draftingUnits, drafters, ics, ccs } = data;
  const given = { proposer, committee, draftingUnits, drafters, ics, ccs };
  return Object.values(given).some((v) => v !== undefined) ? given : undefined;
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
 * Reads a sources.yml: `files:` lists paths (a plain string means role `clauses`) with a role each; `title`,
 * `proposer` (提出单位), `committee` (归口单位), `draftingUnits` (起草单位), `drafters` (起草人), `ics` and `ccs`
 * give the committee's data for the cover and the Foreword.
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
    committee: committeeOf(parsed.data),
  };
}
