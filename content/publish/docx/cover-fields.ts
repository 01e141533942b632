// What the cover reads from the draft's front matter (content/draft/draft-front-matter.ts writes it): the kind of
// standard, its number placeholder, ICS and CCS codes and the titles. Anything missing or not a string is null.
//   { standard: { name: 团体标准, number: T/XXX XXXX—XXXX, ics: "35.240" }, title: { zh: 编解码协议 } }
//     → { kind: "团体标准", number: "T/XXX XXXX—XXXX", ics: "35.240", ccs: null, titleZh: "编解码协议", titleEn: null }

/** The cover's fields. */
export interface CoverFields {
  kind: string | null;
  number: string | null;
  ics: string | null;
  ccs: string | null;
  titleZh: string | null;
  titleEn: string | null;
}

const field = (data: unknown, ...path: string[]): string | null => {
  let at: unknown = data;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : null;
  if (typeof at === 'number') return String(at);
  return typeof at === 'string' && at.trim() ? at.trim() : null;
};

/** The cover's fields from the parsed front matter. */
export function coverFields(data: unknown): CoverFields {
  return {
    kind: field(data, 'standard', 'name'),
    number: field(data, 'standard', 'number'),
    ics: field(data, 'standard', 'ics'),
    ccs: field(data, 'standard', 'ccs'),
    titleZh: field(data, 'title', 'zh'),
    titleEn: field(data, 'title', 'en'),
  };
}
