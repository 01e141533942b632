import type { Lang } from '../../kernel/i18n/languages.ts';

/** Kinds of things the search finds (proposals and drafts join when they exist). */
export type SearchDocumentType = 'project' | 'page' | 'proposal' | 'draft';

/** One searchable thing: what the index holds and what a result shows. */
export interface SearchDocument {
  /** Unique across types, e.g. `project:acme/widget` or `page:faq:en`. */
  id: string;
  type: SearchDocumentType;
  /** The language of the text, when it has one (content pages); projects are in whatever their authors wrote. */
  lang: Lang | null;
  title: string;
  url: string;
  /** Plain text, searched and cut into snippets. */
  text: string;
  /** Extra terms that are searched but not shown (topics, domain names, level names). */
  keywords: string;
}
