import type { CatalogueEntry } from './community-snapshot.ts';
import type { CatalogueQuery } from './catalogue-query.ts';

const byName = (a: CatalogueEntry, b: CatalogueEntry): number =>
  a.fullName.toLowerCase() < b.fullName.toLowerCase() ? -1 : 1;

const COMPARE: Record<CatalogueQuery['sort'], (a: CatalogueEntry, b: CatalogueEntry) => number> = {
  activity: (a, b) => (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? '') || byName(a, b),
  stars: (a, b) => (b.stars ?? -1) - (a.stars ?? -1) || byName(a, b),
  level: (a, b) => b.levelRank - a.levelRank || byName(a, b),
  name: byName,
};

// Results per snapshot and filter set: the same few views (a level, a sort) are asked for again and again, and
// sorting 5,000 entries per request would dominate the page's cost. Dropped with the snapshot.
const memo = new WeakMap<readonly CatalogueEntry[], Map<string, readonly CatalogueEntry[]>>();
const MEMO_SIZE = 200;

const NONE: ReadonlySet<string> = new Set();

/**
 * The entries matching the filters, sorted (memoised per snapshot; callers must not modify the result).
 * `proposed` holds the lower-cased full names of projects with a proposal (not part of the snapshot).
 */
export function filterCatalogue(
  entries: readonly CatalogueEntry[],
  q: CatalogueQuery,
  proposed: ReadonlySet<string> = NONE,
): readonly CatalogueEntry[] {
  let cache = memo.get(entries);
  if (!cache) memo.set(entries, (cache = new Map()));
  const key = [q.level, q.domain, q.language, q.license, q.sort, q.proposal ? [...proposed].join(' ') : ''].join(
    '\u0000',
  );
  let result = cache.get(key);
  if (!result) {
    if (cache.size >= MEMO_SIZE) cache.clear();
    result = filterAndSort(entries, q, proposed);
    cache.set(key, result);
  }
  return result;
}

function filterAndSort(
  entries: readonly CatalogueEntry[],
  q: CatalogueQuery,
  proposed: ReadonlySet<string>,
): CatalogueEntry[] {
  const matches = entries.filter(
    (e) =>
      (q.level === '' || (q.level === 'none' ? e.level === null : e.level === q.level)) &&
      (q.domain === '' || e.domain === q.domain) &&
      (q.language === '' || e.language === q.language) &&
      (q.license === '' || e.license === q.license) &&
      (q.proposal === '' || proposed.has(e.fullName.toLowerCase())),
  );
  return matches.sort(COMPARE[q.sort]);
}
