import type { Yaml } from 'mdast';
import { stringify as stringifyYaml } from 'yaml';
import { DRAFT_GENERATOR_NAME, DRAFT_GENERATOR_VERSION } from './draft-version.ts';
import type { DraftInput } from './draft-types.ts';
import { leadIns } from './lead-ins.ts';

// Number placeholders in each kind's numbering pattern; the secretariat assigns the real number.
const NUMBER_PLACEHOLDER = {
  association: 'T/XXX XXXX—XXXX',
  industry: 'XX/T XXXX—XXXX',
  national: 'GB/T XXXXX—XXXX',
} as const;

/**
 * The draft's YAML front matter (the cover): standard type, number placeholder, ICS and CCS codes, titles, the
 * committee's data, stage, date, pinned source and generator version. The `yaml` library quotes every value, so no spec text can break out of it.
 *
 * Before: input { type: 'association', commit: 'ab12…', titleEn: 'Widgets' }
 * After:  `standard: { type: association, number: T/XXX XXXX—XXXX } … source: { commit: ab12… }`
 */
export function draftFrontMatter(input: DraftInput, specTitle: string | undefined, license: string | undefined): Yaml {
  const L = leadIns(input.lang);
  const c = input.committee ?? {};
  const data = {
    standard: {
      type: input.type,
      name: L.typeName[input.type],
      number: NUMBER_PLACEHOLDER[input.type],
      ics: c.ics ?? null,
      ccs: c.ccs ?? null,
    },
    title: { zh: input.titleZh ?? null, en: input.titleEn ?? specTitle ?? null },
    committee: {
      proposer: c.proposer ?? null,
      committee: c.committee ?? null,
      draftingUnits: c.draftingUnits ?? [],
      drafters: c.drafters ?? [],
    },
    stage: { code: 'WD', name: L.stage, zh: '工作组讨论稿', en: 'working draft' },
    date: input.date,
    lang: input.lang,
    source: {
      name: input.name,
      repository: input.repository,
      commit: input.commit,
      license: license ?? null,
      files: input.files.map((f) => ({ path: f.path, blob: f.blob, role: f.role })),
    },
    generator: { name: DRAFT_GENERATOR_NAME, version: DRAFT_GENERATOR_VERSION },
  };
  return { type: 'yaml', value: stringifyYaml(data).trimEnd() };
}
