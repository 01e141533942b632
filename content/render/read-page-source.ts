// A content page is a Markdown file per language: `content/pages/<slug>.<lang>.md`, its first `# ` line the title.
import { readFileSync } from 'node:fs';
import type { Lang } from '../../kernel/i18n/languages.ts';

/** A content page's Markdown and its title. */
export interface PageSource {
  title: string;
  markdown: string;
}

const PAGES_DIR = new URL('../pages/', import.meta.url);

/** Reads the Markdown of a page in a language; undefined when that page does not exist. */
export function readPageSource(slug: string, lang: Lang): PageSource | undefined {
  let markdown: string;
  try {
    markdown = readFileSync(new URL(`${slug}.${lang}.md`, PAGES_DIR), 'utf8');
  } catch {
    return undefined;
  }
  return { title: titleOf(markdown) ?? slug, markdown };
}

/** The text of the first level-one heading. */
export function titleOf(markdown: string): string | undefined {
  return /^# +(.+?) *#* *$/m.exec(markdown)?.[1];
}

/** Markdown without its syntax, for the search index and snippets (good enough: headings, emphasis, links). */
export function plainTextOf(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
