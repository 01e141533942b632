import type { DomainRow } from '../../db/domains/domain-queries.ts';
import type { Store } from '../../db/store.ts';
import { DomainError } from '../../kernel/errors/domain-error.ts';

/** A domain as the API and the CLI show it. */
export interface DomainJson {
  slug: string;
  name: { en: string; zh: string };
  /** False while a name is still the slug (created by `project add --domain`, not yet named). */
  named: boolean;
}

/** The JSON of one domain. */
export function domainJson(row: DomainRow): DomainJson {
  return {
    slug: row.slug,
    name: { en: row.name_en, zh: row.name_zh },
    named: row.name_en !== row.slug && row.name_zh !== row.slug,
  };
}

const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 100) {
    throw new DomainError(
      'invalid',
      'bad_domain_name',
      `give the domain's ${what} name as text of 1 to 100 characters (for example ${what === 'English' ? '"Industrial internet"' : '"工业互联网"'})`,
    );
  }
  return value.trim();
};

/**
 * Names a domain in English and Chinese (the pages show these, never the slug). Both names are required: a page
 * in either language must have one to show.
 */
export function nameDomain(store: Store, slug: string, names: { en: unknown; zh: unknown }): DomainJson {
  const en = text(names.en, 'English');
  const zh = text(names.zh, 'Chinese');
  if (!/[\u3400-\u9FFF]/u.test(zh)) {
    throw new DomainError(
      'invalid',
      'bad_domain_name',
      `the Chinese name "${zh}" has no Chinese characters: give the name in Chinese`,
    );
  }
  if (!store.domains.rename(slug, { en, zh })) {
    const known = store.domains.list().map((d) => d.slug);
    throw new DomainError(
      'not-found',
      'domain_not_found',
      `there is no domain "${slug}"; the domains are: ${known.join(', ') || 'none yet'}`,
    );
  }
  return domainJson(store.domains.get(slug)!);
}
