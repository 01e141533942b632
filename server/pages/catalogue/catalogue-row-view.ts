import { textLang } from '../text-lang.ts';
import type { I18nLocals } from '../../i18n/i18n-middleware.ts';
import type { Lang } from '../../../kernel/i18n/languages.ts';
import { levelClass, levelLabel } from '../project/level-label.ts';
import { projectHref } from '../project/project-href.ts';
import { domainLabel } from './domain-label.ts';
import type { CatalogueEntry, CommunitySnapshot } from './community-snapshot.ts';

/** One project's row of the catalogue table, formatted for a language. */
export interface CatalogueRowView {
  name: string;
  href: string;
  description: string;
  /** The language the description is written in (see `textLang`). */
  descriptionLang: 'zh-CN' | 'en';
  level: string;
  levelClass: string;
  domain: string;
  stars: string;
  activity: string;
  isoActivity: string;
  archived: boolean;
}

// Rows per snapshot and language: formatting dates and numbers with Intl is most of a catalogue page's model,
// and the same projects are shown again and again. Dropped with the snapshot (domain names live in it).
const memo = new WeakMap<CommunitySnapshot, Map<Lang, Map<CatalogueEntry, CatalogueRowView>>>();

/** The row of `entry` in the reader's language (memoised per snapshot; callers must not modify it). */
export function catalogueRowView(
  snapshot: CommunitySnapshot,
  entry: CatalogueEntry,
  { lang, t, fmt }: I18nLocals,
): CatalogueRowView {
  let byLang = memo.get(snapshot);
  if (!byLang) memo.set(snapshot, (byLang = new Map()));
  let rows = byLang.get(lang);
  if (!rows) byLang.set(lang, (rows = new Map()));
  let row = rows.get(entry);
  if (!row) {
    const names = entry.domain === null ? undefined : snapshot.domains.get(entry.domain);
    row = {
      name: entry.fullName,
      href: projectHref(entry.owner, entry.repo),
      description: entry.description ?? '',
      descriptionLang: textLang(entry.description ?? ''),
      level: levelLabel(t, entry.level),
      levelClass: levelClass(entry.level),
      domain: entry.domain === null ? '' : domainLabel(entry.domain, lang, names),
      stars: entry.stars === null ? t.catalogue.starsUnknown : fmt.number(entry.stars),
      activity: fmt.date(entry.lastActivityAt),
      isoActivity: fmt.isoDate(entry.lastActivityAt),
      archived: entry.archived,
    };
    rows.set(entry, row);
  }
  return row;
}
