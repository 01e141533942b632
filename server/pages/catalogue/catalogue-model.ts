import type { I18nLocals } from '../../i18n/i18n-middleware.ts';
import { fill, plural } from '../../../content/i18n/messages.ts';
import { domainLabel } from './domain-label.ts';
import { searchParamsOf, urlWith } from '../layout/url-with.ts';
import { levelLabel } from '../project/level-label.ts';
import { catalogueRowView, type CatalogueRowView } from './catalogue-row-view.ts';
import type { CommunitySnapshot } from './community-snapshot.ts';
import { SORTS, type CatalogueQuery } from './catalogue-query.ts';
import { filterCatalogue } from './filter-catalogue.ts';

export const PAGE_SIZE = 20;

interface Option {
  value: string;
  label: string;
  selected: boolean;
}

interface Select {
  name: string;
  id: string;
  label: string;
  options: Option[];
}

/** What the catalogue page shows. */
export interface CatalogueModel {
  selects: Select[];
  /** Null when nothing matches (the page says so instead of "Showing 0–0 of 0"). */
  summary: string | null;
  empty: boolean;
  /** Where to send a request for a page past the last one (the last page), else null. */
  redirect: string | null;
  rows: CatalogueRowView[];
  pagination: { previous: string | null; next: string | null; label: string } | null;
  resetHref: string;
}

/** Builds the catalogue page: the filter form (options from the data), one page of rows and the page links. */
export function catalogueModel(
  snapshot: CommunitySnapshot,
  q: CatalogueQuery,
  originalUrl: string,
  i18n: I18nLocals,
  proposed?: ReadonlySet<string>,
): CatalogueModel {
  const { lang, t, fmt } = i18n;
  const domainName = (slug: string | null): string =>
    slug === null ? '' : domainLabel(slug, lang, snapshot.domains.get(slug));
  const options = (current: string, values: { value: string; label: string }[]): Option[] => [
    { value: '', label: t.catalogue.any, selected: current === '' },
    ...values.map((v) => ({ ...v, selected: v.value === current })),
  ];
  const selects: Select[] = [
    {
      name: 'level',
      id: 'filter-level',
      label: t.catalogue.level,
      options: options(q.level, [
        ...snapshot.levels.map((level) => ({ value: level, label: levelLabel(t, level) })),
        { value: 'none', label: t.level.none },
      ]),
    },
    {
      name: 'domain',
      id: 'filter-domain',
      label: t.catalogue.domain,
      options: options(
        q.domain,
        [...snapshot.domains.keys()].map((slug) => ({ value: slug, label: domainName(slug) })),
      ),
    },
    {
      name: 'language',
      id: 'filter-language',
      label: t.catalogue.language,
      options: options(
        q.language,
        snapshot.languages.map((v) => ({ value: v, label: v })),
      ),
    },
    {
      name: 'license',
      id: 'filter-license',
      label: t.catalogue.license,
      options: options(
        q.license,
        snapshot.licenses.map((v) => ({ value: v, label: v })),
      ),
    },
    {
      name: 'proposal',
      id: 'filter-proposal',
      label: t.catalogue.proposal,
      options: options(q.proposal, [{ value: 'yes', label: t.catalogue.withProposal }]),
    },
    {
      name: 'sort',
      id: 'filter-sort',
      label: t.catalogue.sort,
      options: SORTS.map((s) => ({
        value: s,
        label: {
          activity: t.catalogue.sortActivity,
          stars: t.catalogue.sortStars,
          level: t.catalogue.sortLevel,
          name: t.catalogue.sortName,
        }[s],
        selected: s === q.sort,
      })),
    },
  ];

  const matches = filterCatalogue(snapshot.entries, q, proposed);
  const pages = Math.max(1, Math.ceil(matches.length / PAGE_SIZE));
  const page = Math.min(q.page, pages);
  const params = searchParamsOf(originalUrl);
  const redirect =
    q.page > pages ? urlWith('/projects', params, { page: pages === 1 ? undefined : String(pages) }) : null;
  const from = (page - 1) * PAGE_SIZE;
  const shown = matches.slice(from, from + PAGE_SIZE);
  return {
    selects,
    summary:
      shown.length === 0
        ? null
        : pages === 1
          ? plural(lang, t.catalogue.showingAll, matches.length)
          : fill(t.catalogue.showing, {
              from: fmt.number(from + 1),
              to: fmt.number(from + shown.length),
              total: fmt.number(matches.length),
            }),
    empty: shown.length === 0,
    redirect,
    rows: shown.map((e) => catalogueRowView(snapshot, e, i18n)),
    pagination:
      pages > 1
        ? {
            previous:
              page > 1 ? urlWith('/projects', params, { page: page - 1 === 1 ? undefined : String(page - 1) }) : null,
            next: page < pages ? urlWith('/projects', params, { page: String(page + 1) }) : null,
            label: fill(t.catalogue.page, { page: fmt.number(page), pages: fmt.number(pages) }),
          }
        : null,
    resetHref: '/projects',
  };
}
