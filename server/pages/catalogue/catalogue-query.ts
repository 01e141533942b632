/** How the catalogue can be sorted. */
export type CatalogueSort = 'activity' | 'stars' | 'level' | 'name';

/** The catalogue's filters, sort and page, all from the URL (so any view can be shared). */
export interface CatalogueQuery {
  level: string;
  domain: string;
  language: string;
  license: string;
  /** `yes`: only projects with a proposal for a standard. */
  proposal: '' | 'yes';
  sort: CatalogueSort;
  page: number;
}

export const SORTS: readonly CatalogueSort[] = ['activity', 'stars', 'level', 'name'];

const text = (params: URLSearchParams, key: string): string => (params.get(key) ?? '').trim().slice(0, 100);

/** Reads the catalogue query; anything malformed falls back to its default instead of failing the page. */
export function readCatalogueQuery(params: URLSearchParams): CatalogueQuery {
  const sort = text(params, 'sort') as CatalogueSort;
  const page = Number.parseInt(text(params, 'page'), 10);
  return {
    level: text(params, 'level'),
    domain: text(params, 'domain'),
    language: text(params, 'language'),
    license: text(params, 'license'),
    proposal: text(params, 'proposal') === 'yes' ? 'yes' : '',
    sort: SORTS.includes(sort) ? sort : 'activity',
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}
